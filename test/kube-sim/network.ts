/**
 * The simulated cluster network: a hub namespace with a bridge, one namespace per node joined to it over
 * a veth pair (node IPs 198.19.0.(10+i)/16), and one namespace per pod joined to its node over a veth
 * pair, point-to-point like the CNI `ptp` plugin (pod IP /32 from 198.19.(100+i).0/24, gateway
 * 198.19.(100+i).1 on the node side). Nodes route the other nodes' pod ranges via their node IPs.
 * IPv6 (`ipv6`, `dual`, `dual-ipv6-first`) uses the benchmarking range 2001:2::/48 (RFC 5180) the same
 * way: nodes 2001:2::(10+i)/64 on the hub, pods 2001:2:0:(100+i)::x/128 behind gateway …::1 (hex).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type Family,
  familiesOf,
  gateway6Of,
  gatewayOf,
  nodeAddress,
  nodeAddress6,
  podCidr,
  podCidr6,
  type SimIpFamily,
} from './addresses.js';
import { runChecked, runCommand } from './commands.js';

export {
  familiesOf,
  nodeAddress,
  nodeAddress6,
  nodeAddresses,
  podAddress,
  podAddress6,
  podAddresses,
  podCidr,
  podCidr6,
  podCidrs,
  SIM_IP_FAMILIES,
  type SimIpFamily,
} from './addresses.js';

/** Bound for a new pod interface to come up. */
export const LINK_UP_TIMEOUT_MS = 5_000;
/** Pause between two looks at the interface. */
export const LINK_UP_POLL_MS = 10;
/** At most this many nodes: node i routes 198.19.(100+i).0/24. */
export const MAX_NODES = 100;

/** Network namespaces of one simulator, all named `<prefix>-…` (prefix `npgsim-<port>`). */
export class SimNetwork {
  readonly prefix: string;
  readonly family: SimIpFamily;

  constructor(prefix: string, family: SimIpFamily = 'ipv4') {
    this.prefix = prefix;
    this.family = family;
  }

  private has(family: Family): boolean {
    return familiesOf(this.family).includes(family);
  }

  /** The hub namespace (bridge `br0`). */
  get hub(): string {
    return `${this.prefix}-hub`;
  }

  /** The namespace of node `index`. */
  nodeNamespace(index: number): string {
    return `${this.prefix}-n${index}`;
  }

  /** The namespace of a pod with sequence number `seq`. */
  podNamespace(seq: number): string {
    return `${this.prefix}-p${seq}`;
  }

  /** Creates the hub and `count` nodes with their routes. */
  async createNodes(count: number): Promise<void> {
    await runChecked(['ip', 'netns', 'add', this.hub]);
    await runChecked(
      ['ip', '-n', this.hub, '-batch', '-'],
      'link set lo up\nlink add br0 type bridge\nlink set br0 up\n',
    );
    for (let index = 1; index <= count; index++) await this.createNode(index, count);
  }

  private async createNode(index: number, count: number): Promise<void> {
    const ns = this.nodeNamespace(index);
    await runChecked(['ip', 'netns', 'add', ns]);
    const hubSide = `n${index}`;
    await runChecked([
      'ip',
      '-n',
      this.hub,
      'link',
      'add',
      hubSide,
      'type',
      'veth',
      'peer',
      'name',
      'eth0',
      'netns',
      ns,
    ]);
    await runChecked(
      ['ip', '-n', this.hub, '-batch', '-'],
      `link set ${hubSide} master br0\nlink set ${hubSide} up\n`,
    );
    const routes: string[] = [];
    for (let other = 1; other <= count; other++) {
      if (other === index) continue;
      if (this.has(4)) routes.push(`route add ${podCidr(other)} via ${nodeAddress(other)} dev eth0`);
      if (this.has(6)) routes.push(`route add ${podCidr6(other)} via ${nodeAddress6(other)} dev eth0`);
    }
    // The node keeps its IPv4 address in every mode: the hub and the simulator's own checks use it.
    const batch = [
      'link set lo up',
      'link set eth0 up',
      `addr add ${nodeAddress(index)}/16 dev eth0`,
      ...(this.has(6) ? [`addr add ${nodeAddress6(index)}/64 dev eth0 nodad`] : []),
      ...routes,
    ];
    await runChecked(['ip', '-n', ns, '-batch', '-'], `${batch.join('\n')}\n`);
    await runChecked([
      'ip',
      'netns',
      'exec',
      ns,
      'sysctl',
      '-qw',
      'net.ipv4.ip_forward=1',
      'net.ipv4.conf.all.rp_filter=0',
      'net.ipv4.conf.default.rp_filter=0',
      'net.ipv6.conf.all.forwarding=1',
    ]);
  }

  /** Creates a pod's namespace with `addresses` (IPv4 and/or IPv6) attached to node `nodeIndex`. */
  async addPod(nodeIndex: number, seq: number, addresses: readonly string[]): Promise<string> {
    const ns = this.podNamespace(seq);
    const node = this.nodeNamespace(nodeIndex);
    const nodeSide = `v${seq}`;
    await runChecked(['ip', 'netns', 'add', ns]);
    await runChecked([
      'ip',
      '-n',
      node,
      'link',
      'add',
      nodeSide,
      'type',
      'veth',
      'peer',
      'name',
      'eth0',
      'netns',
      ns,
    ]);
    const nodeBatch = [`link set ${nodeSide} up`];
    const podBatch = ['link set lo up', 'link set eth0 up'];
    for (const address of addresses) {
      const v6 = address.includes(':');
      const [gateway, bits, nodad, any] = v6
        ? [gateway6Of(nodeIndex), 128, ' nodad', '::/0']
        : [gatewayOf(nodeIndex), 32, '', 'default'];
      nodeBatch.unshift(`addr add ${gateway}/${bits} dev ${nodeSide}${nodad}`);
      nodeBatch.push(`route add ${address}/${bits} dev ${nodeSide}`);
      podBatch.push(
        `addr add ${address}/${bits} dev eth0${nodad}`,
        `route add ${gateway} dev eth0${v6 ? '' : ' scope link'}`,
        `route add ${any} via ${gateway} dev eth0`,
      );
    }
    await runChecked(['ip', '-n', node, '-batch', '-'], `${nodeBatch.join('\n')}\n`);
    await runChecked(['ip', '-n', ns, '-batch', '-'], `${podBatch.join('\n')}\n`);
    await this.waitForLinkUp(ns);
    return ns;
  }

  private async waitForLinkUp(ns: string): Promise<void> {
    const deadline = Date.now() + LINK_UP_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const { stdout } = await runCommand(['ip', '-n', ns, '-o', 'link', 'show', 'eth0']);
      if (/state UP/.test(stdout)) return;
      await sleep(LINK_UP_POLL_MS);
    }
    throw new Error(
      `eth0 in ${ns} did not come up within ${LINK_UP_TIMEOUT_MS} ms; check \`ip -n ${ns} link\``,
    );
  }

  /** Kills what still runs in a namespace and deletes it (deleting it removes its veth pair). */
  async removeNamespace(ns: string): Promise<void> {
    await killNamespacePids(ns);
    await runCommand(['ip', 'netns', 'del', ns]);
  }

  /** Every namespace of this simulator that exists now (pods first, then nodes, then the hub). */
  async existingNamespaces(): Promise<string[]> {
    const { stdout } = await runCommand(['ip', 'netns', 'list']);
    const ours = stdout
      .split('\n')
      .map((line) => line.split(' ')[0] ?? '')
      .filter((name) => name.startsWith(`${this.prefix}-`));
    const rank = (name: string) => (/-p\d+$/.test(name) ? 0 : name.endsWith('-hub') ? 2 : 1);
    return ours.sort((a, b) => rank(a) - rank(b));
  }

  /** Removes every namespace of this simulator, and kills what runs in them. */
  async destroyAll(): Promise<void> {
    for (const ns of await this.existingNamespaces()) await this.removeNamespace(ns);
  }
}

/** Sends SIGKILL to every process in a network namespace. */
export async function killNamespacePids(ns: string): Promise<void> {
  const { stdout } = await runCommand(['ip', 'netns', 'pids', ns]);
  for (const pid of stdout.split(/\s+/).filter((p) => /^\d+$/.test(p))) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
