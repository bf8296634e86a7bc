#!/usr/bin/env bash
# Starts the API (Release) on a fresh data directory and runs the Tickets load generator against it.
# Usage: bash bench/run-tickets-bench.sh [--no-jobs] [--seed 100000] [--create 10000] [--reads 5000] [--concurrency 16] [--probe 0] [--technicians 5]
# (--probe N: also N requests to GET /api/v1/me, the floor of any authenticated request;
#  --technicians N: the desk, N technicians besides the administrator, all alerted by every new ticket.)
# The host runs as users run it: background jobs on (mail delivery to the pickup folder inside the data directory,
# the inbox drop folder empty, search index, escalation, retention), everything else default. A desk with a history has
# sent its past mail long ago, so after the seed the generator waits (untimed, at most --drain-timeout seconds, 600 by
# default) until the real delivery job has emptied the outbox, and only then times the creations; after them it waits
# again and prints the mail lag (seconds from the last timed creation until the outbox is empty) and the delivery rate.
# At the end it prints how many e-mails were delivered and how many still wait in the outbox.
# --no-jobs (profiling only, not a figure): background jobs off.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=true
if [ "${1:-}" = "--no-jobs" ]; then jobs=false; shift; fi
data=$(mktemp -d /tmp/mesa-bench.XXXXXX)
port=${BENCH_PORT:-5090}
dotnet build src/WebApi -c Release -nologo -clp:ErrorsOnly
dotnet build bench/LoadGen -c Release -nologo -clp:ErrorsOnly
export ASPNETCORE_ENVIRONMENT=Production
export Storage__DataDirectory="$data"
export Auth__SigningKey="$(head -c 48 /dev/urandom | base64)"
export Auth__AccessTokenMinutes=240
export Bootstrap__AdminEmail=admin@iescinoc.edu.co
export Bootstrap__AdminPassword=Mesa-Bench-Raiz-2026
export Jobs__Enabled=$jobs
export RateLimits__AuthPerAddressPerMinute=1000000 RateLimits__AuthPerAccountPerMinute=1000000
export Logging__LogLevel__Default=Warning
dotnet src/WebApi/bin/Release/net10.0/MesaServicios.WebApi.dll --urls "http://127.0.0.1:$port" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; cp "$data/server.log" /tmp/mesa-bench-server.log 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
watch=()
if [ "$jobs" = true ]; then watch=(--outbox-db "$data/mesa.db"); fi
dotnet bench/LoadGen/bin/Release/net10.0/LoadGen.dll --base-url "http://127.0.0.1:$port" "${watch[@]}" "$@"
echo "database size: $(du -h "$data/mesa.db" | cut -f1)"
# Read while the host still runs (WAL: readers never wait for the writer).
outbox=$(sqlite3 -readonly "$data/mesa.db" "SELECT count(*), coalesce(sum(Status = 'Sent'), 0), coalesce(sum(Status = 'Pending'), 0), coalesce(sum(Status = 'DeadLettered'), 0) FROM OutboxEmails;" 2>/dev/null || echo "?|?|?|?")
IFS='|' read -r queued sent waiting dead <<< "$outbox"
files=$(find "$data/mail/outbox" -name '*.eml' 2>/dev/null | wc -l)
people=$(sqlite3 -readonly "$data/mesa.db" "SELECT coalesce(sum(CASE WHEN Recipients IS NULL THEN 1 ELSE length(Recipients) - length(replace(Recipients, char(10), '')) + 1 END), 0) FROM OutboxEmails;" 2>/dev/null || echo "?")
echo "e-mails (jobs $jobs): $queued queued (to $people recipients), $sent delivered, $waiting still waiting in the outbox, $dead dead-lettered; $files .eml files in the pickup folder"
