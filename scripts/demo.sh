#!/bin/sh
# The main job on the local target, end to end, with default settings:
#   1. measure the four scenarios (each sample a pod-link / reference-link pair) and keep the results as
#      the baseline (table printed, file written);
#   2. gate an unchanged rerun against it: PASS (exit 0);
#   3. gate a rerun with a moderate datapath regression on the pod link only — 2000 non-matching nftables
#      rules that every packet arriving over the pod link walks — REGRESSION caught (exit 1).
# Usage: scripts/demo.sh [OUTPUT_DIR]   (as root; about six minutes)
set -u
cd "$(dirname "$0")/.."
out="${1:-demo-results}"
mkdir -p "$out"
cli="node dist/cli/index.js"
common="--target local --duration 2"

echo "== 1/3 baseline: the four scenarios on the local target" >&2
$cli run $common --out "$out/baseline.json" || exit $?

echo "== 2/3 unchanged rerun: expect PASS" >&2
$cli gate $common --baseline "$out/baseline.json" --out "$out/unchanged.json" --report-dir "$out/unchanged"
unchanged=$?

echo "== 3/3 rerun with 2000 nftables rules on the pod link: expect REGRESSION" >&2
$cli gate $common --baseline "$out/baseline.json" --out "$out/regressed.json" --report-dir "$out/regressed" \
  --local-server-setup "sh examples/slow-input-chain.sh 2000"
regressed=$?

echo "unchanged rerun: exit $unchanged (0 = pass); injected regression: exit $regressed (1 = regression caught)" >&2
[ "$unchanged" = 0 ] && [ "$regressed" = 1 ]
