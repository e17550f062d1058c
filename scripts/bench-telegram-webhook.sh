#!/usr/bin/env bash
# Load benchmark of Telegram webhook mode, on loopback only, side by side with its peers.
#
# One run measures, one after the other and the same way, up to three webhook servers:
#   backcoach  the bot in webhook mode, started by bin/backcoach with its default settings, on a
#              fresh SQLite file (or BENCH_DATABASE_URL)
#   grammy     the equivalent Node bot on grammY with file sessions (bench/grammy; `npm ci` from the
#              npm registry when its node_modules are missing)
#   bare       the JDK's HTTP server answering an empty 200, parsing nothing: the ceiling
#   jetty      not by default: Jetty 12 doing the same as bare (the HTTP server spike, BareJettyServer)
# Each gets its replies to a fast local stand-in for the Bot API over HTTP (FastBotApiStub), a
# warm-up, then the measurement with wrk: updates from BENCH_USERS users, each user's updates in
# turn cycling through /help, the text "hello there" and a press of an unknown button (see
# scripts/bench/webhook-updates.lua; BENCH_MIX=commands is the earlier /settings + /menu workload).
# Ends with one table: updates/s, latency, RSS after the run, start-up time, the CPU time the
# server's process used per update served (from /proc/<pid>/stat over the measurement: far less
# sensitive to other load on the machine than updates/s), and the ratios of BackCoach to grammY
# and to the bare server. With BENCH_RUNS=N the whole sequence runs N times in a row, each run with
# fresh processes, and a last table puts the runs side by side. Stops everything it started.
#
#   bash scripts/bench-telegram-webhook.sh
#   BENCH_RUNS=3 bash scripts/bench-telegram-webhook.sh      # three consecutive runs (~15 min)
#   BENCH_TARGETS=backcoach BENCH_MIX=commands bash scripts/bench-telegram-webhook.sh
#
# Settings (environment):
#   BENCH_TARGETS      which to measure, in this order ("backcoach grammy bare")
#   BENCH_RUNS         consecutive runs of the whole sequence (1)
#   BENCH_MIX          realistic (default) or commands
#   BENCH_CONNECTIONS  wrk -c (64); BENCH_THREADS wrk -t (2)
#   BENCH_DURATION     the measurement (30s); BENCH_WARMUP before it (30s)
#   BENCH_USERS        distinct users (10000)
#   BENCH_CHAT_RATE    BackCoach's TELEGRAM_CHAT_RATE (2; see scripts/bench/webhook-servers.sh)
#   BENCH_OVERLOAD     1 (default): after BackCoach's measurement, one more with twice the
#                      connections, where the webhook sheds what is over its in-flight limit (503);
#                      its latencies mix the refused (fast) and the accepted updates. 0: skip it
#   BENCH_DATABASE_URL an empty database or schema for BackCoach instead of a fresh SQLite file, e.g.
#                      jdbc:postgresql://127.0.0.1:5432/backcoach_test?currentSchema=bench
#                      (with DATABASE_USER and DATABASE_PASSWORD)
#   JAVA_OPTS          extra JVM options for BackCoach (read by bin/backcoach), e.g. a profiler agent
#   STUB_PORT, WEBHOOK_PORT, GRAMMY_PORT, BARE_PORT, JETTY_PORT, HTTP_PORT  loopback ports
#                      (18081, 18443, 18444, 18445, 18446, 18080 = BackCoach's health port)
#   BENCH_QUIET_WAIT   seconds to wait for an idle machine before each measurement (60)
#   BENCH_KEEP=1       keep the work folder (logs, database, sessions)
#   BENCH_THREAD_CPU=1 also print where each server's CPU went over the measurement, by thread
#                      name (digits dropped, so a pool is one line): JIT, GC, workers, sender...
#   APP_JAR, BENCH_JAR the jars to use (built when missing)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
APP_JAR=${APP_JAR:-$ROOT/bot-app/target/backcoach.jar}
BENCH_JAR=${BENCH_JAR:-$ROOT/bot-bench/target/benchmarks.jar}
LUA=$ROOT/scripts/bench/webhook-updates.lua
GRAMMY_DIR=$ROOT/bench/grammy
TARGETS=${BENCH_TARGETS:-backcoach grammy bare}
MIX=${BENCH_MIX:-realistic}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-30s}
USERS=${BENCH_USERS:-10000}
RUNS=${BENCH_RUNS:-1}
STUB_PORT=${STUB_PORT:-18081}
WEBHOOK_PORT=${WEBHOOK_PORT:-18443}
GRAMMY_PORT=${GRAMMY_PORT:-18444}
BARE_PORT=${BARE_PORT:-18445}
JETTY_PORT=${JETTY_PORT:-18446}
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
case "$MIX" in realistic | commands) ;; *) die "BENCH_MIX must be realistic or commands" ;; esac
case "$RUNS" in '' | *[!0-9]* | 0) die "BENCH_RUNS must be a whole number >= 1" ;; esac

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
    || ! has_class "$BENCH_JAR" dev/backcoach/bench/telegram/BareHttpServer.class; then
  say "building the jars"
  (cd "$ROOT" && { ./mvnw -B -o -q -DskipTests package || ./mvnw -B -q -DskipTests package; })
  has_class "$APP_JAR" dev/backcoach/telegram/WebhookReceiver.class || die "$APP_JAR has no Telegram webhook"
fi
case " $TARGETS " in
  *" grammy "*)
    command -v node > /dev/null && command -v npm > /dev/null || die "the grammY peer needs node and npm (or leave grammy out of BENCH_TARGETS)"
    if [ ! -d "$GRAMMY_DIR/node_modules/grammy" ]; then
      say "installing the grammY peer (npm ci)"
      (cd "$GRAMMY_DIR" && npm ci --no-audit --no-fund --loglevel=error > /dev/null) || die "npm ci failed in bench/grammy"
    fi ;;
esac

for port in "$STUB_PORT" "$WEBHOOK_PORT" "$GRAMMY_PORT" "$BARE_PORT" "$JETTY_PORT" "$HEALTH_PORT"; do
  if (exec 3<> "/dev/tcp/$HOST/$port") 2> /dev/null; then
    die "port $port on $HOST is in use: set STUB_PORT / WEBHOOK_PORT / GRAMMY_PORT / BARE_PORT / HTTP_PORT"
  fi
done

# ---- processes (only these are stopped, by pid) ----
WORK=$(mktemp -d /tmp/bench-telegram-webhook.XXXXXX)
STUB_PID=
TARGET_PID=
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
  stop_pid "$TARGET_PID" 15
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
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo unknown)
MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(( $(awk '/MemTotal/{print $2}' /proc/meminfo) / 1024 / 1024 )) GiB"
say "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT, $MACHINE, load $(cut -d' ' -f1-3 /proc/loadavg)"
say "java: $(java -version 2>&1 | head -1); node: $(node -v 2> /dev/null || echo none); $(wrk -v 2>&1 | head -1)"

java -Xmx256m -XX:+UseSerialGC -cp "$BENCH_JAR" dev.backcoach.bench.telegram.FastBotApiStub "$STUB_PORT" 4 > "$WORK/stub.log" 2>&1 &
STUB_PID=$!
stub_count() { # method (or total) -> count (0 if none yet)
  curl -s --max-time 2 "http://$HOST:$STUB_PORT/stats" | tr ' ' '\n' | sed -n "s/^$1=//p" | grep . || echo 0
}
for _ in $(seq 100); do
  curl -s --max-time 1 -o /dev/null "http://$HOST:$STUB_PORT/stats" && break
  kill -0 "$STUB_PID" 2> /dev/null || die "the Bot API stand-in did not start: $(cat "$WORK/stub.log")"
  sleep 0.1
done

# ---- the servers (backcoach, grammy, bare, jetty) ----
# shellcheck source=scripts/bench/webhook-servers.sh
. "$ROOT/scripts/bench/webhook-servers.sh"

# ---- measuring ----
# shellcheck source=scripts/bench/measure.sh
. "$ROOT/scripts/bench/measure.sh"
run_wrk() { # name duration [connections] -> wrk output in $WORK/wrk.out
  BENCH_SECRET=$SECRET BENCH_THREADS=$THREADS BENCH_USERS=$USERS BENCH_MIX=$MIX BENCH_STATE=$WORK/$1.lua-state \
    timeout --kill-after=5 $(( $(seconds "$2") + 30 )) \
    wrk -t"$THREADS" -c"${3:-$CONNECTIONS}" -d"$2" --latency -s "$LUA" "$URL" > "$WORK/wrk.out" 2>&1 \
    || { cat "$WORK/wrk.out"; die "wrk failed"; }
  # wrk goes on with plain GETs when the script fails in a thread: only a result line proves it ran
  grep -q '^bench-result' "$WORK/wrk.out" && ! grep -qE '\.lua:[0-9]+:' "$WORK/wrk.out" \
    || { cat "$WORK/wrk.out"; die "the wrk script failed"; }
}
field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" "$WORK/wrk.out" | tail -1; }
wait_drained() { # until the stand-in's call count stops moving (queues empty), at most 20 s
  local last=-1 now
  for _ in $(seq 40); do
    now=$(stub_count total)
    [ "$now" = "$last" ] && break
    last=$now
    sleep 0.5
  done
}

ROWS=()
SUMMARY=()
SPIKE=()
declare -A RATE P99 PER_CORE CPU_US RSS
measure() { # name run -> one row of the run's table; sets RATE, P99, PER_CORE, CPU_US, RSS
  local name=$1 run=$2 startup t1 b0 b1 p0 p1 s0 s1 span calls0 calls requests non2xx accepted errors rss peak used served over shed_rate
  say "run $run/$RUNS, $name: starting"
  t0=$(date +%s%N)
  "start_$name"
  startup=$(wait_ready "$name" "$t0")
  echo "   answering after $startup ms, pid $TARGET_PID, $URL"
  say "$name: warm-up, wrk -t$THREADS -c$CONNECTIONS -d$WARMUP ($MIX mix)"
  run_wrk "$name" "$WARMUP"
  echo "   $(grep '^bench-result' "$WORK/wrk.out")"
  wait_drained
  wait_quiet
  say "$name: measure, wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s scripts/bench/webhook-updates.lua $URL"
  calls0=$(stub_count total)
  [ "${BENCH_THREAD_CPU:-0}" = 1 ] && thread_ticks "$TARGET_PID" > "$WORK/threads.before"
  b0=$(busy_ticks); p0=$(pid_ticks "$TARGET_PID"); s0=$(pid_ticks "$STUB_PID"); t1=$(date +%s%N)
  run_wrk "$name" "$DURATION"
  b1=$(busy_ticks); p1=$(pid_ticks "$TARGET_PID"); s1=$(pid_ticks "$STUB_PID"); span=$(elapsed_s "$t1")
  [ "${BENCH_THREAD_CPU:-0}" = 1 ] && thread_ticks "$TARGET_PID" > "$WORK/threads.after"
  rss=$(rss_mib "$TARGET_PID" VmRSS); peak=$(rss_mib "$TARGET_PID" VmHWM)
  wait_drained
  calls=$(( $(stub_count total) - calls0 ))
  requests=$(field requests); non2xx=$(field non2xx)
  accepted=$(awk -v r="$requests" -v n="$non2xx" -v d="$(field duration_s)" 'BEGIN{printf "%d", (r - n) / d}')
  served=$(( requests - non2xx ))
  errors=$(( $(field connect_err) + $(field read_err) + $(field write_err) + $(field timeouts) ))
  used=$(cores $(( p1 - p0 )) "$span")
  echo "   $(grep '^bench-result' "$WORK/wrk.out")"
  echo "   calls: $(field inline_replies) in webhook responses, $calls to the stand-in; cpu cores: $name=$used stand-in=$(cores $(( s1 - s0 )) "$span") machine=$(cores $(( b1 - b0 )) "$span")/$(nproc); $name CPU per update: $(per_update_us $(( p1 - p0 )) "$served") us"
  if [ "${BENCH_THREAD_CPU:-0}" = 1 ]; then
    echo "   $name CPU by thread:"
    thread_cpu "$WORK/threads.before" "$WORK/threads.after" "$served" | head -15
  fi
  RATE[$name]=$accepted; P99[$name]=$(field p99_ms); RSS[$name]=$rss
  CPU_US[$name]=$(per_update_us $(( p1 - p0 )) "$served")
  PER_CORE[$name]=$(awk -v r="$accepted" -v c="$used" 'BEGIN{ if (c > 0) printf "%d", r / c; else print 0 }')
  ROWS+=("| $run | $name | $accepted | $(field p50_ms) | $(field p99_ms) | $(field p999_ms) | $non2xx / $errors | $rss | $peak | $startup | $used | ${CPU_US[$name]} | $(field inline_replies) + $calls | $QUIET |")
  if [ "$name" = backcoach ] && [ "${BENCH_OVERLOAD:-1}" = 1 ]; then
    over=$(( CONNECTIONS * 2 ))
    say "$name: overload, twice the connections: wrk -t$THREADS -c$over -d$DURATION"
    p0=$(pid_ticks "$TARGET_PID"); t1=$(date +%s%N)
    run_wrk "$name" "$DURATION" "$over"
    p1=$(pid_ticks "$TARGET_PID"); span=$(elapsed_s "$t1")
    echo "   $(grep '^bench-result' "$WORK/wrk.out")"
    wait_drained
    accepted=$(awk -v r="$(field requests)" -v n="$(field non2xx)" -v d="$(field duration_s)" 'BEGIN{printf "%d", (r - n) / d}')
    shed_rate=$(awk -v n="$(field shed)" -v d="$(field duration_s)" 'BEGIN{printf "%d", n / d}')
    errors=$(( $(field connect_err) + $(field read_err) + $(field write_err) + $(field timeouts) ))
    ROWS+=("| $run | $name, overload: -c$over, $shed_rate/s refused with 503 | $accepted accepted | $(field p50_ms) | $(field p99_ms) | $(field p999_ms) | $(field non2xx) / $errors | $(rss_mib "$TARGET_PID" VmRSS) | $(rss_mib "$TARGET_PID" VmHWM) | | $(cores $(( p1 - p0 )) "$span") | | $(field inline_replies) + ? | |")
  fi
  stop_pid "$TARGET_PID" 15
  TARGET_PID=
  if [ "$name" = backcoach ]; then
    echo "   log lines at WARN and above: $(grep -cE ' (WARN|ERROR) ' "$WORK/backcoach.err" || true)"
    grep -E ' (WARN|ERROR) ' "$WORK/backcoach.err" | cut -c1-200 | sort | uniq -c | sort -rn | head -5 || true
    if [ -z "${BENCH_DATABASE_URL:-}" ]; then
      echo "   $(java -cp "$BENCH_JAR" dev.backcoach.bench.telegram.RowCounts "jdbc:sqlite:file:$WORK/backcoach.db?mode=ro" 2> /dev/null || echo 'row counts unavailable')"
      rm -f "$WORK"/backcoach.db*
    fi
  fi
  rm -rf "$WORK/grammy-sessions" "$WORK/$name.lua-state"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a > 0 && b > 0) printf "%.2f", a / b; else print "n/a" }'; }

for name in $TARGETS; do
  case "$name" in backcoach | grammy | bare | jetty) ;; *) die "unknown target $name" ;; esac
done
for run in $(seq "$RUNS"); do
  RATE=(); P99=(); PER_CORE=(); CPU_US=(); RSS=()
  for name in $TARGETS; do measure "$name" "$run"; done
  if [ -n "${RATE[jetty]:-}" ]; then
    SPIKE+=("| $run | ${RATE[bare]:-} | ${P99[bare]:-} | ${CPU_US[bare]:-} | ${RATE[jetty]} | ${P99[jetty]} | ${CPU_US[jetty]} |")
  fi
  SUMMARY+=("| $run | ${RATE[backcoach]:-} | ${P99[backcoach]:-} | ${CPU_US[backcoach]:-} | ${RSS[backcoach]:-} | ${RATE[grammy]:-} | ${P99[grammy]:-} | ${CPU_US[grammy]:-} | ${RATE[bare]:-} | ${CPU_US[bare]:-} | $(ratio "${RATE[backcoach]:-0}" "${RATE[grammy]:-0}") | $(ratio "${CPU_US[grammy]:-0}" "${CPU_US[backcoach]:-0}") | $(ratio "${RATE[backcoach]:-0}" "${RATE[bare]:-0}") | $(ratio "${CPU_US[bare]:-0}" "${CPU_US[backcoach]:-0}") |")
done

say "results: $MIX mix, $USERS users, wrk -t$THREADS -c$CONNECTIONS -d$DURATION after $WARMUP warm-up, $RUNS run(s); $(date -u '+%Y-%m-%d'), commit $COMMIT, $MACHINE, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | server | updates/s | p50 ms | p99 ms | p99.9 ms | non-2xx / socket errors | RSS after, MiB | peak RSS, MiB | start-up, ms | CPU, cores | CPU per update, µs | Bot API calls: inline + to the stand-in | machine idle before |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for row in "${ROWS[@]}"; do echo "$row"; done
echo
echo "Runs side by side (ratios: by updates/s, and by CPU per update, which other load on the machine moves far less):"
echo
echo "| run | BackCoach updates/s | p99 ms | CPU µs/update | RSS MiB | grammY updates/s | p99 ms | CPU µs/update | bare updates/s | CPU µs/update | BackCoach / grammY, rate (goal ≥ 3) | same, CPU per update | BackCoach / bare, rate (moonshot ≥ 0.5) | same, CPU per update |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for row in "${SUMMARY[@]}"; do echo "$row"; done
if [ ${#SPIKE[@]} -gt 0 ]; then
  echo
  echo "HTTP server spike, both answering an empty 200 to the same requests:"
  echo
  echo "| run | JDK server updates/s | p99 ms | CPU µs/request | Jetty 12 updates/s | p99 ms | CPU µs/request |"
  echo "|---|---|---|---|---|---|---|"
  for row in "${SPIKE[@]}"; do echo "$row"; done
fi
echo
echo "Goals: BackCoach >= 7500 updates/s with p99 <= 40 ms at -c64, >= 3x grammY, RSS <= 256 MiB; in $RUNS consecutive run(s)."
