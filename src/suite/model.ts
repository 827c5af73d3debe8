import type { MetricName, TestType } from '../metrics/names.js';

export { TEST_TYPES, type TestType } from '../metrics/names.js';

/** One benchmark scenario: what netperf runs, how often, and how big the pods are. */
export interface Scenario {
  /** Name users pick with `--scenarios` and thresholds refer to, e.g. `tcp_rr_1cpu`. */
  name: string;
  /** netperf test type. */
  test: TestType;
  /** Number of netperf processes started together against one netserver. */
  concurrency: number;
  /** CPU cores for each of the client and server pods; `null` means not limited. */
  cpus: number | null;
  /** TCP_STREAM send size in bytes (`-- -m`); `null` leaves netperf's default. */
  sendSizeBytes: number | null;
  /** TCP_RR request size in bytes (`-- -r req,resp`). */
  requestSizeBytes: number;
  /** TCP_RR response size in bytes. */
  responseSizeBytes: number;
  /** Length of one netperf run in seconds (`-l`). */
  durationSeconds: number;
  /** Number of samples (repeated runs) taken of this scenario. */
  samples: number;
  /** Noise floors in percent (or `off`) for this scenario's metrics, from the suite file. */
  thresholds?: Partial<Record<MetricName, number | 'off'>>;
}

/** A suite: an ordered list of scenarios with unique names. */
export interface Suite {
  scenarios: Scenario[];
}
