/**
 * The omni output selectors we ask netperf for (`-- -o …`) and the human column names netperf 2.7.0
 * prints for them in its CSV header (`-P 1`). The parser maps columns by these names, never by
 * position, because netperf silently drops selectors it does not know from the header.
 */
export const NETPERF_COLUMN_NAMES = {
  THROUGHPUT: 'Throughput',
  THROUGHPUT_UNITS: 'Throughput Units',
  TRANSACTION_RATE: 'Transaction Rate Tran/s',
  P50_LATENCY: '50th Percentile Latency Microseconds',
  P90_LATENCY: '90th Percentile Latency Microseconds',
  P99_LATENCY: '99th Percentile Latency Microseconds',
  MEAN_LATENCY: 'Mean Latency Microseconds',
  LOCAL_CPU_UTIL: 'Local CPU Util %',
  REMOTE_CPU_UTIL: 'Remote CPU Util %',
  LOCAL_TRANSPORT_RETRANS: 'Local Transport Retransmissions',
  REMOTE_TRANSPORT_RETRANS: 'Remote Transport Retransmissions',
  ELAPSED_TIME: 'Elapsed Time (sec)',
  // Kept in the raw output so a person reading it can check what ran; the parser does not need them.
  PROTOCOL: 'Protocol',
  LOCAL_SEND_SIZE: 'Local Send Size',
  REQUEST_SIZE: 'Request Size Bytes',
  RESPONSE_SIZE: 'Response Size Bytes',
  LOCAL_CPU_COUNT: 'Local CPU Count',
  REMOTE_CPU_COUNT: 'Remote CPU Count',
} as const;

/** An omni output selector we ask for. */
export type NetperfSelector = keyof typeof NETPERF_COLUMN_NAMES;

/**
 * Every selector we pass to `-- -o`, in output order. COMMAND_LINE is left out: it repeats the
 * whole argv (quoted, with commas) in every row and tells us nothing we do not already know.
 */
export const NETPERF_SELECTORS = Object.keys(NETPERF_COLUMN_NAMES) as readonly NetperfSelector[];

/** The columns the parser reads; a header without any of them is refused. */
export const REQUIRED_SELECTORS = [
  'THROUGHPUT',
  'THROUGHPUT_UNITS',
  'TRANSACTION_RATE',
  'P50_LATENCY',
  'P90_LATENCY',
  'P99_LATENCY',
  'MEAN_LATENCY',
  'LOCAL_CPU_UTIL',
  'REMOTE_CPU_UTIL',
  'LOCAL_TRANSPORT_RETRANS',
  'REMOTE_TRANSPORT_RETRANS',
  'ELAPSED_TIME',
] as const satisfies readonly NetperfSelector[];

/** A column the parser reads. */
export type RequiredSelector = (typeof REQUIRED_SELECTORS)[number];
