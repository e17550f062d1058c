#!/usr/bin/env bash
# Load benchmark of Telegram webhook mode, on loopback only.
#
# Starts a fast local stand-in for the Bot API (FastBotApiStub) and the bot in webhook mode on a
# fresh SQLite file (or BENCH_DATABASE_URL), warms up, then drives the webhook with wrk: updates
# from BENCH_USERS distinct users, each update running a turn on the user's state and committing a
# changed one; the replies go back in the webhook response or out to the stand-in. Prints wrk's summary per run, the stand-in's call
# counts and the database's row counts, then stops everything it started.
#
#   bash scripts/bench-telegram-webhook.sh
#   BENCH_CONNECTIONS="32 64 128" BENCH_DURATION=30s bash scripts/bench-telegram-webhook.sh
#
# Settings (environment):
#   BENCH_CONNECTIONS  wrk -c; a space-separated list runs one measurement each (default "64")
#   BENCH_THREADS      wrk -t (2)
#   BENCH_DURATION     each measurement (30s); BENCH_WARMUP first (20s: the JIT is still busy at 10 s)
#   BENCH_USERS        distinct users (10000)
#   BENCH_DATABASE_URL an empty database or schema to use instead of a fresh SQLite file, e.g.
#                      jdbc:postgresql://127.0.0.1:5432/backcoach_test?currentSchema=bench
#                      (with DATABASE_USER and DATABASE_PASSWORD)
#   STUB_PORT, WEBHOOK_PORT, HTTP_PORT  loopback ports (18081, 18443, 18080 = the bot's health port)
#   BENCH_JAVA_OPTS    extra JVM options for the bot
#   BENCH_QUIET_WAIT   seconds to wait for an idle machine before each measurement (60)
#   BENCH_SAMPLE=1     during the first measurement, top -H and three thread dumps of the bot in the
#                      work folder (the bot's CPU by thread is always printed for the first one)
#   BENCH_KEEP=1       keep the work folder (logs, database, samples)
#   APP_JAR, BENCH_JAR the jars to use (built when missing)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
APP_JAR=${APP_JAR:-$ROOT/bot-app/target/backcoach.jar}
BENCH_JAR=${BENCH_JAR:-$ROOT/bot-bench/target/benchmarks.jar}
LUA=$ROOT/scripts/bench/webhook-updates.lua
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-20s}
USERS=${BENCH_USERS:-10000}
STUB_PORT=${STUB_PORT:-18081}
WEBHOOK_PORT=${WEBHOOK_PORT:-18443}
HEALTH_PORT=${HTTP_PORT:-18080}
WEBHOOK_PATH=/telegram
HOST=127.0.0.1

say() { printf '== %s\n' "$*"; }
die() { printf 'bench-telegram-webhook: %s\n' "$*" >&2; exit 1; }
seconds() { # 30s, 2m, 45 -> seconds
  case "$1" in
    *m) echo $(( ${1%m} * 60 )) ;;
    *s) echo "${1%s}" ;;
    *) echo "$1" ;;
  esac
}

# ---- tools and jars ----
if ! command -v wrk > /dev/null; then
  say "installing wrk"
  if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq wrk > /dev/null
fi
command -v curl > /dev/null || die "curl is needed"

has_class() { [ -f "$1" ] && unzip -l "$1" 2> /dev/null | grep -c "$2" > /dev/null; } # no grep -q: SIGPIPE under pipefail
if ! has_class "$APP_JAR" dev/backcoach/telegram/WebhookReceiver.class \
    || ! has_class "$BENCH_JAR" dev/backcoach/bench/telegram/FastBotApiStub.class; then
  say "building the jars"
  (cd "$ROOT" && { ./mvnw -B -o -q -DskipTests package || ./mvnw -B -q -DskipTests package; })
  has_class "$APP_JAR" dev/backcoach/telegram/WebhookReceiver.class || die "$APP_JAR has no Telegram webhook"
fi

for port in "$STUB_PORT" "$WEBHOOK_PORT" "$HEALTH_PORT"; do
  if (exec 3<> "/dev/tcp/$HOST/$port") 2> /dev/null; then
    die "port $port on $HOST is in use: set STUB_PORT / WEBHOOK_PORT / HTTP_PORT"
  fi
done

# ---- processes (only these are stopped, by pid) ----
WORK=$(mktemp -d /tmp/bench-telegram-webhook.XXXXXX)
STUB_PID=
APP_PID=
stop_pid() { # pid, seconds to wait after SIGTERM before SIGKILL
  local pid=$1 wait=$2
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2> /dev/null || return 0
  for _ in $(seq $(( wait * 10 ))); do
    kill -0 "$pid" 2> /dev/null || { wait "$pid" 2> /dev/null || true; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
}
cleanup() {
  stop_pid "$APP_PID" 15
  stop_pid "$STUB_PID" 5
  if [ "${BENCH_KEEP:-0}" = 1 ]; then
    echo "work folder kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

SECRET=bench-$RANDOM$RANDOM
STATE=$WORK/lua-state
DB=$WORK/backcoach.db
DB_URL=${BENCH_DATABASE_URL:-jdbc:sqlite:$DB}
case "$DB_URL" in
  jdbc:sqlite:*) COUNT_URL="jdbc:sqlite:file:$DB?mode=ro" ;; # read-only: the counts change nothing
  *) COUNT_URL=$DB_URL ;;
esac

say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
say "java: $(java -version 2>&1 | head -1)"
say "$(wrk -v 2>&1 | head -1)"

java -Xmx256m -cp "$BENCH_JAR" dev.backcoach.bench.telegram.FastBotApiStub "$STUB_PORT" 4 > "$WORK/stub.log" 2>&1 &
STUB_PID=$!

stub_count() { # method -> count (0 if none yet)
  curl -s --max-time 2 "http://$HOST:$STUB_PORT/stats" | tr ' ' '\n' | sed -n "s/^$1=//p" | grep . || echo 0
}
for _ in $(seq 100); do
  curl -s --max-time 1 -o /dev/null "http://$HOST:$STUB_PORT/stats" && break
  kill -0 "$STUB_PID" 2> /dev/null || die "the Bot API stand-in did not start: $(cat "$WORK/stub.log")"
  sleep 0.1
done

# The bot, as an operator would start it, plus the benchmark's settings. Only loopback addresses.
env -u DISCORD_BOT_TOKEN -u TELEGRAM_WEBHOOK_URL \
  TELEGRAM_BOT_TOKEN=123456:bench-token \
  TELEGRAM_API_URL="http://$HOST:$STUB_PORT" \
  TELEGRAM_MODE=webhook \
  TELEGRAM_WEBHOOK_PORT="$WEBHOOK_PORT" \
  TELEGRAM_WEBHOOK_PATH="$WEBHOOK_PATH" \
  TELEGRAM_WEBHOOK_SECRET="$SECRET" \
  TELEGRAM_SEND_RATE=100000 \
  HTTP_PORT="$HEALTH_PORT" \
  DATABASE_URL="$DB_URL" DATABASE_USER="${DATABASE_USER:-}" DATABASE_PASSWORD="${DATABASE_PASSWORD:-}" \
  LOG_LEVEL=WARN \
  java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "$APP_JAR" < /dev/null > "$WORK/app.out" 2> "$WORK/app.err" &
APP_PID=$!

# Up when the webhook answers at all: a GET is refused (405) without running a turn.
for i in $(seq 300); do
  code=$(curl -s --max-time 1 -o /dev/null -w '%{http_code}' "http://$HOST:$WEBHOOK_PORT$WEBHOOK_PATH" || true)
  [ "$code" = 405 ] && break
  kill -0 "$APP_PID" 2> /dev/null || die "the bot stopped at start: $(tail -5 "$WORK/app.err")"
  [ "$i" = 300 ] && die "the webhook did not answer within 30 s"
  sleep 0.1
done
say "bot pid $APP_PID up, webhook http://$HOST:$WEBHOOK_PORT$WEBHOOK_PATH, stand-in pid $STUB_PID, work $WORK"

# CPU accounting in clock ticks: how much of the machine went to the bot, the stand-in, wrk and
# interrupts (loopback TCP; partly counted in the processes' own time too), against how busy the
# whole machine was: anything else running (a build) skews a run, and this shows it.
busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
irq_ticks() { awk '/^cpu /{print $7+$8}' /proc/stat; } # loopback TCP is mostly softirq, counted to no process
pid_ticks() { sed 's/.*) //' "/proc/$1/stat" 2> /dev/null | awk '{print $12+$13}' || echo 0; }
child_ticks() { sed 's/.*) //' "/proc/$$/stat" | awk '{print $14+$15}'; } # waited children: wrk
cores() { awk -v t="$1" -v s="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", t / hz / s}'; }
thread_ticks() { # the bot's threads: "name ticks" per thread (tid-unique), names without numbers
  local t
  for t in /proc/"$1"/task/*; do
    [ -r "$t/stat" ] || continue
    awk -v tid="${t##*/}" '{ name = $0; sub(/^[^(]*\(/, "", name); sub(/\) .*/, "", name); gsub(/[#0-9-]+$/, "", name)
      rest = $0; sub(/.*\) /, "", rest); split(rest, f, " "); print tid, name, f[12] + f[13] }' "$t/stat" 2> /dev/null || true
  done
}
thread_cpu() { # before-file after-file seconds -> cores per thread group, busiest first
  awk -v s="$3" -v hz="$(getconf CLK_TCK)" 'NR == FNR { before[$1] = $NF; next }
    { n = $0; sub(/^[0-9]+ /, "", n); sub(/ [0-9]+$/, "", n); cpu[n] += $NF - before[$1] }
    END { for (n in cpu) if (cpu[n] > 0) printf "%.2f %s\n", cpu[n] / hz / s, n }' "$1" "$2" | sort -rn | head -12
}
wait_quiet() { # up to BENCH_QUIET_WAIT s (default 60) for the machine to idle (< 0.3 cores busy)
  local deadline=$(( SECONDS + ${BENCH_QUIET_WAIT:-60} )) b0 b1 busy
  while :; do
    b0=$(busy_ticks); sleep 1; b1=$(busy_ticks)
    busy=$(cores $(( b1 - b0 )) 1)
    if awk -v b="$busy" 'BEGIN{exit !(b < 0.3)}'; then echo "   machine idle before the run ($busy cores busy)"; return; fi
    if [ $SECONDS -ge "$deadline" ]; then echo "   WARNING: machine still busy before the run ($busy cores): numbers are skewed"; return; fi
  done
}

run_wrk() { # connections duration -> wrk output in $WORK/wrk.out
  local c=$1 d=$2
  BENCH_SECRET=$SECRET BENCH_THREADS=$THREADS BENCH_USERS=$USERS BENCH_STATE=$STATE \
    timeout --kill-after=5 $(( $(seconds "$d") + 30 )) \
    wrk -t"$THREADS" -c"$c" -d"$d" --latency -s "$LUA" "http://$HOST:$WEBHOOK_PORT$WEBHOOK_PATH" > "$WORK/wrk.out" 2>&1 \
    || { cat "$WORK/wrk.out"; die "wrk failed"; }
  # wrk goes on with plain GETs when the script fails in a thread: only a result line proves it ran
  grep -q '^bench-result' "$WORK/wrk.out" && ! grep -qE '\.lua:[0-9]+:' "$WORK/wrk.out" \
    || { cat "$WORK/wrk.out"; die "the wrk script failed"; }
}
field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" "$WORK/wrk.out" | tail -1; }
wait_drained() { # until sendMessage stops moving (outbox empty), at most 20 s
  local last=-1 now
  for _ in $(seq 40); do
    now=$(stub_count sendmessage)
    [ "$now" = "$last" ] && break
    last=$now
    sleep 0.5
  done
}

say "warm-up: wrk -t$THREADS -c64 -d$WARMUP"
run_wrk 64 "$WARMUP"
echo "   $(grep '^bench-result' "$WORK/wrk.out")"
SENT_TOTAL=$(field sent)
wait_drained

RESULTS=()
first=1
for c in $CONNECTIONS; do
  wait_quiet
  before=$(stub_count sendmessage)
  say "measure: wrk -t$THREADS -c$c -d$DURATION --latency -s scripts/bench/webhook-updates.lua http://$HOST:$WEBHOOK_PORT$WEBHOOK_PATH"
  sampler=
  if [ "${BENCH_SAMPLE:-0}" = 1 ] && [ "$first" = 1 ]; then
    ( sleep $(( $(seconds "$DURATION") / 2 ))
      top -H -b -n 1 -d 1 -p "$APP_PID" > "$WORK/top-threads.txt" 2>&1 || true
      for k in 1 2 3; do jcmd "$APP_PID" Thread.print > "$WORK/threads-$k.txt" 2>&1 || true; sleep 1; done ) &
    sampler=$!
  fi
  [ "$first" = 1 ] && thread_ticks "$APP_PID" > "$WORK/threads-before.txt"
  i0=$(irq_ticks); b0=$(busy_ticks); a0=$(pid_ticks "$APP_PID"); s0=$(pid_ticks "$STUB_PID"); w0=$(child_ticks); t0=$SECONDS
  run_wrk "$c" "$DURATION"
  i1=$(irq_ticks); b1=$(busy_ticks); a1=$(pid_ticks "$APP_PID"); s1=$(pid_ticks "$STUB_PID"); w1=$(child_ticks); t1=$SECONDS
  [ -z "$sampler" ] || wait "$sampler"
  if [ "$first" = 1 ]; then
    thread_ticks "$APP_PID" > "$WORK/threads-after.txt"
    echo "   the bot's CPU by thread (cores):"
    thread_cpu "$WORK/threads-before.txt" "$WORK/threads-after.txt" $(( t1 - t0 > 0 ? t1 - t0 : 1 )) | sed 's/^/     /'
  fi
  span=$(( t1 - t0 > 0 ? t1 - t0 : 1 ))
  cpu="cpu_cores bot=$(cores $(( a1 - a0 )) $span) stand_in=$(cores $(( s1 - s0 )) $span) wrk=$(cores $(( w1 - w0 )) $span) irq=$(cores $(( i1 - i0 )) $span) machine_busy=$(cores $(( b1 - b0 )) $span)/$(nproc)"
  at_stop=$(stub_count sendmessage)
  wait_drained
  drained=$(stub_count sendmessage)
  sed -n '/^Running/,/^Transfer/p' "$WORK/wrk.out"
  sent=$(field sent)
  SENT_TOTAL=$(( SENT_TOTAL + sent ))
  line="c=$c rps=$(field rps) p50_ms=$(field p50_ms) p90_ms=$(field p90_ms) p99_ms=$(field p99_ms) p999_ms=$(field p999_ms) max_ms=$(field max_ms) non2xx=$(field non2xx) socket_errors=$(( $(field connect_err) + $(field read_err) + $(field write_err) + $(field timeouts) )) requests=$(field requests) sent=$sent sendMessage_at_stop=$(( at_stop - before )) sendMessage_drained=$(( drained - before )) inline_replies=$(field inline_replies) replies_total=$(( drained - before + $(field inline_replies) )) $cpu"
  echo "   $line"
  RESULTS+=("$line")
  first=0
done

# Stop the bot (SIGTERM: it stops taking updates and lets queued replies go out), then count.
stop_pid "$APP_PID" 15
APP_PID=
say "bot log (WARN and above): $(grep -cE ' (WARN|ERROR) ' "$WORK/app.err" || true) lines"
grep -E ' (WARN|ERROR) ' "$WORK/app.err" | cut -c1-200 | sort | uniq -c | sort -rn | head -5 || true
STUB_LINE=$(curl -s --max-time 2 "http://$HOST:$STUB_PORT/stats")
DB_LINE=$(java -cp "$BENCH_JAR" dev.backcoach.bench.telegram.RowCounts "$COUNT_URL" 2> "$WORK/counts.err")

say "results"
for line in "${RESULTS[@]}"; do echo "   $line"; done
echo "   updates sent in total (warm-up included): $SENT_TOTAL"
echo "   $STUB_LINE"
echo "   $DB_LINE (expected user_session=$USERS, processed_event = one per update that ran a turn)"
