# Measuring helpers of the benchmark scripts, sourced (scripts/bench-telegram-webhook.sh): CPU ticks
# of the machine, a process and its threads from /proc, RSS, and a wait for an idle machine.
# shellcheck shell=bash
thread_ticks() { # pid -> "name ticks" per thread
  local t
  for t in /proc/"$1"/task/*; do
    printf '%s %s\n' "$(tr -d '0-9 ' < "$t/comm" 2> /dev/null)" "$(sed 's/.*) //' "$t/stat" 2> /dev/null | awk '{print $12+$13}')"
  done 2> /dev/null
}
thread_cpu() { # before-file after-file updates -> CPU per update by thread group, largest first
  awk -v n="$3" -v hz="$(getconf CLK_TCK)" 'FNR == NR { b[$1] += $2; next } { a[$1] += $2 }
    END { for (k in a) { d = a[k] - b[k]; if (d > 0) printf "   %8.1f us/update  %s\n", d * 1e6 / hz / n, k } }' "$1" "$2" | sort -rn
}
busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }
pid_ticks() { sed 's/.*) //' "/proc/$1/stat" 2> /dev/null | awk '{print $12+$13}' || echo 0; }
cores() { awk -v t="$1" -v s="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", t / hz / s}'; }
per_update_us() { # process ticks, updates served -> CPU microseconds per update
  awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN{ if (n > 0) printf "%d", t * 1000000 / hz / n; else print 0 }'
}
elapsed_s() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN{ s = (b - a) / 1e9; printf "%.3f", (s > 0 ? s : 1) }'; }
rss_mib() { awk -v k="$2" '$1 == k":" {printf "%d", $2 / 1024}' "/proc/$1/status" 2> /dev/null || echo "?"; }
wait_quiet() { # up to BENCH_QUIET_WAIT s (default 60) for the machine to idle (< 0.3 cores busy)
  local deadline=$(( SECONDS + ${BENCH_QUIET_WAIT:-60} )) b0 b1 busy
  while :; do
    b0=$(busy_ticks); sleep 1; b1=$(busy_ticks)
    busy=$(cores $(( b1 - b0 )) 1)
    if awk -v b="$busy" 'BEGIN{exit !(b < 0.3)}'; then echo "   machine idle before the run ($busy cores busy)"; QUIET=yes; return; fi
    if [ $SECONDS -ge "$deadline" ]; then echo "   WARNING: machine still busy before the run ($busy cores): numbers are noisy"; QUIET="no ($busy cores busy)"; return; fi
  done
}
