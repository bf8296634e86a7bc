#!/usr/bin/env bash
# A throwaway PostgreSQL server for the benchmarks (Debian's PostgreSQL 15 binaries, run as the postgres user).
# Durable like production: fsync and synchronous_commit stay ON (a creation is on disk when the API answers 201).
# Tuned for a small machine: shared_buffers 512MB, effective_cache_size 2GB, work_mem 16MB, wal_buffers 16MB,
# max_wal_size 4GB (no checkpoint storm during a run), max_connections 300 (two nodes × pool 64, plus the generator).
# Usage: bash bench/postgres-bench-server.sh start|stop   (port: MESA_BENCH_PG_PORT, default 54350)
set -euo pipefail
port=${MESA_BENCH_PG_PORT:-54350}
dir=/tmp/mesa-bench-postgres-$port
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
case "${1:-start}" in
  start)
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then echo "already running on $port"; exit 0; fi
    rm -rf "$dir" && mkdir -p "$dir" && chown postgres "$dir"
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start -o "-h 127.0.0.1 -p $port -k $dir \
      -c shared_buffers=512MB -c effective_cache_size=2GB -c work_mem=16MB -c maintenance_work_mem=256MB \
      -c wal_buffers=16MB -c max_wal_size=4GB -c checkpoint_timeout=15min -c max_connections=300 \
      -c synchronous_commit=on -c fsync=on"
    echo "PostgreSQL on 127.0.0.1:$port ($("$bin/postgres" --version))";;
  stop)
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop;;
esac
