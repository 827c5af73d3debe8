/** The local fleet's pure parts: names and addresses, setup flags, fingerprint, and what creation refuses. */
import { buildFleetFingerprint } from '../../src/targets/local/fleet-fingerprint.js';
import { fleetNamesFor, MAX_FLEET_NODES } from '../../src/targets/local/fleet-names.js';
import {
  nodeSetupEnvironment,
  normaliseNodeSetups,
  parseNodeSetups,
} from '../../src/targets/local/fleet-setup.js';
import { createLocalFleetTarget } from '../../src/targets/local/fleet-target.js';
import { leftoverNamespaces, MAX_RUN_ID_LENGTH } from '../../src/targets/local/names.js';
import { UsageError } from '../../src/util/errors.js';

/** Linux keeps interface names in IFNAMSIZ (16) bytes with the terminating NUL. */
const MAX_INTERFACE_NAME_LENGTH = 15;

describe('fleet names and addresses', () => {
  it('names node K node-K, its namespace npg-<id>-n<K>, and gives it 198.18.64.K and 198.18.65.K', () => {
    const names = fleetNamesFor('1234', 3);
    expect(names.switchNamespace).toBe('npg-1234-sw');
    expect(names.nodes[1]).toEqual({
      name: 'node-2',
      index: 2,
      namespace: 'npg-1234-n2',
      podInterface: 'n2-pod',
      podPort: 'n2-pod-br',
      podAddress: '198.18.64.2',
      referenceInterface: 'n2-ref',
      referencePort: 'n2-ref-br',
      referenceAddress: '198.18.65.2',
    });
    expect(names.nodes.map((node) => node.name)).toEqual(['node-1', 'node-2', 'node-3']);
  });

  it('keeps every name and address distinct, interface names within 15 characters, away from the single target', () => {
    const names = fleetNamesFor('9'.repeat(MAX_RUN_ID_LENGTH), MAX_FLEET_NODES);
    const interfaces = names.nodes.flatMap((node) => [
      node.podInterface,
      node.podPort,
      node.referenceInterface,
      node.referencePort,
    ]);
    const addresses = names.nodes.flatMap((node) => [node.podAddress, node.referenceAddress]);
    const namespaces = [names.switchNamespace, ...names.nodes.map((node) => node.namespace)];
    for (const list of [interfaces, addresses, namespaces]) expect(new Set(list).size).toBe(list.length);
    expect(Math.max(...interfaces.map((name) => name.length))).toBeLessThanOrEqual(MAX_INTERFACE_NAME_LENGTH);
    for (const address of addresses) {
      expect(address).toMatch(/^198\.1[89]\.\d+\.\d+$/); // 198.18.0.0/15
      expect(address).not.toMatch(/^198\.18\.0\./); // the single target's links
    }
  });

  it.each([1, 0, 33, 2.5, Number.NaN])('refuses %p nodes in one line', (nodes) => {
    expect(() => fleetNamesFor('1', nodes)).toThrow(
      new UsageError(
        `Invalid --nodes ${nodes}. Expected a whole number from 2 to 32 (each local node is a network namespace on this machine).`,
      ),
    );
  });

  it('refuses a run id that would not fit an interface name', () => {
    expect(() => fleetNamesFor('a-b', 2)).toThrow(UsageError);
    expect(() => fleetNamesFor('1'.repeat(MAX_RUN_ID_LENGTH + 1), 2)).toThrow(UsageError);
  });

  it('sweeps the namespaces of killed fleets beside those of killed single runs, never a live one', () => {
    const listed = [
      'npg-10-sw',
      'npg-10-n1',
      'npg-10-n12',
      'npg-10-cli',
      'npg-20-n1',
      'npg-10-nx',
      'npg-f1-n1',
    ];
    expect(leftoverNamespaces(listed, (pid) => pid === 20)).toEqual([
      'npg-10-sw',
      'npg-10-n1',
      'npg-10-n12',
      'npg-10-cli',
    ]);
  });
});

describe('parseNodeSetups', () => {
  it('maps repeated node-K=CMD flags to commands, keeping = and quotes inside the command', () => {
    const setups = parseNodeSetups(
      [
        'node-2=tc qdisc add dev "$NETPERF_GATE_NODE_IFACE" root tbf rate 200mbit burst 64kb latency 20ms',
        ' node-3= a=b && c ',
      ],
      3,
    );
    expect(setups).toEqual({
      'node-2': 'tc qdisc add dev "$NETPERF_GATE_NODE_IFACE" root tbf rate 200mbit burst 64kb latency 20ms',
      'node-3': 'a=b && c',
    });
    expect(parseNodeSetups([], 2)).toEqual({});
  });

  it.each([
    ['node-2', /^Invalid --local-node-setup 'node-2'\. Expected node-K=COMMAND, e\.g\. node-2='tc qdisc add/],
    ['node-2=  ', /^Invalid --local-node-setup 'node-2= {2}'\. Expected node-K=COMMAND/],
    ['2=echo', /^Invalid --local-node-setup '2=echo'\. Expected node-K=COMMAND/],
    ['node-02=echo', /^Invalid --local-node-setup 'node-02=echo'\. Expected node-K=COMMAND/],
    [
      'node-4=echo',
      /^Invalid --local-node-setup 'node-4=echo': unknown node 'node-4'\. Expected node-1 … node-3 \(--nodes 3\)\.$/,
    ],
    ['node-0=echo', /^Invalid --local-node-setup 'node-0=echo'\. Expected node-K=COMMAND/],
  ])('refuses %p in one line', (text, message) => {
    const error = (() => {
      try {
        parseNodeSetups([text], 3);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses the same node twice', () => {
    expect(() => parseNodeSetups(['node-1=a', 'node-1=b'], 2)).toThrow(
      new UsageError('--local-node-setup names node-1 twice: give it one command (join several with &&).'),
    );
  });

  it('refuses setups given to the target for nodes it does not have, and drops blank ones', () => {
    expect(normaliseNodeSetups({ 'node-1': ' a ', 'node-2': ' ' }, 2)).toEqual({ 'node-1': 'a' });
    expect(() => normaliseNodeSetups({ 'node-3': 'a' }, 2)).toThrow(UsageError);
    expect(() => createLocalFleetTarget({ nodes: 2, nodeSetup: { node1: 'a' } })).toThrow(UsageError);
  });

  it('tells a setup command its node, interfaces and addresses', () => {
    const node = fleetNamesFor('7', 5).nodes[4];
    if (node === undefined) throw new Error('five nodes');
    expect(nodeSetupEnvironment(node)).toEqual({
      NETPERF_GATE_NODE: 'node-5',
      NETPERF_GATE_NODE_IFACE: 'n5-pod',
      NETPERF_GATE_REF_IFACE: 'n5-ref',
      NETPERF_GATE_NODE_ADDR: '198.18.64.5',
      NETPERF_GATE_REF_ADDR: '198.18.65.5',
    });
  });
});

describe('the local fleet before prepare', () => {
  it('refuses a node count outside 2 … 32 when created, before touching the machine', () => {
    expect(() => createLocalFleetTarget({ nodes: 40 })).toThrow(UsageError);
  });

  it('has a reference path unless told not to, and refuses a pair of unknown or identical nodes', () => {
    const fleet = createLocalFleetTarget({ nodes: 3, runId: '1' });
    expect(fleet.kind).toBe('local');
    expect(fleet.referencePath).toBeDefined();
    expect(createLocalFleetTarget({ nodes: 3, runId: '1', reference: false }).referencePath).toBeUndefined();
    expect(() => fleet.path({ client: 'node-1', server: 'node-9' })).toThrow(
      'node-9 is not a node of this local fleet',
    );
    expect(() => fleet.path({ client: 'node-2', server: 'node-2' })).toThrow('a fleet pair needs two nodes');
  });

  it('describes every node by name, addresses, pinning and setup, without the run id', () => {
    const names = fleetNamesFor('4242', 2);
    const fingerprint = buildFleetFingerprint({
      names,
      host: { kernel: '6.18.0', cpuModel: 'Test CPU', availableCores: [0, 1] },
      netperfVersion: '2.7.0',
      profiles: [{ cpus: 1, port: 12865, scenarioNames: ['a'], clientCores: [0], serverCores: [1] }],
      nodeSetup: { 'node-2': 'tc qdisc add dev x root tbf rate 1gbit burst 64kb latency 20ms' },
      reference: true,
    });
    expect(fingerprint.nodes).toEqual([
      {
        name: 'node-1',
        kernel: '6.18.0',
        cpuModel: 'Test CPU',
        cpuCount: 2,
        details: {
          'pod address': '198.18.64.1 (n1-pod)',
          'reference address': '198.18.65.1 (n1-ref)',
          'client cores for cpus=1': '0',
          'server cores for cpus=1': '1',
        },
      },
      expect.objectContaining({
        name: 'node-2',
        details: expect.objectContaining({
          setup: 'tc qdisc add dev x root tbf rate 1gbit burst 64kb latency 20ms',
        }),
      }),
    ]);
    expect(fingerprint.details.reference).toMatch(/^second bridge \(198\.18\.65\.0\/24\)/);
    expect(fingerprint.details.nodeSetup).toBe(
      'node-2=tc qdisc add dev x root tbf rate 1gbit burst 64kb latency 20ms',
    );
    expect(JSON.stringify(fingerprint)).not.toContain('4242');
  });
});
