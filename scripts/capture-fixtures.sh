#!/usr/bin/env bash
# Captures REAL netperf outputs into fixtures/netperf/ for the parser's table-driven tests,
# then derives broken variants from them. Run as root on a machine with netperf and iproute2:
#
#   sudo scripts/capture-fixtures.sh
#
# Two network namespaces joined by a veth pair play server and client. Their addresses come
# from 198.18.0.0/15 (set aside for benchmarking) and no traffic goes anywhere else.
# Every fixture is a directory holding stdout.txt, stderr.txt and exit-code.txt (a number,
# or "null" when the process was killed by a signal, as ProcessOutput.exitCode has it).
set -euo pipefail
cd "$(dirname "$0")/.."

SRV_NS=npgfix-srv
CLI_NS=npgfix-cli
SRV_IF=npgfix-s
CLI_IF=npgfix-c
SRV_ADDR=198.18.250.1
CLI_ADDR=198.18.250.2
PORT=12870
# Nothing listens here: the connection-refused fixture needs a port without a netserver.
DEAD_PORT=12871
DURATION=2
OUT=fixtures/netperf
# Same list as NETPERF_SELECTORS in src/netperf/command.ts (COMMAND_LINE left out on purpose).
SELECTORS=THROUGHPUT,THROUGHPUT_UNITS,TRANSACTION_RATE,P50_LATENCY,P90_LATENCY,P99_LATENCY,MEAN_LATENCY,LOCAL_CPU_UTIL,REMOTE_CPU_UTIL,LOCAL_TRANSPORT_RETRANS,REMOTE_TRANSPORT_RETRANS,ELAPSED_TIME,PROTOCOL,LOCAL_SEND_SIZE,REQUEST_SIZE,RESPONSE_SIZE,LOCAL_CPU_COUNT,REMOTE_CPU_COUNT

if [ "$(id -u)" != 0 ]; then
  echo "capture-fixtures.sh: run as root (it creates network namespaces)" >&2
  exit 2
fi
for tool in ip netperf netserver taskset ss; do
  command -v "$tool" >/dev/null || { echo "capture-fixtures.sh: $tool not found (see scripts/setup-debian.sh)" >&2; exit 2; }
done
# Refuse rather than delete: the namespaces may belong to a capture that is still running.
for ns in "$SRV_NS" "$CLI_NS"; do
  if ip netns list | grep -qw "$ns"; then
    echo "capture-fixtures.sh: namespace $ns already exists; another capture running? If not: ip netns del $ns" >&2
    exit 2
  fi
done

netserver_pid=""
cleanup() {
  if [ -n "$netserver_pid" ]; then
    kill "$netserver_pid" 2>/dev/null || true
    wait "$netserver_pid" 2>/dev/null || true
  fi
  # Deleting a namespace also deletes the veth end inside it (and so its peer).
  ip netns del "$SRV_NS" 2>/dev/null || true
  ip netns del "$CLI_NS" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ip netns add "$SRV_NS"
ip netns add "$CLI_NS"
ip link add "$SRV_IF" type veth peer name "$CLI_IF"
ip link set "$SRV_IF" netns "$SRV_NS"
ip link set "$CLI_IF" netns "$CLI_NS"
ip -n "$SRV_NS" addr add "$SRV_ADDR/30" dev "$SRV_IF"
ip -n "$CLI_NS" addr add "$CLI_ADDR/30" dev "$CLI_IF"
for ns in "$SRV_NS" "$CLI_NS"; do ip -n "$ns" link set lo up; done
ip -n "$SRV_NS" link set "$SRV_IF" up
ip -n "$CLI_NS" link set "$CLI_IF" up

# -D keeps netserver in the foreground, so its pid is ours to stop.
ip netns exec "$SRV_NS" netserver -D -4 -L "$SRV_ADDR" -p "$PORT" >/dev/null 2>&1 &
netserver_pid=$!
for _ in $(seq 50); do
  ip netns exec "$SRV_NS" ss -Hltn "sport = :$PORT" | grep -q . && break
  sleep 0.1
done
ip netns exec "$SRV_NS" ss -Hltn "sport = :$PORT" | grep -q . || { echo "capture-fixtures.sh: netserver did not listen on $SRV_ADDR:$PORT within 5 s" >&2; exit 3; }

mkdir -p "$OUT"
# Fixture directories are regenerated; README.md beside them is kept.
find "$OUT" -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +

# run DIR PROGRAM ARGS...: runs one client-side process and records what it printed and how it ended.
run() {
  local dir="$OUT/$1"
  shift
  mkdir -p "$dir"
  local rc=0
  ip netns exec "$CLI_NS" "$@" >"$dir/stdout.txt" 2>"$dir/stderr.txt" || rc=$?
  echo "$rc" >"$dir/exit-code.txt"
}

# concurrent DIR COUNT ARGS...: COUNT netperf instances started together, one directory each.
concurrent() {
  local dir=$1 count=$2
  shift 2
  local pids=()
  for i in $(seq "$count"); do
    run "$dir/instance-$i" netperf "$@" &
    pids+=($!)
  done
  wait "${pids[@]}"
}

target=(-H "$SRV_ADDR" -p "$PORT")
stream=("${target[@]}" -t TCP_STREAM -l "$DURATION" -c -C -P 1)
rr=("${target[@]}" -t TCP_RR -l "$DURATION" -c -C -P 1)

echo "capturing good runs"
run tcp_stream netperf "${stream[@]}" -- -o "$SELECTORS"
run tcp_stream_m16k netperf "${stream[@]}" -- -o "$SELECTORS" -m 16384
run tcp_rr netperf "${rr[@]}" -- -o "$SELECTORS" -r 1,1
run tcp_rr_taskset taskset -c 0 netperf "${rr[@]}" -- -o "$SELECTORS" -r 1,1
run tcp_rr_no_cpu netperf "${target[@]}" -t TCP_RR -l "$DURATION" -P 1 -- -o "$SELECTORS" -r 1,1
run tcp_stream_no_cpu netperf "${target[@]}" -t TCP_STREAM -l "$DURATION" -P 1 -- -o "$SELECTORS"
# The other units netperf's -f can print (10^N bits are decimal, K/M/GBytes binary).
for fmt in b k g B K M G; do
  run "tcp_stream_units_$fmt" netperf "${target[@]}" -t TCP_STREAM -l 1 -f "$fmt" -c -C -P 1 -- -o "$SELECTORS"
done
concurrent tcp_stream_x4 4 "${stream[@]}" -- -o "$SELECTORS"
concurrent tcp_rr_x4 4 "${rr[@]}" -- -o "$SELECTORS" -r 1,1

echo "capturing failing runs"
run connection_refused netperf -H "$SRV_ADDR" -p "$DEAD_PORT" -t TCP_STREAM -l 1 -c -C -P 1 -- -o "$SELECTORS"
# An unknown selector drops out of the header but leaves an empty value in the row.
run invalid_selector netperf "${stream[@]}" -- -o "THROUGHPUT,NOT_A_SELECTOR,THROUGHPUT_UNITS,ELAPSED_TIME"
run unknown_test netperf "${target[@]}" -t NOT_A_TEST -l 1 -P 1
# A negative -l counts bytes or transactions: one transaction ends before the clock moves.
run tcp_rr_one_transaction netperf "${target[@]}" -t TCP_RR -l -1 -c -C -P 1 -- -o "$SELECTORS" -r 1,1
run tcp_stream_one_byte netperf "${target[@]}" -t TCP_STREAM -l -1 -c -C -P 1 -- -o "$SELECTORS"
# -P 0 drops the banner and the header, which is why we always ask for -P 1.
run tcp_stream_no_header netperf "${target[@]}" -t TCP_STREAM -l 1 -c -C -P 0 -- -o "$SELECTORS"

# A run stopped by SIGTERM before it printed anything (what a runner's timeout leaves).
mkdir -p "$OUT/killed"
ip netns exec "$CLI_NS" netperf "${target[@]}" -t TCP_STREAM -l 30 -c -C -P 1 -- -o "$SELECTORS" \
  >"$OUT/killed/stdout.txt" 2>"$OUT/killed/stderr.txt" &
killed_pid=$!
sleep 1
kill -TERM "$killed_pid"
wait "$killed_pid" || true
echo null >"$OUT/killed/exit-code.txt"

echo "deriving broken fixtures from real ones"
# derive DIR SOURCE: a copy of SOURCE's stderr and exit code; the caller writes stdout.txt.
derive() {
  mkdir -p "$OUT/$1"
  cp "$OUT/$2/stderr.txt" "$OUT/$2/exit-code.txt" "$OUT/$1/"
}
src="$OUT/tcp_stream/stdout.txt"
derive broken_header_only tcp_stream
head -n 2 "$src" >"$OUT/broken_header_only/stdout.txt"
derive broken_cut_mid_row tcp_stream
row=$(sed -n 3p "$src")
{ head -n 2 "$src"; printf '%s' "${row:0:$((${#row} / 2))}"; } >"$OUT/broken_cut_mid_row/stdout.txt"
derive broken_cut_last_value tcp_stream
{ head -n 2 "$src"; printf '%s' "${row:0:$((${#row} - 1))}"; } >"$OUT/broken_cut_last_value/stdout.txt"
derive broken_garbage tcp_stream
printf 'Segmentation fault\n\x01\x02 not netperf output at all\n' >"$OUT/broken_garbage/stdout.txt"
derive broken_empty tcp_stream
: >"$OUT/broken_empty/stdout.txt"
derive broken_missing_column tcp_stream
sed -e '2s/,Local CPU Util %,/,Local CPU Utilisation,/' "$src" >"$OUT/broken_missing_column/stdout.txt"
derive broken_non_numeric tcp_stream
sed -e '3s/^[^,]*,/fast,/' "$src" >"$OUT/broken_non_numeric/stdout.txt"
derive broken_blank_value tcp_rr
sed -e '3s/^\([^,]*,[^,]*\),[^,]*,/\1, ,/' "$OUT/tcp_rr/stdout.txt" >"$OUT/broken_blank_value/stdout.txt"
derive broken_unknown_units tcp_stream
sed -e '3s#10^6bits/s#furlongs/s#' "$src" >"$OUT/broken_unknown_units/stdout.txt"

{
  echo "captured: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "netperf: $(netperf -V 2>&1 | head -n 1)"
  echo "kernel: $(uname -r)"
  echo "cpus: $(nproc)"
  echo "selectors: $SELECTORS"
} >"$OUT/capture-info.txt"
echo "fixtures written to $OUT"
