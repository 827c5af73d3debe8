/**
 * What a local fleet reports about itself: pure. Every node is a namespace of this machine, so all share
 * the host's kernel and CPU; what tells them apart is their addresses and setup command. Nothing holds
 * the run id (a pid): the fingerprint is compared with the baseline's, run after run.
 */
import type { FleetFingerprint, NodeFingerprint } from '../target.js';
import type { CpuProfile } from './cpu-profiles.js';
import { coresDetail, type HostFacts } from './fingerprint.js';
import {
  FLEET_PREFIX_LENGTH,
  type FleetNames,
  type FleetNode,
  POD_SUBNET_PREFIX,
  REFERENCE_SUBNET_PREFIX,
} from './fleet-names.js';

function nodeFingerprint(
  node: FleetNode,
  host: HostFacts,
  profiles: readonly CpuProfile[],
  setup: string | undefined,
): NodeFingerprint {
  const details: Record<string, string> = {
    'pod address': `${node.podAddress} (${node.podInterface})`,
    'reference address': `${node.referenceAddress} (${node.referenceInterface})`,
  };
  for (const profile of profiles) {
    const label = `cpus=${profile.cpus ?? 'unlimited'}`;
    details[`client cores for ${label}`] = coresDetail(profile.cpus, profile.clientCores);
    details[`server cores for ${label}`] = coresDetail(profile.cpus, profile.serverCores);
  }
  if (setup !== undefined) details.setup = setup;
  return {
    name: node.name,
    kernel: host.kernel,
    cpuModel: host.cpuModel,
    cpuCount: host.availableCores.length,
    details,
  };
}

/** The fleet's fingerprint: one node per namespace, in node order; fleet-wide settings in details. */
export function buildFleetFingerprint(input: {
  names: FleetNames;
  host: HostFacts;
  netperfVersion: string;
  profiles: readonly CpuProfile[];
  nodeSetup: Readonly<Record<string, string>>;
  reference: boolean;
}): FleetFingerprint {
  const { names, host, profiles, nodeSetup } = input;
  const pods = `${POD_SUBNET_PREFIX}.0/${FLEET_PREFIX_LENGTH}`;
  const references = `${REFERENCE_SUBNET_PREFIX}.0/${FLEET_PREFIX_LENGTH}`;
  const details: Record<string, string> = {
    network: `local fleet: one network namespace per node on a pod bridge (${pods}) in a switch namespace`,
    reference: input.reference
      ? `second bridge (${references}), same namespaces, netservers and CPU pinning`
      : 'off',
  };
  const setups = Object.entries(nodeSetup).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  if (setups.length > 0) details.nodeSetup = setups.map(([node, command]) => `${node}=${command}`).join('; ');
  return {
    netperfVersion: input.netperfVersion,
    nodes: names.nodes.map((node) => nodeFingerprint(node, host, profiles, nodeSetup[node.name])),
    details,
  };
}
