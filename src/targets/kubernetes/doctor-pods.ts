/**
 * `doctor`'s look inside the run's own pods once they are Ready: the user the containers run as,
 * netperf and netserver on the image's PATH, each pod's QoS class and the CPUs its container may use.
 * A sized pod that is Guaranteed and allowed exactly its own cores got them exclusively (kubelet CPU
 * manager `static`); a larger set means the shared pool (`none`, or a sidecar made the pod Burstable).
 */
import type { Scenario } from '../../suite/model.js';
import { formatError } from '../../util/errors.js';
import { parseCpuList } from '../local/cpu-profiles.js';
import type { DoctorCheck } from '../target.js';
import type { KubeApi } from './kube-api.js';
import type { KubernetesTarget } from './kubernetes-target.js';
import { type PodRole, podName } from './names.js';
import { CLIENT_CONTAINER, RUN_AS_USER, SERVER_CONTAINER } from './pod-spec.js';
import { planProfiles } from './profiles.js';

/** Bound for each exec of the inspection. */
const INSPECT_TIMEOUT_MS = 15_000;

/** What one pod's container said about itself. */
export interface PodFacts {
  role: PodRole;
  qosClass: string;
  uid: number | undefined;
  cpus: number[] | undefined;
  /** Programs found on PATH (`command -v`), by name. */
  programs: Record<string, boolean>;
}

const PROGRAMS = ['netperf', 'netserver'] as const;

/** The shell line run in each container: uid, CPU list, then one line per program (`name=path`, empty when missing). */
export const INSPECT_SCRIPT = [
  'id -u',
  "sed -n 's/^Cpus_allowed_list:[[:space:]]*//p' /proc/self/status",
  ...PROGRAMS.map((program) => `echo ${program}=$(command -v ${program})`),
].join('; ');

/** Reads the script's output into facts (pure). */
export function parseInspection(role: PodRole, qosClass: string, stdout: string): PodFacts {
  const lines = stdout.split('\n').map((line) => line.trim());
  const uid = /^\d+$/.test(lines[0] ?? '') ? Number(lines[0]) : undefined;
  let cpus: number[] | undefined;
  try {
    cpus = lines[1] ? parseCpuList(lines[1]) : undefined;
  } catch {
    cpus = undefined;
  }
  const programs: Record<string, boolean> = {};
  for (const program of PROGRAMS) {
    const line = lines.find((candidate) => candidate.startsWith(`${program}=`));
    programs[program] = line !== undefined && line.length > program.length + 1;
  }
  return { role, qosClass, uid, cpus, programs };
}

/** The user check: non-root, both programs present. */
export function userCheck(facts: readonly PodFacts[]): DoctorCheck {
  const root = facts.filter((fact) => fact.uid === 0);
  const missing = facts.flatMap((fact) =>
    Object.entries(fact.programs)
      .filter(([, found]) => !found)
      .map(([program]) => `${program} in the ${fact.role} pod`),
  );
  if (root.length > 0) {
    return {
      name: 'image',
      status: 'fail',
      detail: `${root.map((fact) => `the ${fact.role} container`).join(' and ')} ${root.length > 1 ? 'run' : 'runs'} as root (uid 0), not as uid ${RUN_AS_USER} as the pods ask`,
      fix: 'something overrides the pod securityContext (a mutating webhook or the runtime): exempt the namespace from it',
    };
  }
  if (missing.length > 0) {
    return {
      name: 'image',
      status: 'fail',
      detail: `not on the image's PATH for uid ${RUN_AS_USER}: ${missing.join(', ')}`,
      fix: 'use an image with netperf and netserver (--image; the default is the one cilium-cli pins)',
    };
  }
  const uids = [...new Set(facts.map((fact) => fact.uid ?? '?'))].join(', ');
  return {
    name: 'image',
    status: 'pass',
    detail: `pulled and started; runs as uid ${uids} (non-root) with netperf and netserver`,
  };
}

/** The CPU check of a sized profile: Guaranteed and exactly its own cores, or why not. */
export function cpuCheck(facts: readonly PodFacts[], cpus: number | null): DoctorCheck {
  const name = 'exclusive cores';
  if (cpus === null) {
    return { name, status: 'skip', detail: 'the suite has no sized (cpus: N) scenario to look at' };
  }
  const problems = facts.flatMap((fact) => {
    const found: string[] = [];
    if (fact.qosClass !== 'Guaranteed')
      found.push(
        `the ${fact.role} pod is ${fact.qosClass || 'of unknown QoS'}, not Guaranteed (an injected sidecar without equal requests and limits?)`,
      );
    if (fact.cpus === undefined) found.push(`the ${fact.role} pod's allowed CPUs could not be read`);
    else if (fact.cpus.length > cpus)
      found.push(
        `the ${fact.role} pod may run on ${fact.cpus.length} CPUs (${fact.cpus.join(',')}) for a ${cpus}-CPU limit`,
      );
    return found;
  });
  if (problems.length > 0) {
    return {
      name,
      status: 'warn',
      detail: `${problems.join('; ')}: the pods share cores with the rest of the node (CPU manager policy none?), so other load moves the figures`,
      fix: 'set the kubelet cpuManagerPolicy: static on the benchmark nodes (with reserved system CPUs) and keep the pods Guaranteed',
    };
  }
  const lists = facts.map((fact) => `${fact.role} CPUs ${fact.cpus?.join(',')}`).join(', ');
  return {
    name,
    status: 'pass',
    detail: `Guaranteed pods on exclusive cores (${lists}): CPU manager static`,
  };
}

async function inspectPod(api: KubeApi, namespace: string, pod: string, role: PodRole): Promise<PodFacts> {
  const read = await api.readPod(namespace, pod);
  const container = role === 'server' ? SERVER_CONTAINER : CLIENT_CONTAINER;
  const output = await api.exec(namespace, pod, container, ['sh', '-c', INSPECT_SCRIPT], INSPECT_TIMEOUT_MS);
  return parseInspection(role, read?.status?.qosClass ?? '', output.stdout);
}

/** Inspects the scenario's server and client pods (prepared and Ready) and says what was found. */
export async function podChecks(
  api: KubeApi,
  target: KubernetesTarget,
  scenario: Scenario,
): Promise<DoctorCheck[]> {
  const [profile] = planProfiles([scenario]);
  const { namespace } = target.createdResources();
  if (profile === undefined) return [];
  try {
    const facts = await Promise.all(
      (['server', 'client'] as const).map((role) =>
        inspectPod(api, namespace, podName(target.runId, role, profile.key, 'pod'), role),
      ),
    );
    return [userCheck(facts), cpuCheck(facts, profile.cpus)];
  } catch (error) {
    return [
      {
        name: 'image',
        status: 'fail',
        detail: `could not look inside the pods: ${formatError(error)}`,
        fix: 'the image needs a POSIX sh (the 32-stream scenario starts its netperf processes with one)',
      },
    ];
  }
}
