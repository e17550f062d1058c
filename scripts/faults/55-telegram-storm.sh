#!/usr/bin/env bash
# Telegram storm (429 to half the calls, then 5xx, then late answers; 60 s each full, 5 s short):
# telegram-adapter's TelegramStormTest, which runs in every build. Short mode reports the row the
# build's run left (FAULT_RERUN=1 runs it again); full mode runs it with minute-long phases.
source "$(dirname "$0")/part-b-lib.sh"
row=telegram-adapter/target/fault-rows/telegram-storm.tsv
if [[ "$FAULT_MODE" != full && "${FAULT_RERUN:-0}" != 1 && -f "$row" ]]; then
  cat "$row"
  exit 0
fi
seconds=5
[[ "$FAULT_MODE" == full ]] && seconds=60
rm -f "$row"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
if ./mvnw -B -ntp -o -pl telegram-adapter -am verify -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest=TelegramStormTest -Dfaults.storm.seconds="$seconds" -Dspotless.check.skip=true >"$out" 2>&1 \
    && [[ -f "$row" ]]; then
  cat "$row"
else
  grep -a -E 'FAIL|expected|but was' "$out" >&2 || true
  printf 'ROW\ttelegram-storm\t20 chats\t429 50%%, 5xx 100%%, late answers 50%%, %s s each\t-\t-\t-\t-\tFAIL\n' "$seconds"
  exit 1
fi
