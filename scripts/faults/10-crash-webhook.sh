#!/usr/bin/env bash
# Crash loop, webhook mode, SQLite: 1,000 users (a third commands, a third typed text, a third
# button presses) at a steady rate while the bot is killed with SIGKILL and restarted at random
# moments; the fake re-delivers every update not answered 200. Reminders fall due inside the loop.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/fault-crash-webhook.XXXXXX)
trap '[ "${FAULT_KEEP:-0}" = 1 ] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
if [ "${FAULT_MODE:-short}" = full ]; then
  ARGS=(--kills=20 --rate=20 --reminders=200 --max-seconds=900)
else
  ARGS=(--kills=3 --rate=15 --reminders=50 --max-seconds=120)
fi
java -Xmx512m -cp "${FAULTS_JAR:-$ROOT/bot-faults/target/faults.jar}" dev.backcoach.faults.crash.CrashLoop \
  --scenario=crash-webhook --mode=webhook --users=1000 "${ARGS[@]}" \
  --jar="${APP_JAR:-$ROOT/bot-app/target/backcoach.jar}" --work="$WORK" 2> "$WORK/driver.err" \
  || { rc=$?; tail -20 "$WORK/driver.err" >&2; exit $rc; }
