#!/bin/sh
# Loads a long linear nftables chain on the input hook of the namespace it runs in: every packet walks
# 2000 rules that never match. It stands for datapath cost such as iptables conntrack in a CNI.
# Used by the README demo as a known regression: run it with --local-server-setup.
set -eu
rules="${1:-2000}"
{
  echo 'table inet npg_demo {'
  echo '  chain input {'
  echo '    type filter hook input priority 0; policy accept;'
  i=0
  while [ "$i" -lt "$rules" ]; do
    echo "    ip saddr 198.19.$((i / 250)).$((i % 250 + 1)) tcp dport $((20000 + i)) counter drop"
    i=$((i + 1))
  done
  echo '  }'
  echo '}'
} | nft -f -
