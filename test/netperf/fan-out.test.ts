import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFanOutArgv, splitFanOutOutput } from '../../src/netperf/fan-out.js';
import { InfraError } from '../../src/util/errors.js';

function runFanOut(instances: number, command: string[], options: { timeout?: number } = {}) {
  const [program, ...args] = buildFanOutArgv(instances, command);
  const child = spawnSync(program ?? 'sh', args, { encoding: 'utf8', ...options });
  return { stdout: child.stdout, stderr: child.stderr, exitCode: child.status };
}

const TOGETHER_INSTANCES = 8;
/** How long one instance waits for all to check in: seconds of margin for a loaded machine. */
const CHECK_IN_WAIT_SECONDS = 30;
/** Bound for the whole fan-out; instances started one after another would each wait in vain. */
const TOGETHER_TIMEOUT_MS = 2 * CHECK_IN_WAIT_SECONDS * 1000;
/** `$1`: the roll folder. Checks in, waits until TOGETHER_INSTANCES have, prints how many did. */
const CHECK_IN_AND_WAIT = [
  'touch "$1/$$"',
  `end=$(( $(date +%s) + ${CHECK_IN_WAIT_SECONDS} ))`,
  `while [ "$(ls "$1" | wc -l)" -lt ${TOGETHER_INSTANCES} ] && [ "$(date +%s)" -lt "$end" ]; do sleep 0.05; done`,
  'ls "$1" | wc -l',
].join('\n');

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

  it(
    'starts the instances at the same time rather than one after another',
    () => {
      // Each instance checks in, then waits (bounded) until all have checked in, and says how many it saw:
      // all of them only when none waits for another to end first. Nothing here depends on the machine's speed.
      const roll = mkdtempSync(join(tmpdir(), 'npg-fan-out-'));
      try {
        const outputs = splitFanOutOutput(
          runFanOut(TOGETHER_INSTANCES, ['sh', '-c', CHECK_IN_AND_WAIT, 'check-in', roll], {
            timeout: TOGETHER_TIMEOUT_MS,
          }),
          TOGETHER_INSTANCES,
        );
        expect(outputs.map((output) => output.stdout)).toEqual(
          Array.from({ length: TOGETHER_INSTANCES }, () => `${TOGETHER_INSTANCES}\n`),
        );
      } finally {
        rmSync(roll, { recursive: true, force: true });
      }
    },
    TOGETHER_TIMEOUT_MS + 10_000,
  );

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

  it('gives each instance its own value of the one argument that differs, never interpolated', () => {
    const values = ['42424', 'a b', '$(echo no)'];
    const [program, ...args] = buildFanOutArgv(
      3,
      ['sh', '-c', 'printf "%s|%s" "$1" "$2"', 'x', 'SLOT', 'end'],
      {
        at: 4,
        values,
      },
    );
    const child = spawnSync(program ?? 'sh', args, { encoding: 'utf8' });
    const outputs = splitFanOutOutput(
      { stdout: child.stdout, stderr: child.stderr, exitCode: child.status },
      3,
    );
    expect(outputs.map((output) => output.stdout)).toEqual(values.map((value) => `${value}|end`));
  });

  it('refuses a nonsensical instance count', () => {
    expect(() => buildFanOutArgv(0, ['true'])).toThrow(RangeError);
  });
});
