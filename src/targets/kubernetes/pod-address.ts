/**
 * Which pod IP netperf connects to: pure, over pod objects. `status.podIPs` lists one address per
 * family, the cluster's primary family first (`podIP` is its first entry); host-network pods list
 * the node's addresses. `--ip-family` picks one; without it the cluster's first family is used.
 */
import type { V1Pod } from '@kubernetes/client-node';
import type { IpFamily } from '../../config/run-config.js';
import { UsageError } from '../../util/errors.js';

/** The family of an address: IPv6 literals are the ones with colons. */
export function familyOf(address: string): IpFamily {
  return address.includes(':') ? 'ipv6' : 'ipv4';
}

/** Every IP of a pod, in the API's order (podIPs, or podIP alone on old API servers). */
export function podAddresses(pod: V1Pod): string[] {
  const listed = (pod.status?.podIPs ?? []).map((entry) => entry.ip).filter((ip) => ip !== '');
  if (listed.length > 0) return listed;
  return pod.status?.podIP ? [pod.status.podIP] : [];
}

/**
 * The pod's address of `family`, or its first (the cluster's primary family) without one; undefined
 * when the pod has no IP yet. Throws a UsageError when the cluster gives pods no address of `family`.
 */
export function pickPodAddress(pod: V1Pod, family: IpFamily | undefined): string | undefined {
  const addresses = podAddresses(pod);
  if (addresses.length === 0) return undefined;
  if (family === undefined) return addresses[0];
  const address = addresses.find((candidate) => familyOf(candidate) === family);
  if (address !== undefined) return address;
  const other = family === 'ipv4' ? 'ipv6' : 'ipv4';
  throw new UsageError(
    `--ip-family ${family}: pod ${pod.metadata?.name} has no ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address (podIPs: ${addresses.join(', ')}); the cluster is ${other}-only, so use --ip-family ${other} or leave it out`,
  );
}
