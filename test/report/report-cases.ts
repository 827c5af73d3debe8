/** The report inputs the snapshot and browser tests render, built from fixtures/results/. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { baselineSinceLastShift } from '../../src/compare/baseline-since-shift.js';
import { compareResults } from '../../src/compare/compare-results.js';
import type { EnvironmentPolicy } from '../../src/compare/environment.js';
import type { MetricValues } from '../../src/metrics/names.js';
import type { ReportInput } from '../../src/report/report-input.js';
import { aggregateSamples } from '../../src/results/aggregate.js';
import { parseResults } from '../../src/results/read.js';
import type { Results } from '../../src/results/schema.js';
import { noisyHistory } from '../helpers/history-sim.js';

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

/** A results document with its aggregates filled in, as `run` writes it (the simulation leaves them out). */
function aggregated(run: Results): Results {
  const fill = <T extends { samples: { metrics: MetricValues }[] }>(part: T) => ({
    ...part,
    aggregates: aggregateSamples(part.samples.map((s) => s.metrics)),
  });
  return {
    ...run,
    scenarios: run.scenarios.map((scenario) => ({
      ...fill(scenario),
      ...(scenario.reference ? { reference: fill(scenario.reference) } : {}),
    })),
  };
}

/**
 * Twelve push runs of the default branch (simulated, seeded, each with its commit and workflow run),
 * the pod path 12 % slower from the 8th on, and a pull request's run at the new level: the baseline is
 * the runs since the shift, and the reports draw the trend.
 */
function historyCase(): ReportInput {
  const spec = {
    noise: 'shared-drift',
    withReference: true,
    samples: 6,
    scenarios: ['tcp_stream_1', 'tcp_rr_1cpu'],
  } as const;
  const runs = noisyHistory(20_261_129, { ...spec, runs: 13, shiftAt: 7, dropPct: 12 }).map((run, i) => {
    const sha = createHash('sha1').update(`commit ${i}`).digest('hex');
    const provenance = {
      repository: 'example/app',
      sha,
      ref: 'refs/heads/main',
      event: 'push',
      runId: 4704 + i,
    };
    return { ...aggregated(run), provenance } as Results;
  });
  const history = runs.slice(0, 12);
  const current = aggregated(runs[12] as Results);
  const selection = baselineSinceLastShift(history);
  const comparison = compareResults(selection.runs, current, { thresholds: {}, environmentPolicy: 'warn' });
  return {
    current,
    baseline: selection.runs.at(-1) as Results,
    comparison,
    verdict: comparison.verdict,
    reproduce: REPRODUCE,
    history: { runs: history, ...(selection.shift ? { shift: selection.shift } : {}) },
  };
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
    'a baseline history with a level shift': historyCase(),
  };
}
