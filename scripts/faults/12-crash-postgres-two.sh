#!/usr/bin/env bash
# Crash loop on PostgreSQL with two instances behind one webhook address (the fake delivers to
# them in turn, a retry to the other one): one at a time is killed with SIGKILL and restarted,
# while the other serves. Reminders are claimed once across both. Needs the test PostgreSQL
# (scripts/start-test-postgres.sh) or FAULT_PG_URL, FAULT_PG_USER, FAULT_PG_PASSWORD.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/fault-crash-postgres.XXXXXX)
trap '[ "${FAULT_KEEP:-0}" = 1 ] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
if [ "${FAULT_MODE:-short}" = full ]; then
  ARGS=(--kills=20 --rate=20 --reminders=200 --max-seconds=900)
else
  ARGS=(--kills=3 --rate=15 --reminders=50 --max-seconds=120)
fi
java -Xmx512m -cp "${FAULTS_JAR:-$ROOT/bot-faults/target/faults.jar}" dev.backcoach.faults.crash.CrashLoop \
  --scenario=crash-postgres-two --mode=webhook --instances=2 --users=1000 "${ARGS[@]}" \
  --database-url="${FAULT_PG_URL:-jdbc:postgresql://127.0.0.1:5432/backcoach_test}" \
  --database-user="${FAULT_PG_USER:-backcoach}" --database-password="${FAULT_PG_PASSWORD:-backcoach}" \
  --fresh-schema=fault_crash \
  --jar="${APP_JAR:-$ROOT/bot-app/target/backcoach.jar}" --work="$WORK" 2> "$WORK/driver.err" \
  || { rc=$?; tail -20 "$WORK/driver.err" >&2; exit $rc; }
