/**
 * A TEST DOUBLE of a FleetTarget that runs no netperf: every netperf call is answered with a REAL
 * captured netperf output from fixtures/netperf (tcp_stream, tcp_rr; connection_refused for a pair made
 * to fail). It exists to check the fleet runner's orchestration only — which pairs, in which rounds,
 * which order of paths, what runs at the same time, when cleanup happens — and writes down everything it
 * was asked. It never stands in for netperf outside the tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NodePair } from '../../src/fleet/plan.js';
import type { FleetTarget, NetperfPair, ProcessOutput } from '../../src/targets/target.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/netperf/', import.meta.url));

/** A real captured netperf run (fixtures/netperf/NAME). */
export function capturedNetperf(name: string): ProcessOutput {
  const read = (file: string) => readFileSync(join(FIXTURES, name, file), 'utf8');
  const code = read('exit-code.txt').trim();
  return {
    stdout: read('stdout.txt'),
    stderr: read('stderr.txt'),
    exitCode: code === 'null' ? null : Number(code),
  };
}

const CAPTURED = { TCP_STREAM: capturedNetperf('tcp_stream'), TCP_RR: capturedNetperf('tcp_rr') };
const REFUSED = capturedNetperf('connection_refused');

/**
 * The captured output with its rate columns (Throughput, Transaction Rate) multiplied by `factor`: an
 * injected difference far beyond any noise, so the analysis has a slow node to name.
 */
export function scaledOutput(output: ProcessOutput, factor: number): ProcessOutput {
  const lines = output.stdout.split('\n');
  const last = lines.findLastIndex((line) => line.trim() !== '');
  const values = (lines[last] ?? '').split(',');
  for (const column of [0, 2]) values[column] = (Number(values[column]) * factor).toFixed(3);
  lines[last] = values.join(',');
  return { ...output, stdout: lines.join('\n') };
}

/** One netperf call as the double saw it. */
export interface ReplayCall {
  client: string;
  server: string;
  path: 'pod' | 'reference';
  scenario: string;
}

export interface ReplayOptions {
  nodes: number;
  reference?: boolean;
  /** The pod path of every pair with this node (either side) answers with its rates × factor. */
  slowNode?: { node: string; factor: number };
  /**
   * Every pair's pod path answers with its rates × (1 ± wobble), a fixed factor per pair: small
   * differences, so that a fleet is not perfectly uniform (as no measured fleet is).
   */
  wobble?: number;
  /** This pair's pod path answers with netperf's real "connection refused" output. */
  failingPair?: NodePair;
  /** Called at the start of every netperf call (after it was recorded), e.g. to deliver a signal. */
  onCall?: (call: ReplayCall, index: number) => void;
  /** netperf calls never answer until cleanup (for --timeout). */
  hang?: boolean;
}

export interface ReplayingFleetTarget extends FleetTarget {
  /** Every netperf call, in the order started. */
  readonly calls: ReplayCall[];
  /** Calls started after cleanup had begun (should stay empty). */
  readonly callsAfterCleanup: ReplayCall[];
  /** Nodes found in two pairs' netperf at the same time. */
  readonly overlaps: string[];
  /** Most pairs running netperf at once. */
  readonly maxConcurrentPairs: () => number;
  readonly cleanups: () => number;
}

export function createReplayingFleetTarget(options: ReplayOptions): ReplayingFleetTarget {
  const nodes = Array.from({ length: options.nodes }, (_, i) => `node-${i + 1}`);
  const calls: ReplayCall[] = [];
  const callsAfterCleanup: ReplayCall[] = [];
  const overlaps: string[] = [];
  const busy = new Map<string, string>();
  const hung: (() => void)[] = [];
  let running = 0;
  let maxRunning = 0;
  let cleanups = 0;

  const answer = (call: ReplayCall, test: 'TCP_STREAM' | 'TCP_RR'): ProcessOutput => {
    const { failingPair, slowNode } = options;
    if (call.path === 'pod' && failingPair?.client === call.client && failingPair.server === call.server)
      return REFUSED;
    if (call.path === 'reference') return CAPTURED[test];
    const slow = slowNode && [call.client, call.server].includes(slowNode.node) ? slowNode.factor : 1;
    const position = nodes.indexOf(call.client) * nodes.length + nodes.indexOf(call.server);
    const wobble = 1 + (options.wobble ?? 0) * Math.sin(1.7 * position + 0.3);
    return slow * wobble === 1 ? CAPTURED[test] : scaledOutput(CAPTURED[test], slow * wobble);
  };

  const pathOf = (pair: NodePair, path: 'pod' | 'reference'): NetperfPair => ({
    endpoint: () => ({ host: path === 'pod' ? '198.18.0.1' : '198.18.0.5', port: 12865 }),
    runNetperf: async (scenario, argvs) => {
      const call: ReplayCall = { ...pair, path, scenario: scenario.name };
      calls.push(call);
      if (cleanups > 0) callsAfterCleanup.push(call);
      const key = `${pair.client}>${pair.server}`;
      for (const node of [pair.client, pair.server]) {
        const other = busy.get(node);
        if (other !== undefined && other !== key) overlaps.push(`${node} in ${other} and ${key}`);
        busy.set(node, key);
      }
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      options.onCall?.(call, calls.length - 1);
      try {
        if (options.hang) await new Promise<void>((resolve) => hung.push(resolve));
        // Yield a few times so that the other pairs of a round really run meanwhile.
        for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
        if (cleanups > 0) throw new Error('netns gone: the target was cleaned up');
        return argvs.map(() => answer(call, scenario.test));
      } finally {
        running -= 1;
        for (const node of [pair.client, pair.server]) busy.delete(node);
      }
    },
  });

  return {
    kind: 'local',
    calls,
    callsAfterCleanup,
    overlaps,
    maxConcurrentPairs: () => maxRunning,
    cleanups: () => cleanups,
    prepare: async () => nodes,
    path: (pair) => pathOf(pair, 'pod'),
    ...(options.reference === false ? {} : { referencePath: (pair: NodePair) => pathOf(pair, 'reference') }),
    fingerprint: async () => ({
      netperfVersion: '2.7.0',
      nodes: nodes.map((name) => ({ name, kernel: '6.18.0', cpuModel: 'test', cpuCount: 2, details: {} })),
      details: { double: 'replaying fixtures/netperf' },
    }),
    cleanup: async () => {
      cleanups += 1;
      for (const release of hung.splice(0)) release();
    },
  };
}
