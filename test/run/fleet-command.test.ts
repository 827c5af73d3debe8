/**
 * `netperf-gate fleet` and `fleet-report` end to end on a test double that replays real captured netperf
 * outputs (test/helpers/replaying-fleet-target.ts): the results file it writes, the verdict, cleanup on
 * a failing pair, on SIGINT and on --timeout, and the re-render from the file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FleetConfig } from '../../src/config/fleet-config.js';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';
import { parsePlanSpec } from '../../src/fleet/plan.js';
import { fleetResultsSchema, parseFleetResults } from '../../src/results/fleet-schema.js';
import { fleetReport, resolveFleetSuite, runFleet } from '../../src/run/fleet-command.js';
import { fleetTargetSettings } from '../../src/run/fleet-session.js';
import { createFiles } from '../../src/util/files.js';
import { createReplayingFleetTarget, type ReplayOptions } from '../helpers/replaying-fleet-target.js';
import { capturingIo } from '../helpers/run-io.js';

const folder = mkdtempSync(join(tmpdir(), 'npg-fleet-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let runs = 0;
function fleetConfig(overrides: Partial<FleetConfig> = {}): FleetConfig {
  runs += 1;
  return {
    target: 'local',
    nodes: 4,
    seed: 13,
    reference: true,
    localNodeSetups: [],
    kubernetes: { tolerations: [], image: DEFAULT_IMAGE, hostNetworkReference: true },
    outPath: join(folder, `run-${runs}`, 'fleet.json'),
    samples: 2,
    durationSeconds: 1,
    debug: false,
    ...overrides,
  };
}

function withDouble(options: Partial<ReplayOptions> = {}) {
  const target = createReplayingFleetTarget({ nodes: 4, ...options });
  return { target, deps: { createTarget: async () => target } };
}

describe('netperf-gate fleet', () => {
  it('writes a fleet results file that validates, with the plan, rounds, nodes and every pair', async () => {
    const { target, deps } = withDouble();
    const io = capturingIo();
    const config = fleetConfig();
    const outcome = await runFleet(config, io, deps);
    const stored = parseFleetResults(readFileSync(config.outPath, 'utf8'), config.outPath);
    expect(fleetResultsSchema.safeParse(outcome.results).success).toBe(true);
    expect(stored).toEqual(outcome.results);
    // Defaults decided after prepare: 4 nodes → all; local → one pair at a time.
    expect(stored.plan).toEqual({ spec: 'all', seed: 13, parallel: 1, rounds: 12 });
    expect(stored.pairs).toHaveLength(12);
    expect(new Set(stored.pairs.map((p) => p.round)).size).toBe(12);
    expect(stored.nodes.map((n) => n.name)).toEqual(['node-1', 'node-2', 'node-3', 'node-4']);
    expect(stored.target).toEqual({ kind: 'local', settings: { localNodes: '4' } });
    expect(target.cleanups()).toBeGreaterThanOrEqual(1);
    expect(outcome.verdict).toBe('pass');
    expect(io.logged[0]).toMatch(/^fleet: 4 nodes, plan all \(seed 13\): 12 pairs in 12 rounds/);
  });

  it('measures the same pairs for the same seed, and records the seed', async () => {
    const pairsOf = async (seed: number) => {
      const { deps } = withDouble({ nodes: 7 });
      const config = fleetConfig({ nodes: 7, seed, plan: parsePlanSpec('random:2'), parallel: 3 });
      const { results } = await runFleet(config, capturingIo(), deps);
      expect(results.plan.seed).toBe(seed);
      return results.pairs.map((p) => `${p.client}>${p.server}@${p.round}`);
    };
    expect(await pairsOf(99)).toEqual(await pairsOf(99));
  });

  it('names a slow node and says slow (exit 1), and the table shows it first', async () => {
    const { deps } = withDouble({ nodes: 5, slowNode: { node: 'node-3', factor: 0.5 } });
    const io = capturingIo();
    const outcome = await runFleet(fleetConfig({ nodes: 5 }), io, deps);
    expect(outcome.analysis.named).toEqual(['node-3']);
    expect(outcome.verdict).toBe('slow');
    const table = io.printed.join('');
    expect(table).toContain('Verdict: SLOW NODES (node-3)');
    expect(table.split('\n')[4]).toMatch(/^node-3\s+-50\s.*SLOW$/);
  });

  it('fails cleanly on a failing pair: the error names it, cleanup ran, no results file', async () => {
    const { target, deps } = withDouble({ failingPair: { client: 'node-4', server: 'node-1' } });
    const config = fleetConfig();
    await expect(runFleet(config, capturingIo(), deps)).rejects.toThrow(
      /^pair node-4 → node-1, tcp_stream_1: /,
    );
    expect(target.cleanups()).toBeGreaterThanOrEqual(1);
    expect(existsSync(config.outPath)).toBe(false);
  });

  it('cleans up on SIGINT mid-round, exits 130 and starts no netperf after', async () => {
    const exits: number[] = [];
    const before = process.listeners('SIGINT');
    const deliverSigint = () => {
      for (const listener of process.listeners('SIGINT').filter((l) => !before.includes(l)))
        (listener as (signal: string) => void)('SIGINT');
    };
    const { target, deps } = withDouble({ onCall: (_call, index) => index === 6 && deliverSigint() });
    const io = capturingIo();
    const exit = ((code: number) => void exits.push(code)) as (code: number) => never;
    await expect(runFleet(fleetConfig(), io, { ...deps, exit })).rejects.toThrow('interrupted');
    expect(target.cleanups()).toBeGreaterThanOrEqual(1);
    expect(target.callsAfterCleanup).toEqual([]);
    expect(exits).toEqual([130]);
    expect(io.logged).toContain('SIGINT: stopping and cleaning up');
    expect(process.listeners('SIGINT')).toEqual(before);
  });

  it('stops at --timeout, cleans up and says what to change', async () => {
    const { target, deps } = withDouble({ hang: true });
    await expect(runFleet(fleetConfig({ timeoutMs: 50 }), capturingIo(), deps)).rejects.toThrow(
      /did not finish within --timeout .*: it was stopped and cleaned up; raise --timeout/,
    );
    expect(target.cleanups()).toBeGreaterThanOrEqual(1);
  });

  it('compares with a baseline fleet: a node that got slower since fails the run', async () => {
    const steady = { nodes: 6, wobble: 0.02 };
    const before = await runFleet(fleetConfig({ nodes: 6 }), capturingIo(), withDouble(steady).deps);
    const baselinePath = join(folder, 'baseline-fleet.json');
    await createFiles().writeText(baselinePath, `${JSON.stringify(before.results)}\n`);
    const { deps } = withDouble({ ...steady, slowNode: { node: 'node-2', factor: 0.6 } });
    const outcome = await runFleet(fleetConfig({ nodes: 6, baselinePath }), capturingIo(), deps);
    expect(new Set(outcome.analysis.changes?.map((c) => c.node))).toEqual(new Set(['node-2']));
    expect(outcome.verdict).toBe('slow');
    const rerun = await runFleet(
      fleetConfig({ nodes: 6, baselinePath }),
      capturingIo(),
      withDouble(steady).deps,
    );
    expect(rerun.analysis.changes).toEqual([]);
    expect(rerun.verdict).toBe('pass');
  });

  it('re-renders the same table and report files byte for byte from the results file (fleet-report)', async () => {
    const dir = join(folder, 'render');
    const baselinePath = join(dir, 'baseline.json');
    const steady = { nodes: 5, wobble: 0.02 };
    await runFleet(fleetConfig({ nodes: 5, outPath: baselinePath }), capturingIo(), withDouble(steady).deps);
    const { deps } = withDouble({ ...steady, slowNode: { node: 'node-5', factor: 0.7 } });
    const first = capturingIo();
    const pages = { htmlPath: join(dir, 'a.html'), markdownPath: join(dir, 'a.md') };
    const config = fleetConfig({ nodes: 5, baselinePath, ...pages });
    const measured = await runFleet(config, first, deps);
    const again = capturingIo();
    const report = {
      inPath: config.outPath,
      baselinePath,
      htmlPath: join(dir, 'b.html'),
      markdownPath: join(dir, 'b.md'),
    };
    const rendered = await fleetReport({ ...report, debug: false }, again);
    expect(first.printed.join('')).toContain('vs baseline');
    expect(again.printed.join('')).toBe(first.printed.join(''));
    expect(readFileSync(join(dir, 'b.html'), 'utf8')).toBe(readFileSync(join(dir, 'a.html'), 'utf8'));
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe(readFileSync(join(dir, 'a.md'), 'utf8'));
    expect(rendered.verdict).toBe(measured.verdict);
    expect(rendered.verdict).toBe('slow');
  });

  it('hands results and analysis to injected renderers', async () => {
    const { deps } = withDouble({ nodes: 3 });
    const io = capturingIo();
    const terminal = (r: { nodes: unknown[] }, a: { ranking: unknown[] }) =>
      `${r.nodes.length}/${a.ranking.length}\n`;
    await runFleet(fleetConfig({ nodes: 3 }), io, { ...deps, renderers: { terminal } });
    expect(io.printed).toEqual(['3/3\n']);
  });

  it("uses the fleet's short scenarios by default and a suite file's own settings when given", async () => {
    const builtIn = await resolveFleetSuite(
      fleetConfig({ samples: undefined, durationSeconds: undefined }),
      createFiles(),
    );
    expect(builtIn.scenarios.map((s) => [s.name, s.samples, s.durationSeconds])).toEqual([
      ['tcp_stream_1', 2, 3],
      ['tcp_rr_1cpu', 2, 3],
    ]);
    const suitePath = join(folder, 'suite.yml');
    await createFiles().writeText(
      suitePath,
      'scenarios: [{name: a, test: TCP_RR, samples: 4, durationSeconds: 5}]\n',
    );
    const fromFile = await resolveFleetSuite(
      fleetConfig({ suitePath, samples: undefined, durationSeconds: undefined }),
      createFiles(),
    );
    expect(fromFile.scenarios.map((s) => [s.name, s.samples, s.durationSeconds])).toEqual([['a', 4, 5]]);
  });

  it('records the Kubernetes settings without the single-pair node flags', () => {
    const settings = fleetTargetSettings(fleetConfig({ target: 'kubernetes', nodes: undefined }));
    expect(settings.kubeNodes).toBe('all eligible');
    expect(settings).not.toHaveProperty('kubeClientNode');
  });
});
