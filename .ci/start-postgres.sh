#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 on 127.0.0.1:55432 with a database `fabriques_test`, and prints its URL.
# initdb and pg_ctl refuse to run as root, hence runuser.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDATA=${PGDATA:-/tmp/fabriques-pg}
PORT=${PGPORT:-55432}
if ! runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  rm -rf "$PGDATA"
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" \
    -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1" start -w >/dev/null
fi
runuser -u postgres -- psql -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='fabriques_test'" | grep -q 1 \
  || runuser -u postgres -- createdb -h 127.0.0.1 -p "$PORT" -U postgres fabriques_test
echo "postgres://postgres@127.0.0.1:$PORT/fabriques_test?sslmode=disable"
