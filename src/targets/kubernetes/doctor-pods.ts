/**
 * `doctor`'s look inside the run's own pods once they are Ready: the user the containers run as,
 * netperf and netserver on the image's PATH, each pod's QoS class and the CPUs its container may use.
 * A sized pod that is Guaranteed and allowed exactly its own cores got them exclusively (kubelet CPU
 * manager `static`); a larger set means the shared pool (`none`, or a sidecar made the pod Burstable).
 */
import type { Scenario } from '../../suite/model.js';
import { formatError } from '../../util/errors.js';
import type { DoctorCheck } from '../target.js';
import { allowedCpusFromStatus, type PodCpus, pinningWarning } from './cpu-pinning.js';
import type { KubeApi } from './kube-api.js';
import type { KubernetesTarget } from './kubernetes-target.js';
import { type PodRole, podName } from './names.js';
import { CLIENT_CONTAINER, RUN_AS_USER, SERVER_CONTAINER } from './pod-spec.js';
import { type KubeProfile, planProfiles } from './profiles.js';

/** Bound for each exec of the inspection. */
const INSPECT_TIMEOUT_MS = 15_000;

/** What one pod's container said about itself: its CPUs as the run's own check reads them, uid, programs. */
export interface PodFacts extends PodCpus {
  uid: number | undefined;
  /** Programs found on PATH (`command -v`), by name. */
  programs: Record<string, boolean>;
}

const PROGRAMS = ['netperf', 'netserver'] as const;

/** The shell line run in each container: uid, the CPU list line, then `name=path` per program (empty when missing). */
export const INSPECT_SCRIPT = [
  'id -u',
  "grep '^Cpus_allowed_list:' /proc/self/status",
  ...PROGRAMS.map((program) => `echo ${program}=$(command -v ${program})`),
].join('; ');

/** Reads the script's output into facts (pure). */
export function parseInspection(role: PodRole, pod: string, qosClass: string, stdout: string): PodFacts {
  const lines = stdout.split('\n').map((line) => line.trim());
  const uid = /^\d+$/.test(lines[0] ?? '') ? Number(lines[0]) : undefined;
  const programs: Record<string, boolean> = {};
  for (const program of PROGRAMS) {
    const line = lines.find((candidate) => candidate.startsWith(`${program}=`));
    programs[program] = line !== undefined && line.length > program.length + 1;
  }
  return {
    role,
    pod,
    qosClass: qosClass || 'unknown',
    allowedCpus: allowedCpusFromStatus(stdout),
    uid,
    programs,
  };
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

/** The CPU check of a sized profile, by the run's own rule: Guaranteed and no more CPUs than requested. */
export function cpuCheck(facts: readonly PodFacts[], profile: KubeProfile): DoctorCheck {
  const name = 'exclusive cores';
  if (profile.cpus === null) {
    return { name, status: 'skip', detail: 'the suite has no sized (cpus: N) scenario to look at' };
  }
  const warning = pinningWarning(profile, facts);
  if (warning !== undefined) {
    return {
      name,
      status: 'warn',
      detail: warning.replace(/^kubernetes: /, ''),
      fix: 'set the kubelet cpuManagerPolicy: static on the benchmark nodes (with reserved system CPUs) and keep the pods Guaranteed',
    };
  }
  if (facts.some((fact) => fact.allowedCpus === undefined)) {
    return {
      name,
      status: 'warn',
      detail: "the pods' allowed CPUs could not be read from /proc/self/status",
    };
  }
  const counts = facts.map((fact) => `${fact.role} ${fact.allowedCpus}`).join(', ');
  return {
    name,
    status: 'pass',
    detail: `Guaranteed pods allowed ${profile.cpus} CPU${profile.cpus > 1 ? 's' : ''} each (${counts}): exclusive cores, CPU manager static`,
  };
}

async function inspectPod(api: KubeApi, namespace: string, pod: string, role: PodRole): Promise<PodFacts> {
  const read = await api.readPod(namespace, pod);
  const container = role === 'server' ? SERVER_CONTAINER : CLIENT_CONTAINER;
  const output = await api.exec(namespace, pod, container, ['sh', '-c', INSPECT_SCRIPT], INSPECT_TIMEOUT_MS);
  return parseInspection(role, pod, read?.status?.qosClass ?? '', output.stdout);
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
    return [userCheck(facts), cpuCheck(facts, profile)];
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
