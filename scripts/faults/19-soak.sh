#!/usr/bin/env bash
# Soak: a steady load on one bot (webhook mode, SQLite) for 30 minutes (2 in the short suite),
# started through bin/backcoach as operators start it: heap after a full GC and RSS grow under 5 %
# from the end of the warm-up (5 minutes; the JIT compiles most of what it will by then), threads,
# open files and the WAL do not grow, and handled events are purged on schedule (kept one minute).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/fault-soak.XXXXXX)
trap '[ "${FAULT_KEEP:-0}" = 1 ] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
if [ "${FAULT_MODE:-short}" = full ]; then
  ARGS=(--minutes=30 --warmup-seconds=300)
else
  ARGS=(--minutes=2 --warmup-seconds=60)
fi
java -Xmx512m -cp "${FAULTS_JAR:-$ROOT/bot-faults/target/faults.jar}" dev.backcoach.faults.crash.Soak \
  --users=1000 --rate=20 --retention-minutes=1 "${ARGS[@]}" \
  --jar="${APP_JAR:-$ROOT/bot-app/target/backcoach.jar}" --launcher="$ROOT/bin/backcoach" \
  --work="$WORK" 2> "$WORK/driver.err" \
  || { rc=$?; tail -20 "$WORK/driver.err" >&2; exit $rc; }
