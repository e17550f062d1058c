# The servers of scripts/bench-telegram-webhook.sh, sourced by it: start_NAME starts one in the
# background (TARGET_PID) and sets the URL it serves and the status its readiness probe expects;
# wait_ready waits for that answer. They read the main script's settings (ports, secret, WORK).
# shellcheck shell=bash disable=SC2034
# The bot's send budgets are lifted: the overall one is Telegram's limit for broadcasts, not for
# replies; and at 10,000 updates/s each of the 10,000 synthetic users writes about once a second,
# which is Telegram's per-chat limit, so with the default TELEGRAM_CHAT_RATE=1 the bot paces some
# replies (as it must) and p99 measures that pacing. BENCH_CHAT_RATE=1 measures it so.
start_backcoach() {
  local db=$WORK/backcoach.db
  env -u DISCORD_BOT_TOKEN -u TELEGRAM_WEBHOOK_URL \
    TELEGRAM_BOT_TOKEN=123456:bench-token \
    TELEGRAM_API_URL="http://$HOST:$STUB_PORT" \
    TELEGRAM_MODE=webhook \
    TELEGRAM_WEBHOOK_PORT="$WEBHOOK_PORT" \
    TELEGRAM_WEBHOOK_PATH="$WEBHOOK_PATH" \
    TELEGRAM_WEBHOOK_SECRET="$SECRET" \
    TELEGRAM_SEND_RATE=100000 \
    TELEGRAM_CHAT_RATE="${BENCH_CHAT_RATE:-2}" \
    HTTP_PORT="$HEALTH_PORT" \
    DATABASE_URL="${BENCH_DATABASE_URL:-jdbc:sqlite:$db}" DATABASE_USER="${DATABASE_USER:-}" DATABASE_PASSWORD="${DATABASE_PASSWORD:-}" \
    LOG_LEVEL=WARN BACKCOACH_JAR="$APP_JAR" \
    "$ROOT/bin/backcoach" < /dev/null > "$WORK/backcoach.out" 2> "$WORK/backcoach.err" &
  TARGET_PID=$!
  URL=http://$HOST:$WEBHOOK_PORT$WEBHOOK_PATH
  READY_CODE=405 # a GET is refused without running a turn
}
start_grammy() {
  (cd "$GRAMMY_DIR" && exec env BOT_TOKEN=123456:bench-token API_ROOT="http://$HOST:$STUB_PORT" PORT="$GRAMMY_PORT" \
    WEBHOOK_PATH="$WEBHOOK_PATH" WEBHOOK_SECRET="$SECRET" SESSION_DIR="$WORK/grammy-sessions" \
    node bot.js < /dev/null > "$WORK/grammy.out" 2> "$WORK/grammy.err") &
  TARGET_PID=$!
  URL=http://$HOST:$GRAMMY_PORT$WEBHOOK_PATH
  READY_CODE=405
}
start_jetty() {
  java -cp "$BENCH_JAR" dev.backcoach.bench.telegram.BareJettyServer "$JETTY_PORT" < /dev/null > "$WORK/jetty.out" 2> "$WORK/jetty.err" &
  TARGET_PID=$!
  URL=http://$HOST:$JETTY_PORT$WEBHOOK_PATH
  READY_CODE=200
}
start_bare() {
  java -cp "$BENCH_JAR" dev.backcoach.bench.telegram.BareHttpServer "$BARE_PORT" < /dev/null > "$WORK/bare.out" 2> "$WORK/bare.err" &
  TARGET_PID=$!
  URL=http://$HOST:$BARE_PORT$WEBHOOK_PATH
  READY_CODE=200
}
wait_ready() { # name -> start-up in ms, from the process start to its first answer
  local name=$1 t0=$2 code
  for _ in $(seq 3000); do
    code=$(curl -s --max-time 1 -o /dev/null -w '%{http_code}' "$URL" || true)
    if [ "$code" = "$READY_CODE" ]; then
      echo $(( ($(date +%s%N) - t0) / 1000000 ))
      return
    fi
    kill -0 "$TARGET_PID" 2> /dev/null || die "$name stopped at start: $(tail -5 "$WORK/$name.err")"
    sleep 0.01
  done
  die "$name did not answer within 30 s"
}
