#!/usr/bin/env bash
# PostgreSQL cut under load through a TCP proxy (30 s full, 10 s short); see docs/fault-suite.md.
source "$(dirname "$0")/part-b-lib.sh"
faults_run outage.PostgresOutage
