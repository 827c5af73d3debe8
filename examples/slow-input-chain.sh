#!/bin/sh
# Slows the pod link only: packets arriving on it ($NETPERF_GATE_POD_IFACE) jump to a chain of N
# nftables rules (default 2000) that never match; the reference link skips the chain and stays fast.
# It stands for per-packet datapath cost such as iptables conntrack in a CNI. The README demo uses it as
# a known regression: run it with --local-server-setup, which sets NETPERF_GATE_POD_IFACE.
# `nft list chain inet npg_demo input` shows how many packets took the jump.
set -eu
if [ -z "${NETPERF_GATE_POD_IFACE:-}" ]; then
  echo "slow-input-chain.sh: NETPERF_GATE_POD_IFACE is not set: run it through --local-server-setup or --local-client-setup, which set it" >&2
  exit 2
fi
rules="${1:-2000}"
case "$rules" in
  '' | *[!0-9]*)
    echo "slow-input-chain.sh: invalid rule count '$rules': expected a whole number, e.g. 2000" >&2
    exit 2
    ;;
esac
{
  echo 'table inet npg_demo {'
  echo '  chain pod_input {'
  i=0
  while [ "$i" -lt "$rules" ]; do
    echo "    ip saddr 198.19.$((i / 250)).$((i % 250 + 1)) tcp dport $((20000 + i)) counter drop"
    i=$((i + 1))
  done
  echo '  }'
  echo '  chain input {'
  echo '    type filter hook input priority 0; policy accept;'
  echo "    iifname \"$NETPERF_GATE_POD_IFACE\" counter jump pod_input"
  echo '  }'
  echo '}'
} | nft -f -
