# Servers the tests need, sourced by .ci/run (as root on the CI machine).
# IMAP: the Inbox integration tests start their own dovecot from a throwaway config; they only need the binary.
if ! command -v dovecot >/dev/null 2>&1 && [ ! -x /usr/sbin/dovecot ]; then
  echo "installing dovecot-imapd"
  apt-get update && apt-get install -y dovecot-imapd || { echo "could not install dovecot-imapd"; exit 1; }
else
  echo "dovecot present: $(/usr/sbin/dovecot --version 2>/dev/null || dovecot --version)"
fi

# Browser: the e-mail link tests (tests/WebApi.Tests/BuiltInPages) drive Debian's chromium over the DevTools protocol.
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium"
  apt-get update && apt-get install -y chromium || { echo "could not install chromium"; exit 1; }
else
  echo "chromium present: $(/usr/bin/chromium --version 2>/dev/null | tail -n 1)"
fi

# PostgreSQL (issue #16): Debian's server, started as the postgres user on 127.0.0.1 from a throwaway data folder
# (trust auth, fsync off: test data only). The tests read MESA_TEST_POSTGRES; .ci/run runs the persistence,
# concurrency and job tests a second time with MESA_TEST_PROVIDER=Postgres. Idempotent: reuses a running server.
export MESA_TEST_POSTGRES="${MESA_TEST_POSTGRES:-Host=127.0.0.1;Port=54329;Username=postgres}"
mesa_pg_port=54329
mesa_pg_dir=/tmp/mesa-ci-postgres
mesa_pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$mesa_pg_bin" ]; then
  echo "installing postgresql"
  apt-get update && apt-get install -y postgresql postgresql-contrib || { echo "could not install postgresql"; exit 1; }
  mesa_pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
if ! "$mesa_pg_bin/pg_isready" -q -h 127.0.0.1 -p "$mesa_pg_port"; then
  rm -rf "$mesa_pg_dir" && mkdir -p "$mesa_pg_dir" && chown postgres "$mesa_pg_dir"
  runuser -u postgres -- "$mesa_pg_bin/initdb" -D "$mesa_pg_dir/data" -U postgres -A trust --no-sync >/dev/null \
    && runuser -u postgres -- "$mesa_pg_bin/pg_ctl" -D "$mesa_pg_dir/data" -l "$mesa_pg_dir/log" -w start \
      -o "-h 127.0.0.1 -p $mesa_pg_port -k $mesa_pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
    || { echo "could not start postgresql"; cat "$mesa_pg_dir/log" 2>/dev/null; exit 1; }
  mesa_pg_started=1
fi
echo "postgresql ready on 127.0.0.1:$mesa_pg_port ($("$mesa_pg_bin/postgres" --version))"
stop_postgres() {
  if [ "${mesa_pg_started:-}" = 1 ]; then runuser -u postgres -- "$mesa_pg_bin/pg_ctl" -D "$mesa_pg_dir/data" -m fast -w stop >/dev/null; fi
}

# Front-end contract (issue #15): Node.js/npm for the TypeScript client smoke test, chromium for the Swagger UI
# browser test. Installed only when missing; the tests fail under CI=true without them.
if ! command -v npm >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then
  echo "installing nodejs, npm and chromium"
  apt-get update && apt-get install -y nodejs npm chromium || { echo "could not install nodejs/npm/chromium"; exit 1; }
else
  echo "node $(node --version), npm $(npm --version), $(chromium --version 2>/dev/null | head -n 1)"
fi
