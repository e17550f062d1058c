#!/usr/bin/env bash
# Pipes a whole conversation into the real fat jar, as a person typing would, and checks that it
# reaches the last step of a technique and ends cleanly at end of input.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=bot-app/target/backcoach.jar
[ -f "$jar" ] || { echo "console-smoke: $jar not built; run ./mvnw -q -DskipTests package" >&2; exit 1; }

answers() {
  printf '1\n1\n'                           # adult, consent (the check starts by itself)
  for _ in $(seq 6); do echo 2; done        # "No, none of these" to every group of the check
  printf '3\n6\n7\n'                        # tick the foam roller and the floor, then Done
  echo "/techniques foam roller"
  for _ in $(seq 8); do echo Next; done     # introduction, every step, finish
}

# A fresh database: state is durable, so a second run would (rightly) continue where the first ended.
db_dir=$(mktemp -d)
trap 'rm -rf "$db_dir"' EXIT
out=$(answers | env -u TELEGRAM_BOT_TOKEN -u DISCORD_BOT_TOKEN DATABASE_URL="jdbc:sqlite:$db_dir/smoke.db" \
  timeout 60 java -jar "$jar")
for expected in "[1] Yes  [2] No" "Foam roller · step" "Foam roller done"; do
  if ! grep -qF -- "$expected" <<<"$out"; then
    echo "console-smoke: expected '$expected' in the conversation; it ended with:" >&2
    tail -20 <<<"$out" >&2
    exit 1
  fi
done
echo "console-smoke: piped conversation reached the end of a technique"
