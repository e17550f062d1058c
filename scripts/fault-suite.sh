#!/usr/bin/env bash
# The fault suite: the real bot, run as operators run it, against local fakes on 127.0.0.1 while
# things break (kill -9, outages, platform storms, fuzzed updates). Runs every executable
# scripts/faults/*.sh in name order with FAULT_MODE=short|full, collects the lines they print that
# start with "ROW<tab>", prints them as one table, and exits non-zero if any scenario failed.
#
#   bash scripts/fault-suite.sh            # short (CI): a few kills, a 2-minute soak
#   bash scripts/fault-suite.sh --full     # the documented run: >= 20 kills, a 30-minute soak
#   FAULT_ONLY=1 bash scripts/fault-suite.sh   # only scenarios whose file name starts with 1
#
# A row: scenario, load, faults injected, updates, lost, duplicated, max latency (ms), PASS|FAIL.
# Each scenario is bounded in time (FAULT_TIMEOUT seconds; 900 short, 5400 full). The jars are
# built when missing (APP_JAR, FAULTS_JAR point elsewhere).
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
case "${1:---short}" in
  --short) MODE=short ;;
  --full) MODE=full ;;
  *) echo "usage: fault-suite.sh [--short|--full]" >&2; exit 2 ;;
esac
export FAULT_MODE=$MODE
export APP_JAR=${APP_JAR:-$ROOT/bot-app/target/backcoach.jar}
export FAULTS_JAR=${FAULTS_JAR:-$ROOT/bot-faults/target/faults.jar}
LIMIT=${FAULT_TIMEOUT:-$([ "$MODE" = full ] && echo 5400 || echo 900)}

if [ ! -f "$APP_JAR" ] || [ ! -f "$FAULTS_JAR" ]; then
  echo "== building the jars"
  (cd "$ROOT" && { ./mvnw -B -ntp -o -q -DskipTests package -pl bot-app,bot-faults -am \
    || ./mvnw -B -ntp -q -DskipTests package -pl bot-app,bot-faults -am; }) || exit 1
fi

# The drivers' classpath, built once for every scenario (each would otherwise run Maven again).
(source "$ROOT/scripts/faults/part-b-lib.sh" && faults_build) || exit 1
export FAULTS_SKIP_BUILD=1

ROWS=$(mktemp /tmp/fault-suite-rows.XXXXXX)
OUT=$(mktemp /tmp/fault-suite-out.XXXXXX)
trap 'rm -f "$ROWS" "$OUT"' EXIT
failed=0
started=$SECONDS
for scenario in "$ROOT"/scripts/faults/*.sh; do
  [ -x "$scenario" ] || continue
  name=$(basename "$scenario" .sh)
  case "$name" in "${FAULT_ONLY:-}"*) ;; *) continue ;; esac
  echo "== $name ($MODE)"
  t0=$SECONDS
  timeout --kill-after=30 "$LIMIT" "$scenario" > >(tee "$OUT") 2>&1
  rc=$?
  wait # for tee
  rows=$(grep -P '^ROW\t' "$OUT" || true)
  if [ -n "$rows" ]; then
    printf '%s\n' "$rows" >> "$ROWS"
  else
    printf 'ROW\t%s\t-\t-\t-\t-\t-\t-\tFAIL\n' "$name" >> "$ROWS"
  fi
  if [ "$rc" -ne 0 ] || grep -qP '\tFAIL$' <<< "$rows"; then
    failed=1
    echo "== $name FAILED (exit $rc) after $(( SECONDS - t0 )) s"
  else
    echo "== $name passed in $(( SECONDS - t0 )) s"
  fi
done

echo
echo "== fault suite ($MODE), $(date -u '+%Y-%m-%d %H:%M UTC'), $(( SECONDS - started )) s"
{ printf 'scenario\tload\tfaults injected\tupdates\tlost\tduplicated\tmax latency ms\tverdict\n'
  cut -f2- "$ROWS"; } | awk -F'\t' '
    { for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } n = NR; if (NF > nf) nf = NF }
    END { for (r = 1; r <= n; r++) { line = ""; for (i = 1; i <= nf; i++) line = line sprintf("%-" w[i] "s  ", cell[r, i]); sub(/ +$/, "", line); print line } }'
exit $failed
