/**
 * The action's `mode: fleet` on the Kubernetes target against kube-sim: a 3-node fleet measured with
 * the kubeconfig input leaves nothing in the cluster; a main step killed while measuring leaves a
 * record (the fleet target's createdResources, saved by the ResourceTracker) that the post step
 * deletes the run's namespace by. Needs root (kube-sim's nodes are network namespaces); run
 * `npm run build` first, or set NPG_ACTION_FROM_SOURCE=1 to run the sources.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { V1NamespaceList } from '@kubernetes/client-node';
import { parseCleanupState } from '../../src/action/cleanup-state.js';
import { State } from '../../src/action/constants.js';
import { type KubeSim, startKubeSim } from '../kube-sim/index.js';
import { annotations, runActionStep } from './run-action.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot)
  console.warn('action Kubernetes fleet tests skipped: kube-sim needs root for network namespaces');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 200_000;
const workspace = mkdtempSync(join(tmpdir(), 'npg-action-k8s-fleet-'));
let sim: KubeSim;

beforeAll(async () => {
  if (!asRoot) return;
  sim = await startKubeSim({
    nodes: [{ cpu: '8' }, { cpu: '8' }, { cpu: '8' }],
    imagePullBackoffMs: 500,
    log: () => {},
  });
}, 60_000);
afterAll(async () => {
  await sim?.close();
  rmSync(workspace, { recursive: true, force: true });
});

async function namespaces(): Promise<string[]> {
  const response = await fetch(`${sim.url}/api/v1/namespaces`);
  const list = (await response.json()) as V1NamespaceList;
  return list.items.map((ns) => ns.metadata?.name ?? '').filter((name) => name.startsWith('netperf-gate-'));
}

/** A ring of the simulator's 3 nodes, one 1-second TCP_RR sample per pair. */
function fleetInputs(samples: string): Record<string, string> {
  return {
    mode: 'fleet',
    target: 'kubernetes',
    kubeconfig: sim.kubeconfig,
    plan: 'ring',
    scenarios: 'tcp_rr_1cpu',
    samples,
    duration: '1',
    baseline: 'none.json',
  };
}

describeAsRoot('the action in mode fleet on kube-sim', () => {
  it(
    'measures a ring of 3 nodes with the kubeconfig input: outputs, nothing left in the cluster, the kubeconfig removed',
    async () => {
      const step = await runActionStep({ workspace, inputs: fleetInputs('1') });
      expect(step.stderr).toBe('');
      expect(step.outputs.verdict).toMatch(/^(pass|slow)$/);
      expect(step.outputs.summary).toMatch(/^(PASS|SLOW): 3 nodes, plan ring \(seed 13\), 3 pairs/);
      expect(step.summary).toMatch(/^## netperf-gate fleet/);
      expect(await namespaces()).toEqual([]);
      expect(existsSync(step.state[State.KubeconfigFile] ?? '')).toBe(false);
      const saved = parseCleanupState(step.state[State.KubernetesCleanup] ?? '');
      expect(saved).toMatchObject({ phase: 'finished', resources: { namespaceCreated: false, pods: [] } });

      const post = await runActionStep({ workspace, state: step.state });
      expect(post.code).toBe(0);
      expect(post.stdout).toContain('cleaned up after itself; nothing to delete');
      expect(annotations(post.stdout, 'warning')).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a main step killed while measuring leaves a record the post step deletes the fleet by',
    async () => {
      const step = await runActionStep({
        workspace,
        inputs: fleetInputs('20'),
        killWhen: async () => (await namespaces()).length > 0,
      });
      expect(step.code).toBeNull();
      const saved = parseCleanupState(step.state[State.KubernetesCleanup] ?? '');
      expect(saved.phase).toBe('started');
      expect(await namespaces()).toEqual([saved.resources.namespace]);
      const post = await runActionStep({ workspace, state: step.state });
      expect(post.code).toBe(0);
      expect(annotations(post.stdout, 'warning')).toEqual([]);
      expect(post.stdout).toContain(`post: deleted what run ${saved.resources.runId} left`);
      expect(await namespaces()).toEqual([]);
      expect(existsSync(step.state[State.KubeconfigFile] ?? '')).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );
});
