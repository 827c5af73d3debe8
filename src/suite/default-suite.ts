import type { Scenario, Suite } from './model.js';

/** Samples (pod/reference pairs) per scenario and seconds per sample when neither the suite nor a flag says otherwise; an even count balances the A B B A order. */
export const DEFAULT_SAMPLES = 6;
export const DEFAULT_DURATION_SECONDS = 10;

/** 64 KiB sends, a common choice for bulk TCP benchmarks; netperf's own default depends on the socket buffer. */
const STREAM_SEND_SIZE_BYTES = 65536;

function scenario(fields: Pick<Scenario, 'name' | 'test' | 'concurrency' | 'cpus'>): Scenario {
  return {
    ...fields,
    sendSizeBytes: fields.test === 'TCP_STREAM' ? STREAM_SEND_SIZE_BYTES : null,
    requestSizeBytes: 1,
    responseSizeBytes: 1,
    durationSeconds: DEFAULT_DURATION_SECONDS,
    samples: DEFAULT_SAMPLES,
  };
}

/** Cilium's four benchmark scenarios (v1.13 "operations/performance/benchmark"). */
export function defaultSuite(): Suite {
  return {
    scenarios: [
      scenario({ name: 'tcp_stream_1', test: 'TCP_STREAM', concurrency: 1, cpus: null }),
      scenario({ name: 'tcp_stream_32', test: 'TCP_STREAM', concurrency: 32, cpus: 32 }),
      scenario({ name: 'tcp_rr_1cpu', test: 'TCP_RR', concurrency: 1, cpus: 1 }),
      scenario({ name: 'tcp_rr_32cpu', test: 'TCP_RR', concurrency: 32, cpus: 32 }),
    ],
  };
}
