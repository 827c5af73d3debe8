#!/bin/sh
# The main job on the local target, end to end:
#   1. measure the four scenarios and keep the results as the baseline (table printed, file written);
#   2. gate an unchanged rerun against it: PASS (exit 0);
#   3. gate a rerun with a known datapath regression — a 500 Mbit/s tbf on the client's link and 5000
#      non-matching nftables rules on the server's input hook: REGRESSION caught (exit 1).
# Usage: scripts/demo.sh [OUTPUT_DIR]   (as root; about four minutes)
set -u
cd "$(dirname "$0")/.."
out="${1:-demo-results}"
mkdir -p "$out"
cli="node dist/cli/index.js"
common="--target local --samples 5 --duration 2 --thresholds examples/thresholds-local.yml"

echo "== 1/3 baseline: the four scenarios on the local target" >&2
$cli run --target local --samples 5 --duration 2 --out "$out/baseline.json" || exit $?

echo "== 2/3 unchanged rerun: expect PASS" >&2
$cli gate $common --baseline "$out/baseline.json" --out "$out/unchanged.json"
unchanged=$?

echo "== 3/3 rerun with a rate limit and a long nftables chain: expect REGRESSION" >&2
$cli gate $common --baseline "$out/baseline.json" --out "$out/regressed.json" \
  --local-qdisc "tbf rate 500mbit burst 256kb latency 10ms" \
  --local-server-setup "sh examples/slow-input-chain.sh 5000"
regressed=$?

echo "unchanged rerun: exit $unchanged (0 = pass); injected regression: exit $regressed (1 = regression caught)" >&2
[ "$unchanged" = 0 ] && [ "$regressed" = 1 ]
