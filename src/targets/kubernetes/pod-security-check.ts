/**
 * Whether our own pods meet a namespace's Pod Security level, checked before anything is created: pure,
 * over the pod objects we would send. The checks are the PodSecurity plugin's for what our pods can
 * carry (host namespaces, privileged, host ports; and for restricted: privilege escalation, capabilities,
 * non-root, seccomp); volumes, sysctls, AppArmor and SELinux options are never set by us.
 */
import type { V1Container, V1Pod } from '@kubernetes/client-node';

/** Pod Security levels that restrict pods (`privileged` does not). */
export type RestrictingLevel = 'baseline' | 'restricted';

/** The level a namespace's enforce label asks for, or undefined when it restricts nothing. */
export function restrictingLevel(label: string | undefined): RestrictingLevel | undefined {
  const level = label?.trim();
  if (level === undefined || level === '' || level === 'privileged') return undefined;
  return level === 'baseline' ? 'baseline' : 'restricted'; // the plugin reads an unknown level as restricted
}

function baselineGaps(pod: V1Pod, containers: readonly V1Container[]): string[] {
  const gaps: string[] = [];
  const spec = pod.spec;
  const host = (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((field) => spec?.[field] === true);
  if (host.length > 0) gaps.push(`host namespaces (${host.map((field) => `${field}=true`).join(', ')})`);
  if (containers.some((c) => c.securityContext?.privileged === true)) gaps.push('privileged');
  // The API server defaults a host-network pod's hostPort to its containerPort before admission.
  const hostPort = (port: { hostPort?: number; containerPort: number }) =>
    port.hostPort ?? (spec?.hostNetwork === true ? port.containerPort : 0);
  if (containers.some((c) => (c.ports ?? []).some((port) => hostPort(port) !== 0))) gaps.push('hostPort');
  return gaps;
}

function restrictedGaps(pod: V1Pod, containers: readonly V1Container[]): string[] {
  const gaps: string[] = [];
  const podContext = pod.spec?.securityContext;
  if (containers.some((c) => c.securityContext?.allowPrivilegeEscalation !== false))
    gaps.push('allowPrivilegeEscalation != false');
  if (containers.some((c) => !(c.securityContext?.capabilities?.drop ?? []).includes('ALL')))
    gaps.push('unrestricted capabilities');
  if (containers.some((c) => (c.securityContext?.runAsNonRoot ?? podContext?.runAsNonRoot) !== true))
    gaps.push('runAsNonRoot != true');
  if (containers.some((c) => (c.securityContext?.runAsUser ?? podContext?.runAsUser) === 0))
    gaps.push('runAsUser=0');
  const seccomp = (c: V1Container) =>
    c.securityContext?.seccompProfile?.type ?? podContext?.seccompProfile?.type;
  if (containers.some((c) => !['RuntimeDefault', 'Localhost'].includes(seccomp(c) ?? '')))
    gaps.push('seccompProfile');
  return gaps;
}

/** What of `level` the pod would violate, in the plugin's words (empty when it is admitted). */
export function podSecurityGaps(pod: V1Pod, level: RestrictingLevel): string[] {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const gaps = baselineGaps(pod, containers);
  return level === 'restricted' ? [...gaps, ...restrictedGaps(pod, containers)] : gaps;
}
