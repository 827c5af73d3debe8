/**
 * The local fleet for real: namespaces, bridges, veths, netservers and netperf on this machine. Needs
 * root; every test uses its own run id and removes what it made even when it fails. Figures are only
 * asserted against differences far beyond this machine's noise (a 100 Mbit/s tbf on tens of Gbit/s).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NodePair } from '../../src/fleet/plan.js';
import { buildNetperfArgs } from '../../src/netperf/command.js';
import { type NetperfFigures, parseNetperfOutput } from '../../src/netperf/parse.js';
import type { Scenario } from '../../src/suite/model.js';
import {
  createLocalFleetTarget,
  type LocalFleetOptions,
  type LocalFleetTarget,
} from '../../src/targets/local/fleet-target.js';
import { sweepLeftovers } from '../../src/targets/local/local-target.js';
import type { NetperfPair } from '../../src/targets/target.js';
import { InfraError, UsageError } from '../../src/util/errors.js';
import { waitUntil } from '../helpers/wait-until.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot)
  console.warn('local fleet integration tests skipped: they need root to create network namespaces');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 120_000;
/** Bound for a test's wait until prepare has made some of its namespaces. */
const PREPARE_PROGRESS_TIMEOUT_MS = 20_000;

let testNumber = 0;
let fleet: LocalFleetTarget | undefined;
let logLines: string[] = [];
let tempDir: string | undefined;
const extraNamespaces: string[] = [];

function scenario(name: string, test: Scenario['test'], cpus: number | null): Scenario {
  return {
    name,
    test,
    concurrency: 1,
    cpus,
    sendSizeBytes: null,
    requestSizeBytes: 1,
    responseSizeBytes: 1,
    durationSeconds: 1,
    samples: 1,
  };
}

const rr = scenario('tcp_rr_1cpu', 'TCP_RR', 1);
const stream = scenario('tcp_stream', 'TCP_STREAM', null);

/** A fleet with a run id no one else uses (`f` + pid + counter: at most 11 characters). */
function newFleet(options: Omit<LocalFleetOptions, 'runId'>): LocalFleetTarget {
  testNumber += 1;
  logLines = [];
  fleet = createLocalFleetTarget(
    { ...options, runId: `f${process.pid}${testNumber}` },
    { log: (line) => logLines.push(line) },
  );
  return fleet;
}

function sh(argv: string[]): string {
  return execFileSync(argv[0] ?? '', argv.slice(1), { encoding: 'utf8' });
}

function namespacesOf(target: LocalFleetTarget): string[] {
  const prefix = `npg-${target.names.runId}-`;
  return sh(['ip', 'netns', 'list'])
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => name.startsWith(prefix));
}

function pidsIn(namespace: string): number[] {
  return sh(['ip', 'netns', 'pids', namespace]).split('\n').filter(Boolean).map(Number);
}

/** Running = exists and is not a zombie waiting for its parent. */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Links of the host's namespace named like a fleet's (ports `nK-pod-br`, bridges `br-pod`). */
function fleetLinksInHost(): string[] {
  return sh(['ip', '-o', 'link', 'show'])
    .split('\n')
    .filter((line) => /\bn\d+-(pod|ref)|\bbr-(pod|ref)\b/.test(line));
}

/** Expects nothing of the fleet left: no namespace, no netserver, no link in the host's namespace. */
function expectNothingLeft(target: LocalFleetTarget, processes: readonly number[] = []): void {
  expect(namespacesOf(target)).toEqual([]);
  expect(processes.filter(isRunning)).toEqual([]);
  expect(fleetLinksInHost()).toEqual([]);
}

/** One netperf run on a path, as run/measure.ts builds and parses it. */
async function measure(pair: NetperfPair, test: Scenario): Promise<NetperfFigures> {
  const [output] = await pair.runNetperf(test, [buildNetperfArgs(test, pair.endpoint(test))]);
  if (output === undefined) throw new Error('no netperf output');
  return parseNetperfOutput(output);
}

function rateOf(figures: NetperfFigures): number {
  return figures.throughputGbps ?? figures.transactionsPerSec ?? Number.NaN;
}

function orderedPairs(nodes: readonly string[]): NodePair[] {
  return nodes.flatMap((client) =>
    nodes.filter((server) => server !== client).map((server) => ({ client, server })),
  );
}

afterEach(async () => {
  await fleet?.cleanup();
  for (const leftover of [...(fleet ? namespacesOf(fleet) : []), ...extraNamespaces.splice(0)]) {
    try {
      execFileSync('ip', ['netns', 'del', leftover], { stdio: 'ignore' });
    } catch {
      // removed already
    }
  }
  fleet = undefined;
  if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
});

describeAsRoot('the local fleet on this machine', () => {
  it(
    'measures TCP_RR and TCP_STREAM on every ordered pair of 3 nodes, pod and reference paths alike, and leaves nothing behind',
    async () => {
      const target = newFleet({ nodes: 3 });
      const nodes = await target.prepare([rr, stream]);
      expect(nodes).toEqual(['node-1', 'node-2', 'node-3']);
      expect(fleetLinksInHost()).toEqual([]);
      const switchSysctl = '/proc/sys/net/bridge/bridge-nf-call-iptables';
      if (existsSync(switchSysctl)) {
        const inSwitch = sh(['ip', 'netns', 'exec', target.names.switchNamespace, 'cat', switchSysctl]);
        expect(inSwitch.trim()).toBe('0');
      }
      const netservers = target.names.nodes.flatMap((node) => pidsIn(node.namespace));
      expect(netservers).toHaveLength(3 * 2);
      for (const node of target.names.nodes) {
        expect(sh(['ip', '-n', node.namespace, 'route', 'show', 'default'])).toBe(''); // nothing leaves
      }
      const forwarding = [
        'ip',
        'netns',
        'exec',
        target.names.switchNamespace,
        'cat',
        '/proc/sys/net/ipv4/ip_forward',
      ];
      expect(sh(forwarding).trim()).toBe('0');

      for (const pair of orderedPairs(nodes)) {
        const serverIndex = nodes.indexOf(pair.server) + 1;
        const pod = target.path(pair);
        const reference = target.referencePath?.(pair);
        expect(pod.endpoint(rr)).toEqual({ host: `198.18.64.${serverIndex}`, port: 12865 });
        expect(reference?.endpoint(stream)).toEqual({ host: `198.18.65.${serverIndex}`, port: 12866 });
        for (const path of [pod, reference]) {
          if (path === undefined) throw new Error('the reference is on by default');
          for (const test of [rr, stream]) expect(rateOf(await measure(path, test))).toBeGreaterThan(0);
        }
      }

      await target.cleanup();
      await target.cleanup();
      expectNothingLeft(target, netservers);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'runs two disjoint pairs at once, gives setup commands their node in env vars, names every node in the fingerprint, and cleans up synchronously',
    async () => {
      tempDir = mkdtempSync(path.join(os.tmpdir(), 'npg-fleet-'));
      const envFile = path.join(tempDir, 'env');
      const setup = `env | grep '^NETPERF_GATE_' | sort > '${envFile}'`;
      const target = newFleet({ nodes: 4, nodeSetup: { 'node-3': setup }, reference: false });
      const nodes = await target.prepare([rr]);
      expect(target.referencePath).toBeUndefined();
      expect(readFileSync(envFile, 'utf8').trim().split('\n')).toEqual([
        'NETPERF_GATE_NODE=node-3',
        'NETPERF_GATE_NODE_ADDR=198.18.64.3',
        'NETPERF_GATE_NODE_IFACE=n3-pod',
        'NETPERF_GATE_REF_ADDR=198.18.65.3',
        'NETPERF_GATE_REF_IFACE=n3-ref',
      ]);

      const [first, second] = await Promise.all([
        measure(target.path({ client: 'node-1', server: 'node-2' }), rr),
        measure(target.path({ client: 'node-3', server: 'node-4' }), rr),
      ]);
      expect(first?.transactionsPerSec).toBeGreaterThan(0);
      expect(second?.transactionsPerSec).toBeGreaterThan(0);

      const fingerprint = await target.fingerprint();
      expect(fingerprint.netperfVersion).toMatch(/^\d+\.\d+\.\d+$/);
      expect(fingerprint.nodes.map((node) => node.name)).toEqual(nodes);
      expect(fingerprint.nodes[2]?.details.setup).toBe(setup);
      expect(fingerprint.nodes[0]?.details.setup).toBeUndefined();
      expect(fingerprint.nodes[3]?.details['pod address']).toBe('198.18.64.4 (n4-pod)');
      expect(fingerprint.details.reference).toBe('off');
      expect(JSON.stringify(fingerprint)).not.toContain(target.names.runId);

      const netservers = target.names.nodes.flatMap((node) => pidsIn(node.namespace));
      target.cleanupSync();
      await waitUntil(
        () => netservers.every((pid) => !isRunning(pid)),
        PREPARE_PROGRESS_TIMEOUT_MS,
        'SIGKILL',
      );
      expectNothingLeft(target, netservers);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'stops at a failing node setup with a UsageError naming the node and quoting its stderr, and leaves nothing behind',
    async () => {
      const target = newFleet({ nodes: 3, nodeSetup: { 'node-2': 'echo "no such qdisc" >&2; exit 2' } });
      const error = await target.prepare([rr]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(
        /^--local-node-setup node-2='.*' failed \(exit code 2\) in npg-f\d+-n2: no such qdisc; fix the command/,
      );
      expectNothingLeft(target);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'leaves nothing behind when cleaned up while it creates its nodes',
    async () => {
      const target = newFleet({ nodes: 8 });
      const preparing = target.prepare([rr]).catch((e: unknown) => e);
      await waitUntil(() => namespacesOf(target).length >= 2, PREPARE_PROGRESS_TIMEOUT_MS, 'two namespaces');
      await target.cleanup();
      const outcome = await preparing;
      expect(outcome).toBeInstanceOf(InfraError);
      expect((outcome as Error).message).toBe('the local fleet was cleaned up while it was being prepared');
      expectNothingLeft(target);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'leaves nothing behind when cleaned up while a node setup runs, killing the setup',
    async () => {
      const target = newFleet({ nodes: 3, nodeSetup: { 'node-1': 'sleep 60' } });
      const preparing = target.prepare([rr]).catch((e: unknown) => e);
      const node1 = target.names.nodes[0]?.namespace ?? '';
      let setupPids: number[] = [];
      await waitUntil(
        () => {
          setupPids = namespacesOf(target).includes(node1) ? pidsIn(node1) : [];
          return setupPids.length > 0;
        },
        PREPARE_PROGRESS_TIMEOUT_MS,
        'the setup command',
      );
      await target.cleanup();
      expect(await preparing).toBeInstanceOf(InfraError);
      expectNothingLeft(target, setupPids);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "sweeps a killed fleet's namespaces, and the processes in them, as `cleanup --target local` does",
    async () => {
      const pidMax = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8'));
      const deadRun = pidMax + process.pid; // a pid that cannot be alive
      const leftovers = [`npg-${deadRun}-sw`, `npg-${deadRun}-n1`, `npg-${deadRun}-n12`];
      for (const name of leftovers) sh(['ip', 'netns', 'add', name]);
      extraNamespaces.push(...leftovers);
      const orphan = spawn('ip', ['netns', 'exec', leftovers[1] ?? '', 'sleep', '60'], { stdio: 'ignore' });
      const orphanEnded = new Promise((resolve) => orphan.once('exit', resolve));
      await waitUntil(() => pidsIn(leftovers[1] ?? '').length > 0, PREPARE_PROGRESS_TIMEOUT_MS, 'the orphan');

      await sweepLeftovers({ log: () => undefined });

      const listed = sh(['ip', 'netns', 'list']);
      for (const name of leftovers) expect(listed).not.toContain(name);
      await expect(orphanEnded).resolves.toBeNull(); // killed by a signal
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "slows only node-2's pod path with a 100 Mbit/s tbf from its setup",
    async () => {
      const tbf = 'tc qdisc add dev "$NETPERF_GATE_NODE_IFACE" root tbf rate 100mbit burst 64kb latency 20ms';
      const target = newFleet({ nodes: 3, nodeSetup: { 'node-2': tbf } });
      await target.prepare([stream]);
      const slowPair = { client: 'node-2', server: 'node-1' };
      const slowPod = await measure(target.path(slowPair), stream);
      const fastPod = await measure(target.path({ client: 'node-1', server: 'node-3' }), stream);
      const reference = target.referencePath?.(slowPair);
      if (reference === undefined) throw new Error('the reference is on by default');
      const slowReference = await measure(reference, stream);
      const gbps = (figures: NetperfFigures) => figures.throughputGbps ?? Number.NaN;
      expect(gbps(slowPod)).toBeLessThan(gbps(fastPod) / 3);
      expect(gbps(slowReference)).toBeGreaterThan(gbps(slowPod) * 3);
      const qdiscs = (node: number, device: string) =>
        sh(['tc', '-n', target.names.nodes[node - 1]?.namespace ?? '', 'qdisc', 'show', 'dev', device]);
      expect(qdiscs(2, 'n2-pod')).toContain('tbf');
      expect(qdiscs(2, 'n2-ref')).not.toContain('tbf');
      process.stdout.write(
        `local fleet TCP_STREAM Gbit/s: node-2→node-1 pod ${gbps(slowPod).toFixed(3)}, reference ${gbps(slowReference).toFixed(2)}; node-1→node-3 pod ${gbps(fastPod).toFixed(2)}\n`,
      );
    },
    TEST_TIMEOUT_MS,
  );
});
