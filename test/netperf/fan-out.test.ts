import { spawnSync } from 'node:child_process';
import { buildFanOutArgv, splitFanOutOutput } from '../../src/netperf/fan-out.js';
import { InfraError } from '../../src/util/errors.js';

function runFanOut(instances: number, command: string[]) {
  const [program, ...args] = buildFanOutArgv(instances, command);
  const child = spawnSync(program ?? 'sh', args, { encoding: 'utf8' });
  return { stdout: child.stdout, stderr: child.stderr, exitCode: child.status };
}

describe('starting instances together', () => {
  it('gives each instance its own stdout, stderr and exit code, in order', () => {
    const outputs = splitFanOutOutput(
      runFanOut(3, ['sh', '-c', 'echo "out, with \\"quotes\\""; echo err >&2; exit 4']),
      3,
    );
    expect(outputs).toEqual(
      Array.from({ length: 3 }, () => ({ stdout: 'out, with "quotes"\n', stderr: 'err\n', exitCode: 4 })),
    );
  });

  it('passes arguments through untouched, shell characters included', () => {
    const [output] = splitFanOutOutput(runFanOut(1, ['printf', '%s|', '$HOME', '; rm -rf /', '*']), 1);
    expect(output?.stdout).toBe('$HOME|; rm -rf /|*|');
  });

  it('keeps output without a final newline as it was, so truncation stays visible', () => {
    const [output] = splitFanOutOutput(runFanOut(1, ['printf', 'cut']), 1);
    expect(output?.stdout).toBe('cut');
  });

  it('starts the instances at the same time rather than one after another', () => {
    const started = Date.now();
    splitFanOutOutput(runFanOut(8, ['sleep', '0.5']), 8);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses output that lacks instances, with the first error line', () => {
    const error = (() => {
      try {
        splitFanOutOutput({ stdout: '', stderr: 'sh: 1: mktemp: not found\n', exitCode: 97 }, 2);
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(InfraError);
    expect(error?.message).toBe(
      'starting netperf instances together failed (exit 97): sh: 1: mktemp: not found; run with --debug and check sh on the client',
    );
    expect(() => splitFanOutOutput({ stdout: '', stderr: '', exitCode: 0 }, 2)).toThrow('(0 of 2 outputs)');
  });

  it('refuses a nonsensical instance count', () => {
    expect(() => buildFanOutArgv(0, ['true'])).toThrow(RangeError);
  });
});
