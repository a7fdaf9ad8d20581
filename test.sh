#!/usr/bin/env bash
# The full test suite: installs what it needs when missing (as root, from Debian packages),
# starts a throwaway PostgreSQL on loopback, builds with warnings as errors, checks formatting,
# and runs unit, integration (SQLite and PostgreSQL) and browser tests.
#   ./test.sh                 everything
#   ./test.sh --filter EXPR   only the tests dotnet test's --filter selects
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
filter=""
if [ "${1:-}" = "--filter" ]; then filter=${2:?--filter needs an expression}; fi

log() { printf '\n== %s\n' "$*"; }

# --- what the suite needs ------------------------------------------------------------------
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# pdftotext/pdftoppm check the PDFs we write (text extracts back, Chinese is drawn); poppler-data
# carries the Adobe CMaps (UniGB-UCS2-H) poppler needs for the standard Chinese CID fonts.
command -v pdftotext >/dev/null || missing+=(poppler-utils)
[ -d /usr/share/poppler/cMap/Adobe-GB1 ] || missing+=(poppler-data)
# grep -q would stop reading early and fail the pipeline (pipefail, SIGPIPE) even when the font is there.
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test.sh: missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root." >&2
    exit 1
  fi
fi

# --- a throwaway PostgreSQL on loopback ----------------------------------------------------
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d /tmp/tongxin-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pgdir"
cleanup() {
  as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap cleanup EXIT
log "starting PostgreSQL on 127.0.0.1:$port"
as_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export TONGXIN_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Maximum Pool Size=20"

# --- build, format, test -------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# With poppler-utils present the PDF tests must use it (they fail rather than skip the check).
if command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null; then export TONGXIN_REQUIRE_PDF_TOOLS=1; fi
log "build (warnings are errors)"
dotnet build Tongxin.slnx -c Release -nologo -v q -clp:ErrorsOnly
if [ -z "$filter" ]; then
  log "dotnet format --verify-no-changes"
  dotnet format Tongxin.slnx --verify-no-changes --no-restore -v q
fi

log "tests"
results=$(mktemp -d /tmp/tongxin-results.XXXXXX)
set +e
dotnet test Tongxin.slnx -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results" \
  ${filter:+--filter "$filter"} 2>&1 | tee "$results/console.txt"
status=${PIPESTATUS[0]}
set -e

# One plain summary line over every test project.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"\ntests: {passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"
exit "$status"
