/**
 * What the API server does to a pod on create before it is stored: validation (422 Invalid with field
 * causes, 400 for undecodable quantities) and defaulting (restart policy, grace period, default
 * tolerations, requests from limits, host ports of host-network pods, QoS class). Pod Security is
 * enforced after, against the namespace (pod-security.ts).
 */
import { incomingMeta, nameProblem, newUid, timestamp } from './meta.js';
import { defaultHostPorts } from './pod-security.js';
import { qosClassOf } from './pod-status.js';
import { parseQuantity } from './quantity.js';
import { badRequest, invalid, type StatusCause } from './status.js';
import type { ContainerSpec, PodObject, PodSpec, Toleration } from './types.js';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
/** The tolerations the DefaultTolerationSeconds admission plugin adds to every pod. */
const DEFAULT_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

function checkQuantities(container: ContainerSpec): void {
  for (const group of [container.resources?.limits, container.resources?.requests]) {
    for (const value of Object.values(group ?? {})) {
      if (parseQuantity(value) === undefined) {
        throw badRequest(
          `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
        );
      }
    }
  }
}

function containerProblems(container: ContainerSpec, index: number, seen: Set<string>): StatusCause[] {
  const at = `spec.containers[${index}]`;
  const causes: StatusCause[] = [];
  if (!container.name)
    causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${at}.name` });
  else {
    const bad = nameProblem(container.name, 'label', `${at}.name`);
    if (bad) causes.push(bad);
    if (seen.has(container.name)) {
      causes.push({
        reason: 'FieldValueDuplicate',
        message: `Duplicate value: "${container.name}"`,
        field: `${at}.name`,
      });
    }
    seen.add(container.name);
  }
  if (!container.image)
    causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${at}.image` });
  checkQuantities(container);
  for (const [resource, request] of Object.entries(container.resources?.requests ?? {})) {
    const limit = container.resources?.limits?.[resource];
    if (limit !== undefined && (parseQuantity(request) ?? 0) > (parseQuantity(limit) ?? 0)) {
      causes.push({
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${request}": must be less than or equal to ${resource} limit of ${limit}`,
        field: `${at}.resources.requests`,
      });
    }
  }
  return causes;
}

function specProblems(spec: PodSpec): StatusCause[] {
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) {
    return [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers' }];
  }
  const seen = new Set<string>();
  const causes = spec.containers.flatMap((c, i) => containerProblems(c, i, seen));
  // A simulator limit, said plainly rather than half-simulated: one container per pod, no init containers.
  if (spec.containers.length > 1) {
    causes.push({
      reason: 'FieldValueTooMany',
      message: `Too many: ${spec.containers.length}: must have at most 1 items (kube-sim runs one container per pod)`,
      field: 'spec.containers',
    });
  }
  if (Array.isArray(spec.initContainers) && spec.initContainers.length > 0) {
    causes.push({
      reason: 'FieldValueForbidden',
      message: 'Forbidden: kube-sim does not run init containers',
      field: 'spec.initContainers',
    });
  }
  if (spec.restartPolicy !== undefined && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: "${spec.restartPolicy}": supported values: "Always", "Never", "OnFailure"`,
      field: 'spec.restartPolicy',
    });
  }
  return causes;
}

function defaultContainer(container: ContainerSpec): ContainerSpec {
  const limits = container.resources?.limits;
  const requests = { ...limits, ...container.resources?.requests };
  const tag = container.image.includes('@')
    ? 'digest'
    : (/:([^/:]+)$/.exec(container.image)?.[1] ?? 'latest');
  return {
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: tag === 'latest' ? 'Always' : 'IfNotPresent',
    ...container,
    resources: { ...(limits ? { limits } : {}), ...(Object.keys(requests).length ? { requests } : {}) },
  };
}

function defaultSpec(spec: PodSpec): PodSpec {
  const tolerations = [...(spec.tolerations ?? [])];
  for (const t of DEFAULT_TOLERATIONS) {
    if (!tolerations.some((x) => x.key === t.key && x.effect === t.effect)) tolerations.push(t);
  }
  return {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    serviceAccountName: 'default',
    serviceAccount: 'default',
    securityContext: {},
    schedulerName: 'default-scheduler',
    enableServiceLinks: true,
    priority: 0,
    preemptionPolicy: 'PreemptLowerPriority',
    ...spec,
    tolerations,
    containers: spec.containers.map((c) => defaultHostPorts(defaultContainer(c), spec.hostNetwork === true)),
  };
}

/** Validates and defaults a pod from a create request in `namespace`; throws the Status the API server would. */
export function admitPod(body: Record<string, unknown>, namespace: string): PodObject {
  if (body.kind !== undefined && body.kind !== 'Pod')
    throw badRequest(`kind ${String(body.kind)} is not a Pod`);
  const { meta, name } = incomingMeta(body);
  if (meta.namespace !== undefined && meta.namespace !== namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  const spec = (body.spec && typeof body.spec === 'object' ? body.spec : {}) as PodSpec;
  const causes: StatusCause[] = [];
  if (!name) {
    causes.push({
      reason: 'FieldValueRequired',
      message: 'Required value: name or generateName is required',
      field: 'metadata.name',
    });
  } else {
    const bad = nameProblem(name, 'subdomain');
    if (bad) causes.push(bad);
  }
  causes.push(...specProblems(spec));
  if (causes.length > 0) throw invalid('Pod', name, causes);
  const defaulted = defaultSpec(spec);
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {
      ...meta,
      name,
      namespace,
      uid: newUid(),
      resourceVersion: '',
      creationTimestamp: timestamp(),
    },
    spec: defaulted,
    status: { phase: 'Pending', qosClass: qosClassOf(defaulted) },
  };
}
