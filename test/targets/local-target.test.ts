import type { Scenario } from '../../src/suite/model.js';
import { createLocalTarget, sweepLeftovers } from '../../src/targets/local/local-target.js';
import { preflight, REQUIRED_PROGRAMS } from '../../src/targets/local/preflight.js';
import type { ProcessOutput } from '../../src/targets/target.js';
import { InfraError, UsageError } from '../../src/util/errors.js';
import { type CommandRunner, missingProgramMessage } from '../../src/util/process.js';

/**
 * A runner that records every command line and answers from `reply`; nothing runs. Started processes
 * (netservers) run until killed, or end at once with `startedEnds`.
 */
function fakeRunner(
  reply: (argv: readonly string[]) => ProcessOutput | Error = () => ok(),
  startedEnds?: ProcessOutput,
) {
  const calls: string[] = [];
  const answer = (argv: readonly string[]) => {
    calls.push(argv.join(' '));
    // veth ends report themselves up at once
    const result = argv.includes('show')
      ? ok('2: npg1c@if2: <UP,LOWER_UP> mtu 1500 state UP\n')
      : reply(argv);
    if (result instanceof Error) throw result;
    return result;
  };
  const runner: CommandRunner = {
    run: async (argv) => answer(argv),
    runSync: (argv) => answer(argv),
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
  return { runner, calls };
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
