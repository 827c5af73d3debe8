/**
 * Pod Security admission on namespace labels, as the API server's PodSecurity plugin enforces it:
 * `pod-security.kubernetes.io/enforce` = privileged (or absent: the API server's default) admits
 * everything; baseline forbids host namespaces, privileged containers and host ports; restricted adds
 * no privilege escalation, all capabilities dropped, non-root and a seccomp profile. A refused pod gets
 * the plugin's 403: `pods "x" is forbidden: violates PodSecurity "restricted:latest": host namespaces
 * (hostNetwork=true), …`. The checks the plugin has beyond these (volumes, sysctls, AppArmor, SELinux,
 * /proc mount, Windows) are not simulated.
 */
import { forbidden } from './status.js';
import type { ContainerSpec, NamespaceObject, PodObject } from './types.js';

const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
const VERSION_LABEL = 'pod-security.kubernetes.io/enforce-version';
const LEVELS = ['privileged', 'baseline', 'restricted'] as const;
type Level = (typeof LEVELS)[number];

interface SecurityContext {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  runAsNonRoot?: boolean;
  capabilities?: { add?: string[]; drop?: string[] };
  seccompProfile?: { type?: string };
}

type Container = ContainerSpec & { securityContext?: SecurityContext; ports?: { hostPort?: number }[] };

/** The enforced level; an unknown value is evaluated as restricted, as the plugin does (fail closed). */
function levelOf(namespace: NamespaceObject): Level {
  const value = namespace.metadata.labels?.[ENFORCE_LABEL];
  if (value === undefined) return 'privileged';
  return LEVELS.find((level) => level === value) ?? 'restricted';
}

/** `container "a"` or `containers "a", "b"`. */
function named(containers: readonly Container[]): string {
  const names = containers.map((c) => `"${c.name}"`).join(', ');
  return `${containers.length === 1 ? 'container' : 'containers'} ${names}`;
}

function baselineViolations(pod: PodObject, containers: readonly Container[]): string[] {
  const found: string[] = [];
  const hostNamespaces = (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((field) => pod.spec[field]);
  if (hostNamespaces.length > 0)
    found.push(`host namespaces (${hostNamespaces.map((field) => `${field}=true`).join(', ')})`);
  const privileged = containers.filter((c) => c.securityContext?.privileged === true);
  if (privileged.length > 0)
    found.push(`privileged (${named(privileged)} must not set securityContext.privileged=true)`);
  const hostPorts = containers.flatMap((c) => {
    const ports = (c.ports ?? []).map((port) => port.hostPort ?? 0).filter((port) => port !== 0);
    if (ports.length === 0) return [];
    return [`${named([c])} uses ${ports.length === 1 ? 'hostPort' : 'hostPorts'} ${ports.join(', ')}`];
  });
  if (hostPorts.length > 0) found.push(`hostPort (${hostPorts.join('; ')})`);
  return found;
}

function restrictedViolations(pod: PodObject, containers: readonly Container[]): string[] {
  const found: string[] = [];
  const podContext = (pod.spec.securityContext ?? {}) as SecurityContext;
  const escalating = containers.filter((c) => c.securityContext?.allowPrivilegeEscalation !== false);
  if (escalating.length > 0)
    found.push(
      `allowPrivilegeEscalation != false (${named(escalating)} must set securityContext.allowPrivilegeEscalation=false)`,
    );
  const capable = containers.filter((c) => !(c.securityContext?.capabilities?.drop ?? []).includes('ALL'));
  if (capable.length > 0)
    found.push(
      `unrestricted capabilities (${named(capable)} must set securityContext.capabilities.drop=["ALL"])`,
    );
  const asRoot = containers.filter(
    (c) => (c.securityContext?.runAsNonRoot ?? podContext.runAsNonRoot) !== true,
  );
  if (asRoot.length > 0)
    found.push(`runAsNonRoot != true (pod or ${named(asRoot)} must set securityContext.runAsNonRoot=true)`);
  const seccomp = (c: Container) =>
    c.securityContext?.seccompProfile?.type ?? podContext.seccompProfile?.type;
  const unconfined = containers.filter((c) => !['RuntimeDefault', 'Localhost'].includes(seccomp(c) ?? ''));
  if (unconfined.length > 0)
    found.push(
      `seccompProfile (pod or ${named(unconfined)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")`,
    );
  return found;
}

/** Throws the PodSecurity plugin's 403 when the pod violates its namespace's enforced level. */
export function enforcePodSecurity(pod: PodObject, namespace: NamespaceObject): void {
  const level = levelOf(namespace);
  if (level === 'privileged') return;
  const containers = pod.spec.containers as Container[];
  const violations = [
    ...baselineViolations(pod, containers),
    ...(level === 'restricted' ? restrictedViolations(pod, containers) : []),
  ];
  if (violations.length === 0) return;
  const version = namespace.metadata.labels?.[VERSION_LABEL] ?? 'latest';
  throw forbidden(
    'pods',
    pod.metadata.name,
    `violates PodSecurity "${level}:${version}": ${violations.join(', ')}`,
  );
}

/** The API server's defaulting for host-network pods: each container port's hostPort = its containerPort. */
export function defaultHostPorts(container: ContainerSpec, hostNetwork: boolean): ContainerSpec {
  const ports = container.ports as { containerPort: number; hostPort?: number }[] | undefined;
  if (!hostNetwork || ports === undefined) return container;
  return {
    ...container,
    ports: ports.map((port) => ({ ...port, hostPort: port.hostPort || port.containerPort })),
  };
}
