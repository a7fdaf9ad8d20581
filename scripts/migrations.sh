#!/usr/bin/env bash
# Adds an EF Core migration for both providers (each has its own folder and model snapshot).
#   scripts/migrations.sh add <Name>      – after a model change
#   scripts/migrations.sh remove          – drops the last migration of both providers
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
proj=src/Tongxin.Web
case "${1:-}" in
  add)
    name=${2:?usage: migrations.sh add <Name>}
    dotnet ef migrations add "$name" --project $proj --context SqliteTongxinDbContext --output-dir Platform/Data/Migrations/Sqlite
    dotnet ef migrations add "$name" --project $proj --context PostgresTongxinDbContext --output-dir Platform/Data/Migrations/PostgreSql
    ;;
  remove)
    dotnet ef migrations remove --project $proj --context SqliteTongxinDbContext --force
    dotnet ef migrations remove --project $proj --context PostgresTongxinDbContext --force
    ;;
  *) echo "usage: scripts/migrations.sh add <Name> | remove" >&2; exit 2 ;;
esac
