# Sourced by scripts/faults/5x-*.sh (not executable, so the suite does not run it): builds the
# application's jar and the fault drivers once, then runs a driver class on their classpath.
# FAULTS_SKIP_BUILD=1 uses what an earlier build left in target/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export FAULT_MODE="${FAULT_MODE:-short}"

faults_build() {
  local cp=bot-faults/target/faults.classpath
  if [[ "${FAULTS_SKIP_BUILD:-0}" == 1 && -f "$cp" && -f bot-app/target/backcoach.jar ]]; then
    return
  fi
  # Stale jars of sibling modules must not shadow the reactor's fresh ones.
  ./mvnw -B -ntp -q -o -pl bot-faults -am package -DskipTests \
      dependency:build-classpath -Dmdep.outputFile=target/faults.classpath >&2
  export FAULTS_SKIP_BUILD=1
}

# faults_run <class under dev.backcoach.faults> [args...]
faults_run() {
  faults_build
  local class="$1"; shift
  java -cp "bot-faults/target/classes:$(cat bot-faults/target/faults.classpath)" \
      "dev.backcoach.faults.$class" "$@"
}
