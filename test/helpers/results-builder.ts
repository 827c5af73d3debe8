import type { MetricValues } from '../../src/metrics/names.js';
import { aggregateSamples } from '../../src/results/aggregate.js';
import type { Results, ScenarioResult } from '../../src/results/schema.js';
import { defaultSuite } from '../../src/suite/default-suite.js';

/** A scenario result with the given per-sample metric values (instances are placeholders). */
export function scenarioWith(name: string, samples: MetricValues[]): ScenarioResult {
  const settings = defaultSuite().scenarios.find((s) => s.name === name) ?? {
    ...(defaultSuite().scenarios[0] as ScenarioResult['settings']),
    name,
  };
  return {
    settings: { ...settings, samples: samples.length },
    costUnit: settings.test === 'TCP_STREAM' ? '% CPU per 10 Gbit/s' : '% CPU per 100k trans/s',
    samples: samples.map((metrics, index) => ({
      index,
      startedAt: '2026-11-26T07:00:00.000Z',
      wallSeconds: settings.durationSeconds,
      metrics,
      instances: [
        {
          throughputGbps: metrics.throughput_gbps ?? null,
          transactionsPerSec: metrics.transactions_per_sec ?? null,
          latencyP50Us: null,
          latencyP90Us: null,
          latencyP99Us: null,
          latencyMeanUs: null,
          clientCpuPct: metrics.client_cpu_pct ?? null,
          serverCpuPct: metrics.server_cpu_pct ?? null,
          retransmits: null,
          elapsedSeconds: settings.durationSeconds,
        },
      ],
    })),
    aggregates: aggregateSamples(samples),
  };
}

/** A results document around the given scenarios, on a fixed made-up environment. */
export function resultsWith(scenarios: ScenarioResult[], kernel = '6.18.0'): Results {
  const node = (name: string) => ({ name, kernel, cpuModel: 'Test CPU', cpuCount: 2, details: {} });
  return {
    schemaVersion: 1,
    tool: { name: 'netperf-gate', version: '0.1.0' },
    startedAt: '2026-11-26T07:00:00.000Z',
    finishedAt: '2026-11-26T07:05:00.000Z',
    target: { kind: 'local', settings: {} },
    environment: {
      netperfVersion: '2.7.0',
      client: node('local-client'),
      server: node('local-server'),
      details: {},
    },
    scenarios,
  };
}

/** n samples of one metric around `centre`, spread deterministically by ±spreadPct. */
export function around(metric: keyof MetricValues, centre: number, n = 5, spreadPct = 1): MetricValues[] {
  return Array.from({ length: n }, (_, i) => ({
    [metric]: centre * (1 + ((i - (n - 1) / 2) / n) * (spreadPct / 100) * 2),
  }));
}

/**
 * The scenario with an interleaved reference: pair i is samples[i] (pod path) with reference[i]. Every
 * reference sample gets the given metrics.
 */
export function withReference(scenario: ScenarioResult, reference: MetricValues[]): ScenarioResult {
  const partner = scenarioWith(scenario.settings.name, reference);
  return { ...scenario, reference: { samples: partner.samples, aggregates: partner.aggregates } };
}

/** A deterministic wobble of ±amplitude around 1 for sample i (no randomness: tests stay exact). */
export function wobble(i: number, amplitude: number): number {
  return 1 + amplitude * Math.sin(1.7 * i + 0.3);
}
