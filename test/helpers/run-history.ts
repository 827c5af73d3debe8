/** Seeds github-sim with a workflow's history: runs that uploaded a results artifact, some expired. */
import { serializeResults } from '../../src/results/read.js';
import type { Results } from '../../src/results/schema.js';
import type { GitHubSim, SimRun } from '../github-sim/index.js';
import { zipFiles } from '../github-sim/zip.js';
import { around, resultsWith, scenarioWith } from './results-builder.js';

/** One past run. */
export interface PastRun {
  id: number;
  event?: string;
  branch?: string;
  workflowFile?: string;
  conclusion?: 'success' | 'failure';
  /** Whether it uploaded the artifact (default true), and whether that has expired. */
  artifact?: 'none' | 'expired' | 'present';
  /** Transactions/s of its tcp_rr_1cpu samples (default 30 000). */
  transactionsPerSec?: number;
}

/** The results a past run recorded: tcp_rr_1cpu, 3 one-second samples, started at minute `id`. */
export function pastResults(run: PastRun): Results {
  const scenario = scenarioWith(
    'tcp_rr_1cpu',
    around('transactions_per_sec', run.transactionsPerSec ?? 30_000, 3),
  );
  scenario.settings.durationSeconds = 1;
  const results = resultsWith([scenario]);
  const started = new Date(Date.UTC(2026, 10, 1) + run.id * 60_000);
  results.startedAt = started.toISOString();
  results.finishedAt = new Date(started.getTime() + 30_000).toISOString();
  results.provenance = { repository: 'octo/cluster', event: run.event ?? 'push', workflowRunId: run.id };
  return results;
}

/** Adds the runs (completed) and their artifacts `name` holding results.json. */
export function seedHistory(
  sim: GitHubSim,
  runs: readonly PastRun[],
  name = 'netperf-gate-results',
): SimRun[] {
  return runs.map((past) => {
    const run = sim.store.addRun({
      id: past.id,
      workflowFile: past.workflowFile ?? 'perf.yml',
      branch: past.branch ?? 'main',
      event: past.event ?? 'push',
      status: 'completed',
      conclusion: past.conclusion ?? 'success',
    });
    if ((past.artifact ?? 'present') !== 'none') {
      const zip = zipFiles({
        'results.json': serializeResults(pastResults(past)),
        'report.md': '# report\n',
      });
      sim.store.seedArtifact(run.id, name, zip, { expired: past.artifact === 'expired' });
    }
    return run;
  });
}
