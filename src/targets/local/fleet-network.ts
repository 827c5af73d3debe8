/**
 * The local fleet's network: a switch namespace with the pod and reference bridges, and per node a
 * namespace joined to each bridge by a veth pair (see fleet-names.ts for names and addresses). Every
 * interface is created directly inside its namespace, so the host's namespace never holds one.
 */
import type { CommandRunner } from '../../util/process.js';
import {
  FLEET_PREFIX_LENGTH,
  type FleetNames,
  type FleetNode,
  POD_BRIDGE,
  REFERENCE_BRIDGE,
} from './fleet-names.js';
import { addNamespace, runChecked, waitUntilLinkUp } from './namespaces.js';

/**
 * Set to 0 inside the switch namespace: with br_netfilter loaded, every new namespace starts with 1,
 * which would send bridged frames through that namespace's iptables/arptables (empty, but conntrack
 * and the hooks still cost). The keys are per namespace (Linux ≥ 5.3), so the host keeps its own.
 */
export const BRIDGE_NETFILTER_OFF = [
  'net.bridge.bridge-nf-call-iptables=0',
  'net.bridge.bridge-nf-call-ip6tables=0',
  'net.bridge.bridge-nf-call-arptables=0',
] as const;

/** Programs the fleet runs beyond the single target's: `sysctl` for {@link BRIDGE_NETFILTER_OFF}. */
export const FLEET_PROGRAMS: readonly string[] = ['sysctl'];

/**
 * Creates the switch namespace and its two bridges (no addresses, no forwarding: the namespace routes
 * nothing), with bridge netfilter off. `onCreated` hears of the namespace as soon as it exists.
 */
export async function createSwitch(
  runner: CommandRunner,
  names: FleetNames,
  onCreated: (namespace: string) => void,
): Promise<void> {
  const namespace = names.switchNamespace;
  await addNamespace(runner, namespace);
  onCreated(namespace);
  // -e: without br_netfilter the keys do not exist, which is what we want anyway.
  await runChecked(runner, [
    'ip',
    'netns',
    'exec',
    namespace,
    'sysctl',
    '-q',
    '-e',
    '-w',
    ...BRIDGE_NETFILTER_OFF,
  ]);
  for (const bridge of [POD_BRIDGE, REFERENCE_BRIDGE]) {
    // STP off (the default, said anyway): ports forward as soon as they are up.
    await runChecked(runner, [
      'ip',
      '-n',
      namespace,
      'link',
      'add',
      bridge,
      'type',
      'bridge',
      'stp_state',
      '0',
    ]);
    await runChecked(runner, ['ip', '-n', namespace, 'link', 'set', bridge, 'up']);
  }
}

/** One veth pair from a node to a bridge: the node's end addressed and up, the switch's end a bridge port. */
async function addNodeLink(
  runner: CommandRunner,
  switchNamespace: string,
  node: FleetNode,
  end: { device: string; port: string; address: string; bridge: string },
): Promise<void> {
  await runChecked(runner, [
    'ip',
    'link',
    'add',
    end.device,
    'netns',
    node.namespace,
    'type',
    'veth',
    'peer',
    'name',
    end.port,
    'netns',
    switchNamespace,
  ]);
  const prefix = `${end.address}/${FLEET_PREFIX_LENGTH}`;
  await runChecked(runner, ['ip', '-n', node.namespace, 'addr', 'add', prefix, 'dev', end.device]);
  await runChecked(runner, [
    'ip',
    '-n',
    switchNamespace,
    'link',
    'set',
    end.port,
    'master',
    end.bridge,
    'up',
  ]);
  await runChecked(runner, ['ip', '-n', node.namespace, 'link', 'set', end.device, 'up']);
}

/**
 * Creates a node's namespace and joins it to both bridges, then waits until both of its interfaces
 * are up (packets sent earlier are dropped). `onCreated` hears of the namespace as soon as it exists.
 */
export async function addFleetNode(
  runner: CommandRunner,
  names: FleetNames,
  node: FleetNode,
  onCreated: (namespace: string) => void,
): Promise<void> {
  await addNamespace(runner, node.namespace);
  onCreated(node.namespace);
  await runChecked(runner, ['ip', '-n', node.namespace, 'link', 'set', 'lo', 'up']);
  const ends = [
    { device: node.podInterface, port: node.podPort, address: node.podAddress, bridge: POD_BRIDGE },
    {
      device: node.referenceInterface,
      port: node.referencePort,
      address: node.referenceAddress,
      bridge: REFERENCE_BRIDGE,
    },
  ];
  for (const end of ends) await addNodeLink(runner, names.switchNamespace, node, end);
  // A veth end has carrier only once its peer is up too, and the switch's end was set up first.
  for (const end of ends) await waitUntilLinkUp(runner, node.namespace, end.device);
}
