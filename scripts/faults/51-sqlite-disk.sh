#!/usr/bin/env bash
# SQLite on a 16 MB tmpfs: the disk fills up under load, then the database file turns read-only
# (the bot runs as nobody, since root ignores file modes). Needs root (mount, runuser).
source "$(dirname "$0")/part-b-lib.sh"
faults_build
disk="$(mktemp -d /tmp/faults-sqlite-disk.XXXXXX)"
mount -t tmpfs -o size=16m,mode=0755 tmpfs "$disk"
trap 'umount "$disk" 2>/dev/null || umount -l "$disk"; rmdir "$disk"' EXIT
faults_run outage.SqliteDisk "$disk"
