#!/usr/bin/env bash
# Wall-clock time of `seed --scale city|province` on a fresh SQLite file and on a fresh database
# of a throwaway PostgreSQL (loopback, default durability settings), plus the refusal on a
# database that already has data. Run as root or as a user who can run initdb.
#   bench/seed-timings.sh [city|province ...]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then scales=("$@"); else scales=(city province); fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Tongxin.Web -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
web=src/Tongxin.Web/bin/Release/net10.0/Tongxin.Web.dll

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
work=$(mktemp -d /tmp/tongxin-seedtime.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$work"
cleanup() { as_pg "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
as_pg "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null

seed() { # provider connection-string scale
  local start end status
  start=$EPOCHREALTIME
  set +e
  Tongxin__Database__Provider=$1 Tongxin__Database__ConnectionString=$2 Logging__LogLevel__Default=Warning \
    dotnet "$web" seed --scale "$3"
  status=$?
  set -e
  end=$EPOCHREALTIME
  printf '%-10s %-9s exit %d, wall clock %.1f s\n' "$1" "$3" "$status" "$(awk "BEGIN { print $end - $start }")"
}

for scale in "${scales[@]}"; do
  seed Sqlite "Data Source=$work/$scale.db" "$scale"
  as_pg psql -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE seed_$scale"
  seed PostgreSQL "Host=127.0.0.1;Port=$port;Username=postgres;Database=seed_$scale" "$scale"
done
echo "again on the last SQLite database (must refuse with exit 1):"
seed Sqlite "Data Source=$work/${scales[-1]}.db" demo || true
