#!/usr/bin/env bash
# Fuzzed Discord interactions (every interaction type, bent fields; 10,000 full, 1,500 short)
# through the fake gateway to the bot process, a scripted user served alongside. Options pass on
# (--count=, --rate=, --seed=).
source "$(dirname "$0")/part-b-lib.sh"
faults_run discord.FuzzDiscord "$@"
