#!/usr/bin/env bash
# Fan-out benchmark of evening reminders, on loopback only.
#
# Seeds a fresh SQLite file with BENCH_USERS Telegram users whose reminders are all due now, starts
# a fast local stand-in for the Bot API (FastBotApiStub) and the bot (webhook mode, so it does not
# poll), and waits until every reminder went out. The stand-in counts messages per chat, so the
# summary shows duplicates and losses as well as the rate.
#
#   bash scripts/bench-reminders.sh
#   BENCH_USERS=20000 TELEGRAM_SEND_RATE=30 bash scripts/bench-reminders.sh
#
# Settings (environment):
#   BENCH_USERS         users with a reminder due (100000)
#   TELEGRAM_SEND_RATE  the bot's global send budget per second (1000)
#   BENCH_DATABASE_URL  an empty database or schema to use instead of a fresh SQLite file, e.g.
#                       jdbc:postgresql://127.0.0.1:5432/backcoach_test?currentSchema=bench
#                       (with DATABASE_USER and DATABASE_PASSWORD)
#   STUB_PORT, WEBHOOK_PORT  loopback ports (18091, 18453)
#   BENCH_KEEP=1        keep the work folder (bot log, database)
#   APP_JAR, BENCH_JAR  the jars to use (built when missing)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
APP_JAR=${APP_JAR:-$ROOT/bot-app/target/backcoach.jar}
BENCH_JAR=${BENCH_JAR:-$ROOT/bot-bench/target/benchmarks.jar}
USERS=${BENCH_USERS:-100000}
RATE=${TELEGRAM_SEND_RATE:-1000}
STUB_PORT=${STUB_PORT:-18091}
WEBHOOK_PORT=${WEBHOOK_PORT:-18453}

say() { printf '== %s\n' "$*"; }
die() { printf 'bench-reminders: %s\n' "$*" >&2; exit 1; }

if [ ! -f "$APP_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
  say "building the jars"
  (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
fi

WORK=$(mktemp -d /tmp/bench-reminders.XXXXXX)
STUB_PID=
BOT_PID=
cleanup() {
  [ -n "$BOT_PID" ] && kill "$BOT_PID" 2> /dev/null && wait "$BOT_PID" 2> /dev/null || true
  [ -n "$STUB_PID" ] && kill "$STUB_PID" 2> /dev/null && wait "$STUB_PID" 2> /dev/null || true
  if [ "${BENCH_KEEP:-0}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

stats() { curl -s "http://127.0.0.1:$STUB_PORT/stats"; }
field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<< "$2"; }

DB_URL=${BENCH_DATABASE_URL:-jdbc:sqlite:$WORK/bot.db}
say "seeding $USERS users with a reminder due now"
java -cp "$BENCH_JAR" dev.backcoach.bench.reminders.SeedReminders "$DB_URL" "$USERS" "$(date +%s)"

java -cp "$BENCH_JAR" dev.backcoach.bench.telegram.FastBotApiStub "$STUB_PORT" 4 > "$WORK/stub.log" 2>&1 &
STUB_PID=$!
for _ in $(seq 50); do stats > /dev/null 2>&1 && break; sleep 0.2; done

say "starting the bot: TELEGRAM_SEND_RATE=$RATE"
START=$(date +%s)
env -i PATH="$PATH" HOME="$HOME" \
  TELEGRAM_BOT_TOKEN=1:bench TELEGRAM_API_URL="http://127.0.0.1:$STUB_PORT" TELEGRAM_MODE=webhook \
  TELEGRAM_WEBHOOK_PORT="$WEBHOOK_PORT" TELEGRAM_WEBHOOK_SECRET=bench-secret TELEGRAM_SEND_RATE="$RATE" \
  DATABASE_URL="$DB_URL" DATABASE_USER="${DATABASE_USER:-}" DATABASE_PASSWORD="${DATABASE_PASSWORD:-}" HTTP_PORT=0 \
  java ${BENCH_JAVA_OPTS:-} -jar "$APP_JAR" > "$WORK/bot.log" 2>&1 &
BOT_PID=$!

last=-1
still=0
while true; do
  sleep 2
  kill -0 "$BOT_PID" 2> /dev/null || { tail -20 "$WORK/bot.log"; die "the bot stopped"; }
  line=$(stats)
  sent=$(field sendmessage "$line"); sent=${sent:-0}
  printf '   %4ds  sent %s\n' $(( $(date +%s) - START )) "$sent"
  [ "$sent" -ge "$USERS" ] && break
  if [ "$sent" = "$last" ]; then still=$((still + 1)); else still=0; fi
  [ "$still" -ge 30 ] && { say "no progress for 60 s"; break; }
  last=$sent
done
sleep 3 # anything still coming would be a duplicate
line=$(stats)
sent=$(field sendmessage "$line"); chats=$(field chats "$line"); repeated=$(field repeated "$line")
span=$(field span_ms "$line")
lost=$(( USERS - chats ))
rate=$(awk -v n="$chats" -v ms="$span" 'BEGIN { printf "%.0f", (ms > 0 ? n * 1000 / ms : 0) }')
share=$(awk -v r="$rate" -v b="$RATE" 'BEGIN { printf "%.1f", r * 100 / b }')
say "result: users=$USERS sent=$sent chats=$chats duplicates=$repeated lost=$lost"
say "result: first to last message ${span} ms: $rate reminders/s = $share% of TELEGRAM_SEND_RATE=$RATE"
grep -E "WARN|ERROR" "$WORK/bot.log" | sort | uniq -c | sort -rn | head -5 || true
