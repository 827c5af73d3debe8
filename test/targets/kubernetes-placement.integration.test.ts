/**
 * Node choice against kube-sim as a real cluster looks: nodes whose DaemonSet-like pods already request
 * CPU, a tainted control-plane node with room, and workers in two zones. Only prepare and cleanup run
 * (no measurement). Needs root (the simulator creates network namespaces).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_IMAGE, type KubernetesSettings } from '../../src/config/run-config.js';
import { defaultSuite } from '../../src/suite/default-suite.js';
import type { Scenario } from '../../src/suite/model.js';
import { createKubernetesTarget } from '../../src/targets/kubernetes/kubernetes-target.js';
import { UsageError } from '../../src/util/errors.js';
import { type KubeSim, startKubeSim } from '../kube-sim/index.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('kubernetes placement integration tests skipped: kube-sim needs root');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 120_000;
const CONTROL_PLANE_TOLERATION = 'node-role.kubernetes.io/control-plane:NoSchedule';

function scenario(name: string): Scenario {
  const found = defaultSuite().scenarios.find((each) => each.name === name);
  if (found === undefined) throw new Error(`no scenario ${name}`);
  return found;
}

describeAsRoot('node choice on a cluster with system pods, a control plane and zones', () => {
  let sim: KubeSim;
  let folder: string;
  let kubeconfigPath: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'npg-place-'));
    kubeconfigPath = join(folder, 'kubeconfig');
    sim = await startKubeSim({
      // sim-control-plane sorts first and has room; sim-node-1 has 32 CPUs of which a DaemonSet-like pod
      // requests 1; sim-node-2 and -3 have all 32 free, in different zones.
      controlPlane: { cpu: '64' },
      nodes: [
        { cpu: '32', requestedCpu: '1', zone: 'zone-a' },
        { cpu: '32', zone: 'zone-a' },
        { cpu: '32', zone: 'zone-b' },
      ],
      kubeconfigPath,
      log: () => {},
    });
  }, 60_000);

  afterAll(async () => {
    await sim?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  function target(settings: Partial<KubernetesSettings>, log: string[]) {
    return createKubernetesTarget(
      {
        kubeconfigPath,
        tolerations: [CONTROL_PLANE_TOLERATION],
        image: DEFAULT_IMAGE,
        hostNetworkReference: false,
        ...settings,
      },
      { log: (line) => log.push(line) },
    );
  }

  async function namespacesOfRuns(): Promise<string[]> {
    const list = (await (await fetch(`${sim.url}/api/v1/namespaces`)).json()) as {
      items: { metadata: { name: string } }[];
    };
    return list.items.map((ns) => ns.metadata.name).filter((name) => name.startsWith('netperf-gate-'));
  }

  it(
    'passes over the control plane and the node without 32 CPUs free, says why, warns of the zones and records them',
    async () => {
      const log: string[] = [];
      const run = target({}, log);
      try {
        await run.prepare([scenario('tcp_stream_32')]);
        const fingerprint = await run.fingerprint();
        expect([fingerprint.client.name, fingerprint.server.name]).toEqual(['sim-node-2', 'sim-node-3']);
        expect([fingerprint.client.details.zone, fingerprint.server.details.zone]).toEqual([
          'zone-a',
          'zone-b',
        ]);
      } finally {
        await run.cleanup();
      }
      expect(log).toEqual(
        expect.arrayContaining([
          'kubernetes: client node sim-node-2, server node sim-node-3 (first by name among Ready, schedulable worker nodes with tolerated taints and ≥ 32 free CPUs)',
          'kubernetes: not chosen: sim-control-plane (control-plane node: add --allow-control-plane to use it)',
          'kubernetes: not chosen: sim-node-1 (31 free of 32 allocatable < 32 needed)',
          expect.stringMatching(
            /^kubernetes: warning: client and server nodes are in different zones, sim-node-2 \(zone-a\) and sim-node-3 \(zone-b\)/,
          ),
        ]),
      );
      expect(await namespacesOfRuns()).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'says before creating anything that no worker has the CPU free, naming each one’s',
    async () => {
      const log: string[] = [];
      const creates = () => sim.audit.filter((entry) => entry.verb === 'create').length;
      const before = creates();
      // The host-network reference adds 0.1 CPU: 32.1 is free on no worker.
      const run = target({ hostNetworkReference: true }, log);
      const failure = run.prepare([scenario('tcp_stream_32')]);
      await expect(failure).rejects.toThrow(UsageError);
      await expect(failure).rejects.toThrow(
        'CPUs: sim-node-1 31 free of 32 allocatable, sim-node-2 32 free of 32 allocatable, sim-node-3 32 free of 32 allocatable.',
      );
      await run.cleanup();
      expect(creates()).toBe(before);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'takes the control-plane node with --allow-control-plane (its taint tolerated)',
    async () => {
      const log: string[] = [];
      const run = target({ allowControlPlane: true }, log);
      try {
        await run.prepare([scenario('tcp_stream_32')]);
        const fingerprint = await run.fingerprint();
        expect([fingerprint.client.name, fingerprint.server.name]).toEqual([
          'sim-control-plane',
          'sim-node-2',
        ]);
      } finally {
        await run.cleanup();
      }
      expect(await namespacesOfRuns()).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
