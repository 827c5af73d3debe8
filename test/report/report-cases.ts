/** The report inputs the snapshot and browser tests render, built from fixtures/results/. */
import { readFileSync } from 'node:fs';
import { compareResults } from '../../src/compare/compare-results.js';
import type { EnvironmentPolicy } from '../../src/compare/environment.js';
import type { ReportInput } from '../../src/report/report-input.js';
import { parseResults } from '../../src/results/read.js';
import type { Results } from '../../src/results/schema.js';

/** A results fixture by name (fixtures/results/NAME.json), validated as `compare` reads it. */
export function loadResults(name: string): Results {
  const url = new URL(`../../fixtures/results/${name}.json`, import.meta.url);
  return parseResults(readFileSync(url, 'utf8'), `${name}.json`);
}

const REPRODUCE = [
  'npm ci && npm run build',
  'sudo node dist/cli/index.js run --target local --scenarios tcp_stream_1,tcp_rr_1cpu --samples 5 --out current.json',
  'node dist/cli/index.js compare --baseline baseline.json --current current.json',
];

function compared(
  baselineName: string,
  currentName: string,
  policy: EnvironmentPolicy = 'warn',
): ReportInput {
  const baseline = loadResults(baselineName);
  const current = loadResults(currentName);
  const comparison = compareResults([baseline], current, { thresholds: {}, environmentPolicy: policy });
  return { current, baseline, comparison, verdict: comparison.verdict, reproduce: REPRODUCE };
}

/** Every case, by a name that says what it shows. */
export function reportCases(): Record<string, ReportInput> {
  return {
    'regression, improvement and inconclusive': compared('baseline', 'current-mixed'),
    'environment difference (kernel), a scenario not run': compared('baseline', 'current-kernel-upgrade'),
    'environment difference under policy fail': compared('baseline', 'current-kernel-upgrade', 'fail'),
    'missing baseline': {
      current: loadResults('first-run-local'),
      verdict: 'no-baseline',
      reproduce: REPRODUCE,
      title: 'netperf-gate (local target)',
    },
    'Cilium v1.13: node-to-node vs eBPF host-routing': {
      ...compared('cilium-v1.13-node-to-node', 'cilium-v1.13-ebpf-host-routing'),
      title: 'Cilium v1.13 published figures',
      reproduce: [],
    },
  };
}
