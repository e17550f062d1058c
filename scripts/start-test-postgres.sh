#!/usr/bin/env bash
# Starts the PostgreSQL that bot-storage's tests use: 127.0.0.1:5432, role backcoach (password
# backcoach), database backcoach_test. Safe to run again. Runs as root on Debian (CI does, before
# the Maven build); installs PostgreSQL from Debian's packages only when it is missing.
set -euo pipefail

ROLE=backcoach
DATABASE=backcoach_test
PORT=5432

as_postgres() { runuser -u postgres -- "$@"; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
  echo "installing PostgreSQL from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters --no-header | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
  pg_createcluster "$version" main --port "$PORT"
fi
# A cluster made earlier may sit on another port. Debian's default listen_addresses ('localhost')
# already covers 127.0.0.1.
if [ "$(pg_conftool -s "$version" main get port 2>/dev/null)" != "$PORT" ]; then
  pg_conftool "$version" main set port "$PORT"
  pg_ctlcluster "$version" main stop 2>/dev/null || true
fi
if ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
  pg_ctlcluster "$version" main start
fi

for _ in $(seq 1 30); do
  if pg_isready -q -h 127.0.0.1 -p "$PORT"; then
    break
  fi
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$PORT"

# "Already exists" is fine: the statements only create what is missing.
as_postgres psql -q -v ON_ERROR_STOP=1 -p "$PORT" <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN PASSWORD '$ROLE';
  END IF;
END
\$\$;
SQL
if [ -z "$(as_postgres psql -p "$PORT" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" ]; then
  as_postgres createdb -p "$PORT" -O "$ROLE" "$DATABASE"
fi
echo "PostgreSQL $version is ready on 127.0.0.1:$PORT (database $DATABASE, role $ROLE)"
