# PostgreSQL for the store tests, sourced by .ci/run (bash, as root): a throwaway cluster on
# loopback, in a temporary folder, on a free port, run by the `postgres` user.
#   start_postgres   install PostgreSQL from Debian's packages, start a cluster, export WIREWATCH_TEST_PG
#   stop_postgres    stop it and remove its folder (safe to call when it never started)

PG_DIR=""
PG_BIN=""

start_postgres() {
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
    PG_DIR=$(mktemp -d /tmp/wirewatch-pg.XXXXXX)
    chown postgres "$PG_DIR"
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
        >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR" start >/dev/null \
        || { cat "$PG_DIR/server.log" >&2; return 1; }
    export WIREWATCH_TEST_PG="postgresql://postgres@127.0.0.1:$port/postgres"
    echo "$("$PG_BIN/postgres" --version) for the store tests at $WIREWATCH_TEST_PG"
}

stop_postgres() {
    if [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
    fi
    if [ -n "$PG_DIR" ]; then rm -rf "$PG_DIR"; fi
}
