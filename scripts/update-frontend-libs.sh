#!/usr/bin/env bash
# Refreshes the front-end libraries committed under src/Tongxin.Web/wwwroot/lib from the npm
# registry, so that the run command needs no Node. Pin versions here; run, review, commit.
set -euo pipefail
cd "$(dirname "$0")/.."
lib=src/Tongxin.Web/wwwroot/lib
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() { # package@version
  (cd "$work" && npm pack --silent "$1" >/dev/null)
  local tgz; tgz=$(ls "$work"/*.tgz)
  mkdir -p "$work/x" && tar -xzf "$tgz" -C "$work/x" && rm "$tgz"
}

rm -rf "$lib" && mkdir -p "$lib"

fetch bootstrap@5.3.8
mkdir -p "$lib/bootstrap"
cp "$work/x/package/dist/css/bootstrap.min.css" "$work/x/package/dist/js/bootstrap.bundle.min.js" "$work/x/package/LICENSE" "$lib/bootstrap/"
rm -rf "$work/x"

fetch htmx.org@2.0.7
mkdir -p "$lib/htmx"
cp "$work/x/package/dist/htmx.min.js" "$work/x/package/LICENSE" "$lib/htmx/"
rm -rf "$work/x"

fetch @microsoft/signalr@10.0.11
mkdir -p "$lib/signalr"
# The package ships no LICENSE file (MIT, see its package.json).
cp "$work/x/package/dist/browser/signalr.min.js" "$lib/signalr/"
rm -rf "$work/x"

# jsQR decodes QR codes from camera frames in the browser (staff scan members' 履职码 at sign-in).
fetch jsqr@1.4.0
mkdir -p "$lib/jsqr"
cp "$work/x/package/dist/jsQR.js" "$work/x/package/LICENSE" "$lib/jsqr/"
rm -rf "$work/x"

# ECharts draws the evaluation results (bar of the criteria's global weights, sunburst of the hierarchy).
fetch echarts@5.6.0
mkdir -p "$lib/echarts"
cp "$work/x/package/dist/echarts.min.js" "$work/x/package/LICENSE" "$lib/echarts/"
rm -rf "$work/x"

echo "front-end libraries refreshed under $lib"
