import type { TestType } from '../suite/model.js';
import type { MetricName } from './names.js';

/** The metric a scenario is about: throughput for streams, transactions per second for request/response. */
export function headlineMetric(test: TestType): MetricName {
  switch (test) {
    case 'TCP_STREAM':
      return 'throughput_gbps';
    case 'TCP_RR':
      return 'transactions_per_sec';
  }
}
