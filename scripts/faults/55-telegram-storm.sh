#!/usr/bin/env bash
# Telegram storm (429 to half the calls, then 5xx, then late answers; 60 s each full, 10 s short):
# telegram-adapter's TelegramStormTest, which also runs in every build; this prints its ROW.
source "$(dirname "$0")/part-b-lib.sh"
seconds=10
[[ "$FAULT_MODE" == full ]] && seconds=60
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
if ./mvnw -B -ntp -o -pl telegram-adapter -am verify -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest=TelegramStormTest -Dfaults.storm.seconds="$seconds" -Dspotless.check.skip=true >"$out" 2>&1; then
  grep -a '^ROW' "$out"
else
  grep -a -E '^ROW|FAIL|expected|but was' "$out" >&2 || true
  printf 'ROW\ttelegram-storm\t20 chats\t429 50%%, 5xx 100%%, late answers 50%%, %s s each\t-\t-\t-\t-\tFAIL\n' "$seconds"
  exit 1
fi
