/** What the fleet action tests share: the short fleet's inputs, baseline fleets, and the checks of a finished step. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFleetResults, serializeFleetResults } from '../../src/results/fleet-schema.js';
import { buildFleetResults } from '../helpers/fleet-fixture.js';
import { annotations, type StepResult } from './run-action.js';

/** A short local fleet: 3 namespaces, every ordered pair, one scenario, 1 sample of 1 s. */
export const SHORT_FLEET = {
  mode: 'fleet',
  target: 'local',
  nodes: '3',
  plan: 'all',
  scenarios: 'tcp_stream_1',
  samples: '1',
  duration: '1',
};
/** A node-list output of that fleet: empty or comma-separated node names. */
export const NODE_LIST = /^(node-[123](,node-[123])*)?$/;

/**
 * A 3-node fleet of the same shape as SHORT_FLEET, from real netperf output; `fastNode2` makes node-2's
 * pod path that many times as fast (client and server): against it, node-2 of this machine's unchanged
 * fleet got far slower, a difference no noise here hides.
 */
export function fixtureFleetText(fastNode2 = 1): string {
  const fast = { 'node-2': fastNode2 };
  return serializeFleetResults(
    buildFleetResults({
      nodes: 3,
      scenarios: ['tcp_stream_1'],
      samples: 1,
      plan: { kind: 'all' },
      client: fast,
      server: fast,
    }),
  );
}

/**
 * node-2 forty times as fast in the baseline fleet: now about 97 % slower relative to its fleet. Four
 * times (−75 %) was hidden once by this machine's noise: with a busy loop and another test suite beside
 * it, the current fleet's pair residuals spread so far that −75 % stayed under the 3.5 standard errors
 * (flake-check --busy, 2026-12-06). log 40 = 3.7 needs a residual scale about 2.7 × larger to hide.
 */
export const FAST_NODE_2 = 40;

/** The nodes of a comma-separated output. */
export function listed(output: string | undefined): string[] {
  return (output ?? '').split(',').filter((node) => node !== '');
}

/** What every finished fleet step leaves, whatever this machine's noise made of the verdict. */
export function expectFleetStep(
  workspace: string,
  step: StepResult,
  reportDir: string,
  failOnRegression = true,
): void {
  // The artifact client's unzip (bundled) calls Buffer(): Node's one-time deprecation warning is not ours.
  const ours = step.stderr
    .split('\n')
    .filter((line) => line !== '' && !/DEP0005|--trace-deprecation/.test(line));
  expect(ours).toEqual([]);
  expect(step.outputs.verdict).toMatch(/^(pass|slow)$/);
  const fails = step.outputs.verdict === 'slow' && failOnRegression;
  expect(step.code).toBe(fails ? 1 : 0);
  for (const name of ['slow-nodes', 'slower-nodes', 'outlier-nodes']) {
    expect([name, step.outputs[name]]).toEqual([name, expect.stringMatching(NODE_LIST)]);
  }
  expect(step.outputs['results-path']).toBe(`${reportDir}/fleet.json`);
  expect(step.outputs['report-path']).toBe(`${reportDir}/fleet.html`);
  expect(step.outputs.summary).toMatch(/^(PASS|SLOW): 3 nodes, plan all \(seed 13\), 6 pairs in \d+ rounds/);
  expect(step.summary).toMatch(/^## netperf-gate fleet: (✅ no slow node|❌ )/);
  // One annotation per slow or slower node (errors when the step fails, else warnings), plus setFailed.
  const failing = new Set([...listed(step.outputs['slow-nodes']), ...listed(step.outputs['slower-nodes'])]);
  const nodeAnnotations = (level: 'error' | 'warning') =>
    annotations(step.stdout, level).filter((line) => line.includes('title=netperf-gate fleet%3A node-'));
  expect(nodeAnnotations(fails ? 'error' : 'warning')).toHaveLength(failing.size);
  expect(annotations(step.stdout, 'error')).toHaveLength(fails ? failing.size + 1 : 0);
  const results = parseFleetResults(readFileSync(join(workspace, reportDir, 'fleet.json'), 'utf8'), 'fleet');
  expect(results.nodes.map((node) => node.name)).toEqual(['node-1', 'node-2', 'node-3']);
  expect(results.pairs).toHaveLength(6);
  expect(readFileSync(join(workspace, reportDir, 'fleet.html'), 'utf8')).toContain('<html');
  expect(readFileSync(join(workspace, reportDir, 'fleet.md'), 'utf8')).toMatch(/^## netperf-gate fleet/);
}

/** A local fleet's namespaces are `npg-<pid>-sw` and `npg-<pid>-n<K>`, named after the measuring process. */
export function namespacesOfPid(pid: string): string[] {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => name.startsWith(`npg-${pid}-`));
}
