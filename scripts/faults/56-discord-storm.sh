#!/usr/bin/env bash
# Discord storm: the bot process (Discord mode) against the strict fake Discord while a crowd of 20
# users types slash commands and clicks buttons; REST answers 429 (bucket headers, per route and
# global) and 5xx, buckets allow 2 calls a second, the gateway drops every 30 s (resume, then a
# fresh identify). 75 s short, 300 s full. Options pass on (--seconds=, --users=, --seed=, ...).
source "$(dirname "$0")/part-b-lib.sh"
faults_run discord.DiscordStorm "$@"
