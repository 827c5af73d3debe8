/**
 * `netperf-gate doctor --target kubernetes`: the checks a cluster must pass before the first run. Before
 * anything is created: the API answers, every call the run makes is allowed (SelfSubjectAccessReview),
 * two nodes can take each CPU profile's pods, and a given namespace's Pod Security level. Then the run's
 * own target creates its pods (the image pulls and starts), and inside them: the user the containers
 * run as, netperf and netserver, the QoS class and the CPUs a sized pod may use (exclusive cores or
 * the shared pool). The netperf between the pods is the caller's (it is the same for every target).
 */
import type { V1Node } from '@kubernetes/client-node';
import type { KubernetesSettings } from '../../config/run-config.js';
import type { Scenario } from '../../suite/model.js';
import { formatError } from '../../util/errors.js';
import type { DoctorCheck } from '../target.js';
import { createKubeApi } from './client.js';
import { explainApiError, loadKubeConfig } from './connection.js';
import { accessChecks, requiredAccess, reviewAccess } from './doctor-access.js';
import { podChecks } from './doctor-pods.js';
import type { KubeApi } from './kube-api.js';
import { createKubernetesTarget, type KubernetesTarget, newRunId } from './kubernetes-target.js';
import { nodeChoiceInput } from './lifecycle.js';
import { namespaceFor } from './names.js';
import { chooseNodes } from './node-choice.js';
import { readRequestedCpu } from './node-load.js';
import { zoneWarning } from './node-roles.js';
import { type KubeProfile, planProfiles } from './profiles.js';
import { POD_SECURITY_ENFORCE_LABEL, podSecurityForbids } from './reference.js';
import { normaliseSettings } from './settings.js';

/** What the pre-checks found: their lines, and whether creating pods is worth trying. */
export interface Precheck {
  checks: DoctorCheck[];
  go: boolean;
}

/** The doctor of one cluster: pre-checks, the run's own target, and the checks inside its pods. */
export interface KubernetesDoctor {
  /**
   * Everything before pods are created. `go` is false when creating the pods of a profile of `setupCpus`
   * (the doctor scenario's size) cannot work; another size's nodes failing does not stop that.
   */
  precheck(setupCpus: number | null): Promise<Precheck>;
  readonly target: KubernetesTarget;
  /** After `target.prepare([scenario])`: user, programs, QoS class and CPUs in the pods. */
  inspect(scenario: Scenario): Promise<DoctorCheck[]>;
}

function profileLabel(profile: KubeProfile): string {
  return profile.cpus === null ? 'unlimited pods' : `${profile.cpus}-CPU pods`;
}

/**
 * The nodes of one CPU profile: the two its pods would go to (free CPU = allocatable − what other pods
 * request), or why none can take them; a warning when the chosen nodes are in different zones.
 */
function nodeChecks(
  nodes: readonly V1Node[],
  requestedMillis: Map<string, number> | undefined,
  settings: KubernetesSettings,
  profile: KubeProfile,
  reference: boolean,
): DoctorCheck[] {
  const name = `nodes (${profileLabel(profile)})`;
  try {
    const choice = chooseNodes(nodeChoiceInput(settings, nodes, requestedMillis, [profile], reference));
    const zones = zoneWarning(choice.client, choice.server);
    return [
      { name, status: 'pass', detail: choice.why },
      ...(zones === undefined
        ? []
        : [{ name, status: 'warn' as const, detail: zones.replace(/^warning: /, '') }]),
    ];
  } catch (error) {
    return [
      {
        name,
        status: 'fail',
        detail: formatError(error),
        fix: `${profile.scenarioNames.join(', ')} cannot run: free CPU on two nodes, or leave them out with --scenarios`,
      },
    ];
  }
}

/**
 * A given namespace: it exists, and whether its Pod Security level admits the host-network reference
 * (when it does not, runs go without it: a warning, and the nodes need no CPU for it).
 */
async function namespaceCheck(
  api: KubeApi,
  namespace: string,
  reference: boolean,
): Promise<DoctorCheck & { referenceOff?: true }> {
  const name = 'namespace';
  let found: Awaited<ReturnType<KubeApi['readNamespace']>>;
  try {
    found = await api.readNamespace(namespace);
  } catch (error) {
    return { name, status: 'warn', detail: `cannot read namespace ${namespace}: ${formatError(error)}` };
  }
  if (found === undefined) {
    return {
      name,
      status: 'fail',
      detail: `namespace ${namespace} does not exist`,
      fix: 'create it (deploy/rbac/existing-namespace.yaml does) or drop --namespace',
    };
  }
  const level = found.metadata?.labels?.[POD_SECURITY_ENFORCE_LABEL] ?? 'none (privileged)';
  const forbids = reference ? podSecurityForbids(found) : undefined;
  if (forbids === undefined) {
    return { name, status: 'pass', detail: `${namespace} exists; Pod Security enforce: ${level}` };
  }
  return {
    name,
    status: 'warn',
    referenceOff: true,
    detail: `${forbids}: runs go without the node-to-node reference and gate on raw metrics (low confidence)`,
    fix: `label the namespace ${POD_SECURITY_ENFORCE_LABEL}=privileged, or pass --no-reference`,
  };
}

/**
 * The doctor for these settings and scenarios: the kubeconfig is read once (a bad one is a usage
 * error); nothing is sent to the cluster before `precheck`.
 */
export function createKubernetesDoctor(
  given: KubernetesSettings,
  scenarios: readonly Scenario[],
  log: (line: string) => void,
): KubernetesDoctor {
  const settings = normaliseSettings(given);
  const runId = newRunId();
  const kubeConfig = loadKubeConfig(settings);
  const kube = createKubeApi(kubeConfig);
  // The target works through the same API object, so its pods are the ones inspected.
  const target = createKubernetesTarget(settings, { log, runId, api: kube });
  const namespace = settings.namespace ?? namespaceFor(runId);
  return {
    target,
    async precheck(setupCpus) {
      let version: string;
      try {
        version = await kube.serverVersion();
      } catch (error) {
        const detail = formatError(explainApiError('asking for its version', error, kube.server));
        return { checks: [{ name: 'API server', status: 'fail', detail }], go: false };
      }
      const checks: DoctorCheck[] = [
        { name: 'API server', status: 'pass', detail: `${kube.server} answers (${version})` },
      ];
      const perRun = settings.namespace === undefined;
      const answers = await reviewAccess(kubeConfig, requiredAccess(namespace, perRun));
      checks.push(...accessChecks(answers, perRun));
      let reference = settings.hostNetworkReference;
      if (!perRun) {
        const { referenceOff, ...check } = await namespaceCheck(kube, namespace, reference);
        if (referenceOff) reference = false;
        checks.push(check);
      }
      let blocked = checks.some((check) => check.status === 'fail');
      try {
        const nodes = await kube.listNodes();
        const requested = await readRequestedCpu(kube, () => {}); // a 403 shows as an optional permission
        for (const profile of planProfiles(scenarios)) {
          const found = nodeChecks(nodes, requested, settings, profile, reference);
          if (profile.cpus === setupCpus && found.some((check) => check.status === 'fail')) blocked = true;
          checks.push(...found);
        }
      } catch (error) {
        const detail = formatError(explainApiError('listing nodes', error, kube.server));
        checks.push({ name: 'nodes', status: 'fail', detail });
        blocked = true;
      }
      return { checks, go: !blocked };
    },
    inspect: (scenario) => podChecks(kube, target, scenario),
  };
}
