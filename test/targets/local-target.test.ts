import type { Scenario } from '../../src/suite/model.js';
import { createLocalTarget, sweepLeftovers } from '../../src/targets/local/local-target.js';
import { preflight, REQUIRED_PROGRAMS } from '../../src/targets/local/preflight.js';
import type { ProcessOutput } from '../../src/targets/target.js';
import { InfraError, UsageError } from '../../src/util/errors.js';
import { type CommandRunner, missingProgramMessage, type RunOptions } from '../../src/util/process.js';

/**
 * A runner that records every command line (and the extra environment of those given one) and answers
 * from `reply`; nothing runs. Started processes (netservers) run until killed, or end at once with
 * `startedEnds`.
 */
function fakeRunner(
  reply: (argv: readonly string[]) => ProcessOutput | Error = () => ok(),
  startedEnds?: ProcessOutput,
) {
  const calls: string[] = [];
  const envs = new Map<string, RunOptions['env']>();
  const answer = (argv: readonly string[], options?: RunOptions) => {
    calls.push(argv.join(' '));
    if (options?.env !== undefined) envs.set(argv.join(' '), options.env);
    // veth ends report themselves up at once
    const result = argv.includes('show')
      ? ok('2: npg1c@if2: <UP,LOWER_UP> mtu 1500 state UP\n')
      : reply(argv);
    if (result instanceof Error) throw result;
    return result;
  };
  const runner: CommandRunner = {
    run: async (argv, options) => answer(argv, options),
    runSync: (argv, options) => answer(argv, options),
    start: (argv) => {
      calls.push(argv.join(' '));
      let end: (output: ProcessOutput) => void = () => undefined;
      const exited = new Promise<ProcessOutput>((resolve) => {
        end = resolve;
      });
      if (startedEnds !== undefined) end(startedEnds);
      return { pid: 1, kill: () => end({ stdout: '', stderr: '', exitCode: null }), exited };
    },
  };
  return { runner, calls, envs };
}

/** Answers `ss` as if every netserver listened. */
function listening(argv: readonly string[]): ProcessOutput {
  return argv[0] === 'ss' ? ok('LISTEN 0 1024 198.18.0.2:12865 0.0.0.0:*\n') : ok();
}

function ok(stdout = ''): ProcessOutput {
  return { stdout, stderr: '', exitCode: 0 };
}

const scenario: Scenario = {
  name: 'tcp_rr_1cpu',
  test: 'TCP_RR',
  concurrency: 1,
  cpus: 1,
  sendSizeBytes: null,
  requestSizeBytes: 1,
  responseSizeBytes: 1,
  durationSeconds: 1,
  samples: 1,
};

describe('preflight', () => {
  it('refuses to run without root, before looking for anything', async () => {
    const { runner, calls } = fakeRunner();
    const check = preflight({ runner, isRoot: false, programs: REQUIRED_PROGRAMS });
    await expect(check).rejects.toThrow(InfraError);
    await expect(check).rejects.toThrow(
      /^the local target needs root to create network namespaces: run as root \(sudo/,
    );
    expect(calls).toEqual([]);
  });

  it('names the first missing program and its Debian package', async () => {
    const { runner } = fakeRunner((argv) =>
      argv[0] === 'netperf' ? new InfraError(missingProgramMessage('netperf')) : ok(),
    );
    await expect(preflight({ runner, isRoot: true, programs: REQUIRED_PROGRAMS })).rejects.toThrow(
      /^netperf was not found on PATH: .*non-free.*apt-get install netperf/,
    );
  });

  it('accepts programs that exist whatever their -V exit code', async () => {
    const { runner, calls } = fakeRunner(() => ({ stdout: '', stderr: 'usage', exitCode: 1 }));
    await preflight({ runner, isRoot: true, programs: ['ip', 'taskset'] });
    expect(calls).toEqual(['ip -V', 'taskset -V']);
  });
});

describe('the local target before it touches the machine', () => {
  it('creates nothing when a program is missing', async () => {
    const { runner, calls } = fakeRunner((argv) =>
      argv[0] === 'taskset' ? new InfraError(missingProgramMessage('taskset')) : ok(),
    );
    const target = createLocalTarget({ runId: 'fake1' }, { runner, log: () => undefined });
    await expect(target.prepare([scenario])).rejects.toThrow(InfraError);
    expect(calls.filter((call) => call.startsWith('ip netns add'))).toEqual([]);
  });

  it('rejects a bad run id before anything runs', () => {
    expect(() => createLocalTarget({ runId: 'far-too-long-run-id' })).toThrow(UsageError);
  });

  it('cleans up what it made when tc refuses the qdisc, quoting tc', async () => {
    const { runner, calls } = fakeRunner((argv) =>
      argv[0] === 'tc' && argv[1] === '-n'
        ? { stdout: '', stderr: 'Unknown qdisc "bogus", hence option "x" is unparsable\n', exitCode: 1 }
        : ok(),
    );
    const target = createLocalTarget({ runId: 'fake2', qdisc: 'bogus x' }, { runner, log: () => undefined });
    const error = await target.prepare([scenario]).catch((e: unknown) => e);
    if (process.getuid?.() !== 0) return; // preflight refused first: nothing more to see without root
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      `Invalid --local-qdisc 'bogus x': tc said "Unknown qdisc "bogus", hence option "x" is unparsable". Expected tc qdisc arguments, e.g. 'tbf rate 1gbit burst 256kb latency 10ms'.`,
    );
    expect(calls.filter((call) => call.startsWith('ip netns del'))).toEqual([
      'ip netns del npg-fake2-cli',
      'ip netns del npg-fake2-srv',
    ]);
    expect(calls.some((call) => call.includes('netserver -D'))).toBe(false);
  });

  it('removes what a half-done prepare made, once', async () => {
    const { runner, calls } = fakeRunner((argv) =>
      argv.includes('veth') ? { stdout: '', stderr: 'RTNETLINK answers: boom', exitCode: 2 } : ok(),
    );
    const target = createLocalTarget({ runId: 'fake3' }, { runner, log: () => undefined });
    const error = await target.prepare([scenario]).catch((e: unknown) => e);
    if (process.getuid?.() !== 0) return;
    expect((error as Error).message).toMatch(/^`ip link add npgfake3c .*` failed: RTNETLINK answers: boom$/);
    expect(calls.filter((call) => call.startsWith('ip netns del'))).toEqual([
      'ip netns del npg-fake3-cli',
      'ip netns del npg-fake3-srv',
    ]);
    calls.length = 0;
    await target.cleanup();
    target.cleanupSync();
    expect(calls).toEqual([]);
  });

  it('removes its netservers and namespaces synchronously for an exit handler', async () => {
    const { runner, calls } = fakeRunner(listening);
    const target = createLocalTarget({ runId: 'fake4' }, { runner, log: () => undefined });
    if (process.getuid?.() !== 0) return;
    await target.prepare([scenario]);
    expect(target.endpoint(scenario)).toEqual({ host: '198.18.0.2', port: 12865 });
    calls.length = 0;
    target.cleanupSync();
    expect(calls).toEqual([
      'ip netns pids npg-fake4-cli',
      'ip netns del npg-fake4-cli',
      'ip netns pids npg-fake4-srv',
      'ip netns del npg-fake4-srv',
    ]);
    await target.cleanup();
    await expect(target.prepare([scenario])).rejects.toThrow('prepared once');
  });

  it('refuses to prepare after cleanup', async () => {
    const { runner, calls } = fakeRunner();
    const target = createLocalTarget({ runId: 'fake5' }, { runner, log: () => undefined });
    target.cleanupSync();
    await expect(target.prepare([scenario])).rejects.toThrow('cleaned up before it was prepared');
    expect(calls).toEqual([]);
  });

  it('fails when a netserver exits instead of listening, and cleans up', async () => {
    const ended = { stdout: '', stderr: 'netserver: bind: Address already in use\n', exitCode: 1 };
    const { runner, calls } = fakeRunner(() => ok(), ended);
    const target = createLocalTarget({ runId: 'fake6' }, { runner, log: () => undefined });
    if (process.getuid?.() !== 0) return;
    await expect(target.prepare([scenario])).rejects.toThrow(
      'netserver on port 12865 exited before listening: netserver: bind: Address already in use',
    );
    expect(calls.filter((call) => call.startsWith('ip netns del'))).toHaveLength(2);
  });

  it('starts all netperf processes pinned in the client namespace, then fails with the first failure', async () => {
    const { runner, calls } = fakeRunner((argv) =>
      argv.includes('bad') ? new InfraError('netperf did not finish') : listening(argv),
    );
    const target = createLocalTarget({ runId: 'fake7' }, { runner, log: () => undefined });
    if (process.getuid?.() !== 0) return;
    await target.prepare([scenario]);
    calls.length = 0;
    await expect(target.runNetperf(scenario, [['-t', 'TCP_RR'], ['bad'], ['-t', 'TCP_RR']])).rejects.toThrow(
      'netperf did not finish',
    );
    expect(calls).toEqual([
      'ip netns exec npg-fake7-cli taskset -c 0 netperf -t TCP_RR',
      'ip netns exec npg-fake7-cli taskset -c 0 netperf bad',
      'ip netns exec npg-fake7-cli taskset -c 0 netperf -t TCP_RR',
    ]);
    await target.cleanup();
  });
});

describe('the reference link', () => {
  const asRoot = process.getuid?.() === 0; // preflight refuses without root before any argv of interest

  it('joins the namespaces with a pod link and a reference link and waits for all four ends', async () => {
    const { runner, calls } = fakeRunner(listening);
    const target = createLocalTarget({ runId: 'ref1' }, { runner, log: () => undefined });
    if (!asRoot) return;
    await target.prepare([scenario]);
    const setUp = calls.filter((call) => /^ip (link add|-n \S+ (addr add|link set|-o link show))/.test(call));
    expect(setUp).toEqual([
      'ip -n npg-ref1-cli link set lo up',
      'ip -n npg-ref1-srv link set lo up',
      'ip link add npgref1c netns npg-ref1-cli type veth peer name npgref1s netns npg-ref1-srv',
      'ip -n npg-ref1-cli addr add 198.18.0.1/30 dev npgref1c',
      'ip -n npg-ref1-cli link set npgref1c up',
      'ip -n npg-ref1-srv addr add 198.18.0.2/30 dev npgref1s',
      'ip -n npg-ref1-srv link set npgref1s up',
      'ip link add npgref1r netns npg-ref1-cli type veth peer name npgref1t netns npg-ref1-srv',
      'ip -n npg-ref1-cli addr add 198.18.0.5/30 dev npgref1r',
      'ip -n npg-ref1-cli link set npgref1r up',
      'ip -n npg-ref1-srv addr add 198.18.0.6/30 dev npgref1t',
      'ip -n npg-ref1-srv link set npgref1t up',
      'ip -n npg-ref1-cli -o link show dev npgref1c',
      'ip -n npg-ref1-srv -o link show dev npgref1s',
      'ip -n npg-ref1-cli -o link show dev npgref1r',
      'ip -n npg-ref1-srv -o link show dev npgref1t',
    ]);
    await target.cleanup();
  });

  it('starts one netserver per profile that accepts on both links', async () => {
    const { runner, calls } = fakeRunner(listening);
    const target = createLocalTarget({ runId: 'ref2' }, { runner, log: () => undefined });
    if (!asRoot) return;
    await target.prepare([scenario, { ...scenario, name: 'free', cpus: null }]);
    expect(calls.filter((call) => call.includes('netserver -D'))).toEqual([
      expect.stringMatching(
        /^ip netns exec npg-ref2-srv taskset -c \d+ netserver -D -4 -L 0\.0\.0\.0 -p 12865$/,
      ),
      'ip netns exec npg-ref2-srv netserver -D -4 -L 0.0.0.0 -p 12866',
    ]);
    await target.cleanup();
  });

  it('gives the reference pair the reference address and the profile’s port, and runs netperf like the pod pair', async () => {
    const twoFramed = [1, 2].map(
      (i) => `\n@@netperf-gate instance ${i} exit 0@@\n\n@@netperf-gate instance ${i} stderr@@\n`,
    );
    const { runner, calls } = fakeRunner((argv) =>
      argv.includes('netperf-gate-fan-out') ? ok(twoFramed.join('')) : listening(argv),
    );
    const target = createLocalTarget({ runId: 'ref3' }, { runner, log: () => undefined });
    if (!asRoot) return;
    const free = { ...scenario, name: 'free', cpus: null };
    await target.prepare([scenario, free]);
    expect(target.endpoint(free)).toEqual({ host: '198.18.0.2', port: 12866 });
    expect(target.reference?.endpoint(free)).toEqual({ host: '198.18.0.6', port: 12866 });

    const argvsTo = (host: string) => [1, 2].map(() => ['-H', host, '-p', '12865', '-t', 'TCP_RR']);
    for (const argvs of [
      argvsTo('198.18.0.2'),
      [
        ['-H', '198.18.0.2'],
        ['-H', '198.18.0.2', '-l', '2'],
      ],
    ]) {
      calls.length = 0;
      await target.runNetperf(scenario, argvs);
      const podCalls = [...calls];
      calls.length = 0;
      const referenceArgvs = argvs.map((argv) => argv.map((arg) => arg.replace('0.2', '0.6')));
      await target.reference?.runNetperf(scenario, referenceArgvs);
      // the same pinning and the same fan-out; only the destination differs
      expect(calls).toEqual(podCalls.map((call) => call.replaceAll('198.18.0.2', '198.18.0.6')));
      expect(calls[0]).toMatch(/^ip netns exec npg-ref3-cli taskset -c \d+ /);
    }
    await target.cleanup();
  });

  it('has no reference pair when asked not to, and records whether it has one', async () => {
    const version = (argv: readonly string[]) =>
      argv[0] === 'netperf' ? ok('Netperf version 2.7.0\n') : ok();
    const without = createLocalTarget(
      { runId: 'ref4', reference: false },
      { runner: fakeRunner(version).runner, log: () => undefined },
    );
    expect('reference' in without).toBe(false);
    expect((await without.fingerprint()).details).toEqual({ reference: 'off' });

    const withOne = createLocalTarget({ runId: 'ref5' }, { runner: fakeRunner(version).runner });
    expect(withOne.reference).toBeDefined();
    expect((await withOne.fingerprint()).details.reference).toBe(
      'second veth pair npg<id>r-npg<id>t (198.18.0.5-198.18.0.6), same namespaces and CPU pinning',
    );
  });

  it('tells each setup command which interface is which, with no shell of ours around it', async () => {
    const { runner, calls, envs } = fakeRunner(listening);
    const options = { runId: 'ref6', serverSetup: 'nft -f s.nft', clientSetup: 'echo "$X" > c' };
    const target = createLocalTarget(options, { runner, log: () => undefined });
    if (!asRoot) return;
    await target.prepare([scenario]);
    const serverCall = 'ip netns exec npg-ref6-srv sh -c nft -f s.nft';
    const clientCall = 'ip netns exec npg-ref6-cli sh -c echo "$X" > c';
    expect(calls.filter((call) => call.includes(' sh -c '))).toEqual([serverCall, clientCall]);
    expect(envs.get(serverCall)).toMatchObject({
      NETPERF_GATE_POD_IFACE: 'npgref6s',
      NETPERF_GATE_REF_IFACE: 'npgref6t',
      NETPERF_GATE_POD_ADDR: '198.18.0.2',
      NETPERF_GATE_PEER_REF_ADDR: '198.18.0.5',
    });
    expect(envs.get(clientCall)).toMatchObject({
      NETPERF_GATE_POD_IFACE: 'npgref6c',
      NETPERF_GATE_REF_IFACE: 'npgref6r',
      NETPERF_GATE_REF_ADDR: '198.18.0.5',
      NETPERF_GATE_PEER_POD_ADDR: '198.18.0.2',
    });
    await target.cleanup();
  });

  it('puts the qdisc on the client’s pod-link veth only', async () => {
    const { runner, calls } = fakeRunner(listening);
    const qdisc = 'tbf rate 50mbit burst 64kb latency 50ms';
    const target = createLocalTarget({ runId: 'ref7', qdisc }, { runner, log: () => undefined });
    if (!asRoot) return;
    await target.prepare([scenario]);
    expect(calls.filter((call) => call.startsWith('tc -n'))).toEqual([
      `tc -n npg-ref7-cli qdisc replace dev npgref7c root ${qdisc}`,
    ]);
    await target.cleanup();
  });
});

describe('sweeping leftovers for `netperf-gate cleanup`', () => {
  it('removes namespaces of dead pids with their processes, in one log line', async () => {
    const deadPid = 4_194_304 + 1; // above any pid_max
    const { runner, calls } = fakeRunner((argv) => {
      if (argv.join(' ') === 'ip netns list')
        return ok(`npg-${deadPid}-cli (id: 4)\nnpg-${process.pid}-srv\nnpg-t1-cli\n`);
      if (argv[2] === 'pids') return ok('');
      return ok();
    });
    const lines: string[] = [];
    const removed = await sweepLeftovers({ runner, log: (line) => lines.push(line) });
    expect(removed).toEqual([`npg-${deadPid}-cli`]);
    expect(calls).toEqual([
      'ip netns list',
      `ip netns pids npg-${deadPid}-cli`,
      `ip netns del npg-${deadPid}-cli`,
    ]);
    expect(lines).toEqual([`removed leftovers of killed runs: npg-${deadPid}-cli (0 processes killed)`]);
  });

  it('logs a namespace it could not delete and says nothing when there is nothing to do', async () => {
    const refusing = fakeRunner((argv) => {
      if (argv.join(' ') === 'ip netns list') return ok('npg-4194399-srv\n');
      if (argv[2] === 'del')
        return { stdout: '', stderr: 'Cannot remove namespace: Device busy\n', exitCode: 1 };
      return ok();
    });
    const lines: string[] = [];
    await sweepLeftovers({ runner: refusing.runner, log: (line) => lines.push(line) });
    expect(lines).toEqual([
      'removed leftovers of killed runs: npg-4194399-srv (0 processes killed); failed: could not delete network namespace npg-4194399-srv: Cannot remove namespace: Device busy',
    ]);
    lines.length = 0;
    await sweepLeftovers({ runner: fakeRunner().runner, log: (line) => lines.push(line) });
    expect(lines).toEqual([]);
  });
});
