/**
 * The CLI entry's exit codes for fleets (src/cli/main.ts): `fleet-report` over fleet results files made
 * by the fleet command on the replaying test double — 0 for a steady fleet, 1 for one with a slow node,
 * 2 for a bad file — and `schema --fleet`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { main } from '../../src/cli/main.js';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';
import { runFleet } from '../../src/run/fleet-command.js';
import { createFiles } from '../../src/util/files.js';
import { createReplayingFleetTarget, type ReplayOptions } from '../helpers/replaying-fleet-target.js';
import { capturingIo } from '../helpers/run-io.js';

const folder = mkdtempSync(join(tmpdir(), 'npg-fleet-main-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function fleetFile(name: string, options: ReplayOptions): Promise<string> {
  const outPath = join(folder, `${name}.json`);
  const target = createReplayingFleetTarget(options);
  const config = {
    target: 'local' as const,
    nodes: options.nodes,
    seed: 13,
    reference: true,
    localNodeSetups: [],
    kubernetes: { tolerations: [], image: DEFAULT_IMAGE, hostNetworkReference: true },
    outPath,
    samples: 2,
    durationSeconds: 1,
    debug: false,
  };
  await runFleet(config, capturingIo(), { createTarget: async () => target });
  return outPath;
}

/** Runs main() with stdout and stderr kept. */
async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((text) => out.push(String(text)) > 0);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((text) => err.push(String(text)) > 0);
  try {
    return { code: await main(argv), out: out.join(''), err: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('fleet exit codes', () => {
  it('exits 0 for a fleet without a slow node and 1 for one with', async () => {
    const steady = await fleetFile('steady', { nodes: 4, wobble: 0.02 });
    const slow = await fleetFile('slow', {
      nodes: 4,
      wobble: 0.02,
      slowNode: { node: 'node-1', factor: 0.5 },
    });
    expect(await cli(['fleet-report', '--in', steady])).toMatchObject({ code: 0 });
    const named = await cli(['fleet-report', '--in', slow, '--baseline', steady]);
    expect(named.code).toBe(1);
    expect(named.out).toContain('Verdict: SLOW NODES (node-1)');
  });

  it('exits 2 with one line for a single run’s results file', async () => {
    const path = join(folder, 'single.json');
    await createFiles().writeText(path, '{"schemaVersion":1}\n');
    const { code, err } = await cli(['fleet-report', '--in', path]);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toEqual([
      `netperf-gate: ${path}: not a fleet results file (a single run's results?); pass a file written by "netperf-gate fleet --out"`,
    ]);
  });

  it('prints the fleet JSON Schema with schema --fleet', async () => {
    const { code, out } = await cli(['schema', '--fleet']);
    expect(code).toBe(0);
    expect(JSON.parse(out).properties.kind).toEqual({ type: 'string', const: 'fleet' });
  });
});
