import type { Scenario } from '../../src/suite/model.js';
import {
  formatCpuList,
  parseCpuList,
  planCpuProfiles,
  profileOf,
} from '../../src/targets/local/cpu-profiles.js';
import {
  buildFingerprint,
  describeReference,
  parseAllowedCores,
  parseNetperfVersion,
} from '../../src/targets/local/fingerprint.js';
import {
  leftoverNamespaces,
  linksOf,
  namesFor,
  parseNamespaceList,
  parsePidList,
} from '../../src/targets/local/names.js';
import { inNamespace } from '../../src/targets/local/netservers.js';
import { normaliseSettings, qdiscArgv, setupEnvironment } from '../../src/targets/local/what-if.js';
import { UsageError } from '../../src/util/errors.js';

function scenario(name: string, cpus: number | null): Scenario {
  return {
    name,
    test: 'TCP_RR',
    concurrency: 1,
    cpus,
    sendSizeBytes: null,
    requestSizeBytes: 1,
    responseSizeBytes: 1,
    durationSeconds: 1,
    samples: 1,
  };
}

describe('CPU lists', () => {
  it.each([
    ['0', [0]],
    ['0-1', [0, 1]],
    ['0-3,8,10-11', [0, 1, 2, 3, 8, 10, 11]],
    [' 2,0 \n', [0, 2]],
  ])('parses %j', (text, cores) => {
    expect(parseCpuList(text)).toEqual(cores);
  });

  it('rejects text that is no CPU list', () => {
    expect(() => parseCpuList('0-a')).toThrow('not a CPU list');
  });

  it('formats cores for taskset -c', () => {
    expect(formatCpuList([0, 2, 3])).toBe('0,2,3');
  });

  it('reads the allowed cores from /proc/<pid>/status text', () => {
    expect(parseAllowedCores('Name:\tnode\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\n')).toEqual([0, 1]);
    expect(parseAllowedCores('Name:\tnode\n')).toBeUndefined();
  });
});

describe('CPU profiles', () => {
  const defaultLike = [
    scenario('tcp_stream_1', null),
    scenario('tcp_stream_32', 32),
    scenario('tcp_rr_1cpu', 1),
    scenario('tcp_rr_32cpu', 32),
  ];

  it('gives each distinct cpus value its own port, in suite order', () => {
    const { profiles } = planCpuProfiles(defaultLike, [0, 1]);
    expect(profiles.map((p) => [p.cpus, p.port, p.scenarioNames])).toEqual([
      [null, 12865, ['tcp_stream_1']],
      [32, 12866, ['tcp_stream_32', 'tcp_rr_32cpu']],
      [1, 12867, ['tcp_rr_1cpu']],
    ]);
  });

  it('caps requests at the cores present with one warning per profile', () => {
    const { profiles, warnings } = planCpuProfiles(defaultLike, [0, 1]);
    expect(warnings).toEqual(['tcp_stream_32, tcp_rr_32cpu ask for 32 cores; this machine has 2: using 2']);
    expect(profiles[1]).toMatchObject({ clientCores: [0, 1], serverCores: [0, 1] });
  });

  it('words the warning for a single scenario', () => {
    const { warnings } = planCpuProfiles([scenario('tcp_stream_32', 32)], [0, 1]);
    expect(warnings).toEqual(['tcp_stream_32 asks for 32 cores; this machine has 2: using 2']);
  });

  it.each([
    { cores: [0, 1], client: [0], server: [1] },
    { cores: [0, 1, 2, 3], client: [0], server: [3] },
    { cores: [4], client: [4], server: [4] },
  ])(
    'puts a 1-core client and server on different cores when it can ($cores)',
    ({ cores, client, server }) => {
      const { profiles, warnings } = planCpuProfiles([scenario('rr', 1)], cores);
      expect(profiles[0]).toMatchObject({ clientCores: client, serverCores: server });
      expect(warnings).toEqual([]);
    },
  );

  it('takes the first cores for clients and the last for servers', () => {
    const { profiles } = planCpuProfiles([scenario('two', 2)], [0, 1, 2, 3, 4, 5]);
    expect(profiles[0]).toMatchObject({ clientCores: [0, 1], serverCores: [4, 5] });
  });

  it('sets no affinity for unlimited scenarios', () => {
    const { profiles } = planCpuProfiles([scenario('free', null)], [0, 1]);
    expect(profiles[0]).toMatchObject({ clientCores: null, serverCores: null });
  });

  it.each([0, -1, 1.5])('rejects cpus %p as a usage error', (cpus) => {
    expect(() => planCpuProfiles([scenario('bad', cpus)], [0, 1])).toThrow(UsageError);
  });

  it('finds the profile of a scenario by its cpus value and refuses unknown ones', () => {
    const { profiles } = planCpuProfiles(defaultLike, [0, 1]);
    expect(profileOf(profiles, scenario('other_32', 32)).port).toBe(12866);
    expect(() => profileOf(profiles, scenario('other_8', 8))).toThrow('was not among the scenarios prepared');
  });
});

describe('names of a run', () => {
  it('derives namespaces and interface names from the run id', () => {
    expect(namesFor('4194304')).toEqual({
      runId: '4194304',
      clientNamespace: 'npg-4194304-cli',
      serverNamespace: 'npg-4194304-srv',
      clientInterface: 'npg4194304c',
      serverInterface: 'npg4194304s',
      referenceClientInterface: 'npg4194304r',
      referenceServerInterface: 'npg4194304t',
    });
  });

  it('puts the pod and reference links in separate /30s of 198.18.0.0/15', () => {
    expect(linksOf(namesFor('7'))).toEqual({
      pod: {
        clientInterface: 'npg7c',
        serverInterface: 'npg7s',
        clientAddress: '198.18.0.1',
        serverAddress: '198.18.0.2',
      },
      reference: {
        clientInterface: 'npg7r',
        serverInterface: 'npg7t',
        clientAddress: '198.18.0.5',
        serverAddress: '198.18.0.6',
      },
    });
  });

  it.each(['', 'a-b', '../x', '123456789012'])('refuses run id %j', (runId) => {
    expect(() => namesFor(runId)).toThrow(UsageError);
  });

  it('keeps every interface name within the 15 characters Linux allows', () => {
    const names = namesFor('12345678901');
    const interfaces = [
      names.clientInterface,
      names.serverInterface,
      names.referenceClientInterface,
      names.referenceServerInterface,
    ];
    expect(interfaces.map((name) => name.length)).toEqual([15, 15, 15, 15]);
    expect(new Set(interfaces).size).toBe(4);
  });

  it('reads namespace names from `ip netns list`, with or without ids', () => {
    expect(parseNamespaceList('npg-1-srv (id: 3)\nnpg-1-cli\n\n')).toEqual(['npg-1-srv', 'npg-1-cli']);
  });

  it('reads pids from `ip netns pids`', () => {
    expect(parsePidList('12\n345\n\n')).toEqual([12, 345]);
  });

  it('treats numbered namespaces of dead pids as leftovers, and nothing else', () => {
    const listed = [
      'npg-10-cli',
      'npg-10-srv',
      'npg-20-cli',
      'npg-t1-cli',
      'npg-30-xyz',
      'other',
      'npg-40-srv',
    ];
    const alive = new Set([20]);
    expect(leftoverNamespaces(listed, (pid) => alive.has(pid))).toEqual([
      'npg-10-cli',
      'npg-10-srv',
      'npg-40-srv',
    ]);
  });
});

describe('command lines', () => {
  it('pins a program in a namespace with taskset when cores are given', () => {
    expect(inNamespace('ns', [1], ['netserver', '-D'])).toEqual([
      'ip',
      'netns',
      'exec',
      'ns',
      'taskset',
      '-c',
      '1',
      'netserver',
      '-D',
    ]);
    expect(inNamespace('ns', null, ['netperf'])).toEqual(['ip', 'netns', 'exec', 'ns', 'netperf']);
  });

  it('splits the qdisc on whitespace into tc arguments on the client veth', () => {
    expect(qdiscArgv(namesFor('7'), ' tbf rate 1gbit  burst 256kb\tlatency 10ms ')).toEqual(
      'tc -n npg-7-cli qdisc replace dev npg7c root tbf rate 1gbit burst 256kb latency 10ms'.split(' '),
    );
  });

  it.each([
    [
      'server',
      {
        NETPERF_GATE_POD_IFACE: 'npg7s',
        NETPERF_GATE_REF_IFACE: 'npg7t',
        NETPERF_GATE_POD_ADDR: '198.18.0.2',
        NETPERF_GATE_REF_ADDR: '198.18.0.6',
        NETPERF_GATE_PEER_POD_ADDR: '198.18.0.1',
        NETPERF_GATE_PEER_REF_ADDR: '198.18.0.5',
      },
    ],
    [
      'client',
      {
        NETPERF_GATE_POD_IFACE: 'npg7c',
        NETPERF_GATE_REF_IFACE: 'npg7r',
        NETPERF_GATE_POD_ADDR: '198.18.0.1',
        NETPERF_GATE_REF_ADDR: '198.18.0.5',
        NETPERF_GATE_PEER_POD_ADDR: '198.18.0.2',
        NETPERF_GATE_PEER_REF_ADDR: '198.18.0.6',
      },
    ],
  ] as const)('tells the %s setup command its own interfaces and both ends’ addresses', (role, env) => {
    expect(setupEnvironment(namesFor('7'), role)).toEqual(env);
  });

  it('treats blank settings as not set', () => {
    expect(normaliseSettings({ qdisc: ' ', serverSetup: '', clientSetup: ' nft -f r.nft ' })).toEqual({
      qdisc: undefined,
      serverSetup: undefined,
      clientSetup: 'nft -f r.nft',
    });
  });
});

describe('the fingerprint', () => {
  it('reads the netperf version', () => {
    expect(parseNetperfVersion('Netperf version 2.7.0\n')).toBe('2.7.0');
    expect(parseNetperfVersion('something else\n')).toBe('something else');
  });

  it('names the namespaces as nodes, lists each profile’s cores and only the settings given', () => {
    const { profiles } = planCpuProfiles(
      [scenario('free', null), scenario('big', 32), scenario('one', 1)],
      [0, 1],
    );
    const fingerprint = buildFingerprint({
      names: namesFor('7'),
      host: { kernel: '6.18.0', cpuModel: 'AMD EPYC', availableCores: [0, 1] },
      netperfVersion: '2.7.0',
      profiles,
      settings: { qdisc: 'tbf rate 1gbit burst 256kb latency 10ms', serverSetup: undefined },
      reference: true,
    });
    expect(fingerprint).toEqual({
      netperfVersion: '2.7.0',
      client: {
        name: 'local-client',
        kernel: '6.18.0',
        cpuModel: 'AMD EPYC',
        cpuCount: 2,
        details: {
          namespace: 'npg-7-cli',
          'cores for cpus=unlimited': 'any',
          'cores for cpus=32': '0,1 (capped from 32)',
          'cores for cpus=1': '0',
        },
      },
      server: {
        name: 'local-server',
        kernel: '6.18.0',
        cpuModel: 'AMD EPYC',
        cpuCount: 2,
        details: {
          namespace: 'npg-7-srv',
          'cores for cpus=unlimited': 'any',
          'cores for cpus=32': '0,1 (capped from 32)',
          'cores for cpus=1': '1',
        },
      },
      details: {
        reference:
          'second veth pair npg<id>r-npg<id>t (198.18.0.5-198.18.0.6), same namespaces and CPU pinning',
        qdisc: 'tbf rate 1gbit burst 256kb latency 10ms',
      },
    });
  });

  it('describes the reference the same in every run, and says when it is off', () => {
    const detailsFor = (runId: string, reference: boolean) =>
      buildFingerprint({
        names: namesFor(runId),
        host: { kernel: '6.18.0', cpuModel: 'AMD EPYC', availableCores: [0, 1] },
        netperfVersion: '2.7.0',
        profiles: [],
        settings: {},
        reference,
      }).details;
    expect(detailsFor('4194304', true)).toEqual(detailsFor('12', true));
    expect(detailsFor('12', false)).toEqual({ reference: 'off' });
    expect(describeReference(false)).toBe('off');
  });
});
