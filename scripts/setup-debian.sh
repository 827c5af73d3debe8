#!/bin/sh
# Installs what netperf-gate needs on a fresh Debian machine (run as root):
# netperf from Debian's non-free section, iproute2, nftables, then npm packages.
# `setup-debian.sh test` also installs what the test suite needs: Chromium for the report's browser test,
# Debian's official Kubernetes Python client for the simulator's client tests.
set -eu
cd "$(dirname "$0")/.."

if [ "$(id -u)" != 0 ]; then
  echo "setup-debian.sh: run as root (it installs Debian packages)" >&2
  exit 2
fi

. /etc/os-release
suite="${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}"

need=""
command -v netperf >/dev/null 2>&1 || need="$need netperf"
command -v ip >/dev/null 2>&1 || need="$need iproute2"
command -v tc >/dev/null 2>&1 || need="$need iproute2"
command -v nft >/dev/null 2>&1 || need="$need nftables"
command -v taskset >/dev/null 2>&1 || need="$need util-linux"
command -v ss >/dev/null 2>&1 || need="$need iproute2"
if [ "${1:-}" = test ]; then
  command -v chromium >/dev/null 2>&1 || need="$need chromium"
  [ -d /usr/share/fonts/truetype/dejavu ] || need="$need fonts-dejavu-core"
  # The official Python client: a second opinion on the cluster simulator (test/kube-sim.python.test.ts).
  /usr/bin/python3 -c 'import kubernetes' >/dev/null 2>&1 || need="$need python3-kubernetes"
fi

if [ -n "$need" ]; then
  list=/etc/apt/sources.list.d/netperf-gate-non-free.sources
  # netperf lives in non-free; add that section for this suite unless apt already offers it.
  if ! apt-cache policy netperf 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    cat > "$list" <<SRC
Types: deb
URIs: http://deb.debian.org/debian
Suites: $suite
Components: non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $need >/dev/null
fi

if [ "${SKIP_NPM:-}" != 1 ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
