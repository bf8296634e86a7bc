#!/usr/bin/env bash
# Ticket creation on PostgreSQL with one or several identical nodes: a fresh database on a PostgreSQL server, N API
# processes (Release, Production, the same signing key, jobs off as in run-tickets-bench.sh) on ports 5190, 5191, …,
# and the Tickets load generator sending its requests to the nodes in turn.
# Usage: MESA_BENCH_POSTGRES="Host=127.0.0.1;Port=54350;Username=postgres" \
#          bash bench/run-postgres-bench.sh [--nodes 2] [LoadGen options: --seed 0 --create 10000 --concurrency 16 --technicians 5 …]
# The server: bench/postgres-bench-server.sh start (its tuning is in that script and in docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
nodes=1
if [ "${1:-}" = "--nodes" ]; then nodes=$2; shift 2; fi
server=${MESA_BENCH_POSTGRES:-Host=127.0.0.1;Port=54350;Username=postgres}
host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$server"); pgport=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$server")
user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$server")
database="mesa_bench_$(date +%s)"
psql=(psql -h "$host" -p "${pgport:-5432}" -U "${user:-postgres}" -v ON_ERROR_STOP=1 -q -d postgres)
"${psql[@]}" -c "CREATE DATABASE $database"
dotnet build src/WebApi -c Release -nologo -clp:ErrorsOnly
dotnet build bench/LoadGen -c Release -nologo -clp:ErrorsOnly
data=$(mktemp -d /tmp/mesa-pgbench.XXXXXX)
export ASPNETCORE_ENVIRONMENT=Production
export Database__Provider=Postgres
export ConnectionStrings__Mesa="$server;Database=$database;Maximum Pool Size=64"
export Auth__SigningKey="$(head -c 48 /dev/urandom | base64)"
export Auth__AccessTokenMinutes=240
export Bootstrap__AdminEmail=admin@iescinoc.edu.co
export Bootstrap__AdminPassword=Mesa-Bench-Raiz-2026
export Jobs__Enabled=false
export RateLimits__AuthPerAddressPerMinute=1000000 RateLimits__AuthPerAccountPerMinute=1000000
export Logging__LogLevel__Default=Warning
pids=(); urls=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  "${psql[@]}" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true
  rm -rf "$data"
}
trap cleanup EXIT
for i in $(seq 0 $((nodes - 1))); do
  port=$((5190 + i))
  mkdir -p "$data/node$i"
  Storage__DataDirectory="$data/node$i" dotnet src/WebApi/bin/Release/net10.0/MesaServicios.WebApi.dll --urls "http://127.0.0.1:$port" > "$data/node$i.log" 2>&1 &
  pids+=($!); urls+=("http://127.0.0.1:$port")
  # One node at a time: the first applies the migrations and installs Hangfire's schema.
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/LoadGen/bin/Release/net10.0/LoadGen.dll --base-url "$(IFS=,; echo "${urls[*]}")" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "database size: $("${psql[@]}" -At -c "SELECT pg_size_pretty(pg_database_size('$database'))")"
