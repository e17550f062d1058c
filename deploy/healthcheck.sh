#!/usr/bin/env bash
# Docker HEALTHCHECK without curl (the JRE image has none): GET /healthz, or the path given, over
# bash's /dev/tcp on HTTP_PORT, and succeed on a 200 status line.
set -euo pipefail
path="${1:-/healthz}"
exec 3<>"/dev/tcp/127.0.0.1/${HTTP_PORT:-8080}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3
[[ "$status" == "HTTP/1."?" 200 "* ]]
