import { InfraError } from '../../src/util/errors.js';
import {
  createCommandRunner,
  firstOutputLine,
  formatArgv,
  missingProgramMessage,
} from '../../src/util/process.js';

const runner = createCommandRunner();

describe('running a command to completion', () => {
  it('returns what it printed and its exit code', async () => {
    const output = await runner.run(['sh', '-c', 'echo out; echo err >&2; exit 3']);
    expect(output).toEqual({ stdout: 'out\n', stderr: 'err\n', exitCode: 3 });
  });

  it('passes arguments as they are, with no shell in between', async () => {
    const output = await runner.run(['printf', '%s|', 'a b', '$HOME', '; rm -rf /']);
    expect(output.stdout).toBe('a b|$HOME|; rm -rf /|');
  });

  it('adds the variables given to its own environment, for that command only', async () => {
    const script = 'printf "%s|" "$NPG_TEST_VAR"; [ -n "$PATH" ] && echo "path kept"';
    const env = { NPG_TEST_VAR: 'a b' };
    expect((await runner.run(['sh', '-c', script], { env })).stdout).toBe('a b|path kept\n');
    expect(runner.runSync(['sh', '-c', script], { env }).stdout).toBe('a b|path kept\n');
    expect((await runner.run(['sh', '-c', script])).stdout).toBe('|path kept\n');
  });

  it('kills a command that exceeds its timeout and says which one', async () => {
    const started = Date.now();
    await expect(runner.run(['sleep', '10'], { timeoutMs: 200 })).rejects.toThrow(
      /`sleep 10` did not finish within 0.2 s/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('does not wait for a daemon the command left running with its pipes', async () => {
    const output = await runner.run(['sh', '-c', 'sleep 3 & echo started'], { timeoutMs: 10_000 });
    expect(output).toMatchObject({ stdout: 'started\n', exitCode: 0 });
  });

  it('names a missing program and how to install it', async () => {
    const error = await runner.run(['netperf-gate-no-such-program']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfraError);
    expect((error as Error).message).toBe(
      'netperf-gate-no-such-program was not found on PATH: install it or put it on PATH',
    );
  });
});

describe('install hints', () => {
  it.each([
    ['netperf', /non-free.*apt-get install netperf/],
    ['netserver', /non-free.*apt-get install netperf/],
    ['ip', /apt-get install iproute2/],
    ['taskset', /apt-get install util-linux/],
  ])('tell how to get %s on Debian', (program, hint) => {
    expect(missingProgramMessage(program)).toMatch(hint);
  });
});

describe('a long-running process', () => {
  it('has a pid, can be killed, and reports how it ended', async () => {
    const handle = runner.start(['sleep', '30']);
    expect(handle.pid).toEqual(expect.any(Number));
    handle.kill();
    await expect(handle.exited).resolves.toEqual({ stdout: '', stderr: '', exitCode: null });
    handle.kill(); // after the end: nothing happens
  });

  it('rejects `exited` when the program is missing', async () => {
    const handle = runner.start(['netserver-no-such-program']);
    await expect(handle.exited).rejects.toThrow(InfraError);
  });

  it('collects what it printed until it ends by itself', async () => {
    const handle = runner.start(['sh', '-c', 'echo listening; echo bye >&2; exit 5']);
    await expect(handle.exited).resolves.toEqual({ stdout: 'listening\n', stderr: 'bye\n', exitCode: 5 });
  });
});

describe('running a command synchronously', () => {
  it('returns what it printed and its exit code', () => {
    expect(runner.runSync(['sh', '-c', 'echo out; exit 4'])).toEqual({
      stdout: 'out\n',
      stderr: '',
      exitCode: 4,
    });
  });

  it('fails on a timeout and on a missing program', () => {
    expect(() => runner.runSync(['sleep', '10'], { timeoutMs: 200 })).toThrow(/did not finish within 0.2 s/);
    expect(() => runner.runSync(['ip-no-such-program'])).toThrow(InfraError);
  });
});

describe('messages about commands', () => {
  it('quote arguments a shell would split', () => {
    expect(formatArgv(['sh', '-c', "echo 'hi' there", 'sport', '=', ':1'])).toBe(
      `sh -c 'echo '\\''hi'\\'' there' sport = :1`,
    );
  });

  it.each([
    [{ stdout: 'o\n', stderr: '\n  first\nsecond\n', exitCode: 1 }, 'first'],
    [{ stdout: 'only stdout\n', stderr: '', exitCode: 1 }, 'only stdout'],
    [{ stdout: '', stderr: '', exitCode: 2 }, 'exit code 2'],
    [{ stdout: '', stderr: '', exitCode: null }, 'killed by a signal'],
  ])('quote the first line of output (%j)', (output, line) => {
    expect(firstOutputLine(output)).toBe(line);
  });
});
