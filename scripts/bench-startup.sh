#!/usr/bin/env bash
# Start-up time of BackCoach in each mode: from launching bin/backcoach (as an operator would) to
# /readyz answering 200, BENCH_STARTS times per mode and database: a new SQLite file each time (the
# first start, which creates the schema) and an existing one (a restart); prints the median, the
# fastest and the slowest, and the CPU time the JVM had used when it was ready. Telegram's modes talk to the local Bot API stand-in
# (FastBotApiStub) on loopback. Stops everything it started.
#
#   bash scripts/bench-startup.sh
#   BENCH_STARTS=5 BENCH_MODES="webhook" BACKCOACH_CDS=off bash scripts/bench-startup.sh
#
# Settings (environment):
#   BENCH_STARTS   starts per mode (10)
#   BENCH_MODES    which modes ("console polling webhook")
#   BENCH_DATABASES  which databases ("new existing")
#   BACKCOACH_CDS  off: start without the class data sharing archive, for comparison
#   JAVA_OPTS      extra JVM options (read by bin/backcoach)
#   STUB_PORT, WEBHOOK_PORT, HTTP_PORT  loopback ports (18091, 18453, 18090)
#   APP_JAR, BENCH_JAR  the jars to use (built when missing)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
APP_JAR=${APP_JAR:-$ROOT/bot-app/target/backcoach.jar}
BENCH_JAR=${BENCH_JAR:-$ROOT/bot-bench/target/benchmarks.jar}
STARTS=${BENCH_STARTS:-10}
MODES=${BENCH_MODES:-console polling webhook}
DATABASES=${BENCH_DATABASES:-new existing}
STUB_PORT=${STUB_PORT:-18091}
WEBHOOK_PORT=${WEBHOOK_PORT:-18453}
HEALTH_PORT=${HTTP_PORT:-18090}
HOST=127.0.0.1

say() { printf '== %s\n' "$*"; }
die() { printf 'bench-startup: %s\n' "$*" >&2; exit 1; }

if [ ! -f "$APP_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
  say "building the jars"
  (cd "$ROOT" && { ./mvnw -B -o -q -DskipTests package || ./mvnw -B -q -DskipTests package; })
fi
for port in "$STUB_PORT" "$WEBHOOK_PORT" "$HEALTH_PORT"; do
  if (exec 3<> "/dev/tcp/$HOST/$port") 2> /dev/null; then die "port $port on $HOST is in use"; fi
done

WORK=$(mktemp -d /tmp/bench-startup.XXXXXX)
STUB_PID=
APP_PID=
stop_pid() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2> /dev/null || return 0
  for _ in $(seq 150); do
    kill -0 "$pid" 2> /dev/null || { wait "$pid" 2> /dev/null || true; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
}
cleanup() {
  stop_pid "$APP_PID"
  stop_pid "$STUB_PID"
  exec 9>&- 8>&- 2> /dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

java -XX:+UseSerialGC -Xmx128m -cp "$BENCH_JAR" dev.backcoach.bench.telegram.FastBotApiStub "$STUB_PORT" 4 > "$WORK/stub.log" 2>&1 &
STUB_PID=$!
for _ in $(seq 100); do
  curl -s --max-time 1 -o /dev/null "http://$HOST:$STUB_PORT/stats" && break
  sleep 0.1
done
# The terminal chat reads standard input: a pipe kept open, so it waits for the user as in a terminal.
mkfifo "$WORK/stdin"
exec 9<> "$WORK/stdin"

archive=${APP_JAR%.jar}.jsa
cds="archive $( [ -f "$archive" ] && [ "${BACKCOACH_CDS:-on}" != off ] && echo on || echo off)"
say "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo unknown), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), class data sharing $cds"

# Polling /readyz must not take the CPU the bot starts with: a curl every 5 ms took 0.7 of a core
# here. So the probe and the pause between probes are bash built-ins (no process per probe):
# /dev/tcp, and a read that times out on a pipe nobody writes to.
mkfifo "$WORK/tick"
exec 8<> "$WORK/tick"
nap() { read -r -t "$1" -u 8 _ || true; }
ready() { # true when /readyz answers 200
  local status=
  { exec 3<> "/dev/tcp/$HOST/$HEALTH_PORT"; } 2> /dev/null || return 1
  printf 'GET /readyz HTTP/1.0\r\nHost: %s\r\n\r\n' "$HOST" >&3
  IFS=' ' read -r -t 1 _ status _ <&3 || status=
  exec 3>&-
  [ "$status" = 200 ]
}

start() { # mode database-file -> ms until /readyz answers 200
  local mode=$1 db=$2 t0 code
  local -a env=(DATABASE_URL="jdbc:sqlite:$db" HTTP_PORT="$HEALTH_PORT" LOG_LEVEL=WARN BACKCOACH_JAR="$APP_JAR")
  case "$mode" in
    polling | webhook)
      env+=(TELEGRAM_BOT_TOKEN=123456:bench-token TELEGRAM_API_URL="http://$HOST:$STUB_PORT" TELEGRAM_MODE="$mode"
        TELEGRAM_WEBHOOK_PORT="$WEBHOOK_PORT" TELEGRAM_WEBHOOK_SECRET=startup) ;;
  esac
  t0=${EPOCHREALTIME/./}
  env -u DISCORD_BOT_TOKEN -u TELEGRAM_BOT_TOKEN -u TELEGRAM_WEBHOOK_URL "${env[@]}" \
    "$ROOT/bin/backcoach" <&9 > "$WORK/app.out" 2> "$WORK/app.err" &
  APP_PID=$!
  for _ in $(seq 3000); do
    if ready; then
      local t1=${EPOCHREALTIME/./}
      # wall ms, and the CPU ms the JVM had used by then (all threads): the second barely moves
      # when other work shares the machine, the first does
      echo "$(( (t1 - t0) / 1000 )) $(sed 's/.*) //' "/proc/$APP_PID/stat" | awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($12 + $13) * 1000 / hz}')"
      stop_pid "$APP_PID"
      APP_PID=
      return
    fi
    kill -0 "$APP_PID" 2> /dev/null || die "$mode stopped at start: $(tail -5 "$WORK/app.err")"
    nap 0.005
  done
  die "$mode was not ready within 30 s"
}

echo
echo "| mode | database | median, ms | fastest, ms | slowest, ms | CPU used by then, median ms | starts |"
echo "|---|---|---|---|---|---|---|"
for mode in $MODES; do
  case "$mode" in console | polling | webhook) ;; *) die "unknown mode $mode" ;; esac
  # Once unmeasured: the file cache is warm for every measured start, and the existing database is
  # made.
  start "$mode" "$WORK/$mode.db" > /dev/null
  for database in $DATABASES; do
    times=()
    for n in $(seq "$STARTS"); do
      case "$database" in
        new) times+=("$(start "$mode" "$WORK/$mode-$n.db")") ;;
        existing) times+=("$(start "$mode" "$WORK/$mode.db")") ;;
        *) die "unknown database $database (new or existing)" ;;
      esac
  done
  cpu=$(printf '%s\n' "${times[@]}" | awk '{print $2}' | sort -n | awk '{ t[NR] = $1 } END {
    print NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }')
  printf '%s\n' "${times[@]}" | awk '{print $1}' | sort -n | awk -v m="$mode" -v d="$database" -v cpu="$cpu" '{ t[NR] = $1 } END {
    med = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "| %s | %s | %d | %d | %d | %d | %d |\n", m, d, med, t[1], t[NR], cpu, NR }'
  done
done
