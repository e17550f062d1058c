#!/usr/bin/env bash
# Fuzzed Telegram updates to the webhook and to long polling (100,000 each full, 2,000 short), a
# scripted user served alongside. Arguments pass on: [count per receiver] [seed] [webhook|polling|both].
source "$(dirname "$0")/part-b-lib.sh"
faults_run fuzz.FuzzTelegram "$@"
