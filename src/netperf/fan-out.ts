import { InfraError } from '../util/errors.js';
import type { ProcessOutput } from '../util/process.js';

/**
 * Starts N copies of a command together from ONE process and prints their outputs one after another,
 * framed by marker lines. Why: starting 32 netperf processes one spawn (or one Kubernetes exec) at a
 * time spreads their starts over most of a second on a busy 2-core machine — the first ones already
 * load the CPU while the last ones still set up — so runs overlap badly and take ~1.5–2× their
 * duration (measured here: 32 × TCP_RR -l 3 from Node spawns 4.5–6.1 s; from this script 3.2 s).
 * A shell forks the copies within milliseconds. The command arrives as "$@" (never interpolated).
 */
export const FAN_OUT_SCRIPT = [
  'n=$1; shift',
  'dir=$(mktemp -d) || exit 97',
  'pids=""',
  'trap \'kill $pids 2>/dev/null; rm -rf "$dir"; exit 143\' INT TERM',
  'i=1',
  'while [ "$i" -le "$n" ]; do "$@" >"$dir/$i.out" 2>"$dir/$i.err" & pids="$pids $!"; i=$((i+1)); done',
  'i=1',
  'for pid in $pids; do wait "$pid"; echo $? >"$dir/$i.rc"; i=$((i+1)); done',
  'i=1',
  'while [ "$i" -le "$n" ]; do',
  '  printf \'\\n@@netperf-gate instance %s exit %s@@\\n\' "$i" "$(cat "$dir/$i.rc")"',
  '  cat "$dir/$i.out"',
  '  printf \'\\n@@netperf-gate instance %s stderr@@\\n\' "$i"',
  '  cat "$dir/$i.err"',
  '  i=$((i+1))',
  'done',
  'rm -rf "$dir"',
].join('\n');

/**
 * Like {@link FAN_OUT_SCRIPT}, for instances that differ in one argument (netperf's fixed data port):
 * "$1" instances, "$2" the 1-based position of that argument in the command, then one value per
 * instance, then the command. The values are kept in v1..vN by `eval` of digits only; each instance's
 * command is rebuilt with `set --` (POSIX sh has no arrays), never interpolated.
 */
export const FAN_OUT_EACH_SCRIPT = FAN_OUT_SCRIPT.replace(
  'n=$1; shift',
  [
    'n=$1; at=$2; shift 2',
    'i=1; while [ "$i" -le "$n" ]; do eval "v$i=\\$1"; shift; i=$((i+1)); done',
    'one() { val=$1; shift; count=$#; k=0',
    '  for a in "$@"; do k=$((k+1)); if [ "$k" -eq "$at" ]; then set -- "$@" "$val"; else set -- "$@" "$a"; fi; done',
    '  shift "$count"; exec "$@"; }',
  ].join('\n'),
).replace('do "$@" >"$dir', 'do eval "val=\\$v$i"; one "$val" "$@" >"$dir');

/** `$0` of the fan-out scripts: tells them apart in `ps` and in exec messages. */
export const FAN_OUT_NAME = 'netperf-gate-fan-out';
export const FAN_OUT_EACH_NAME = 'netperf-gate-fan-out-each';

/** One argument that differs between instances: its index in the command and each instance's value. */
export interface ArgVariation {
  /** Index in `command` (0 is the program). */
  at: number;
  /** One value per instance. */
  values: readonly string[];
}

/**
 * The argv that runs `instances` copies of `command` together through FAN_OUT_SCRIPT, or, with a
 * variation, through FAN_OUT_EACH_SCRIPT with instance i's own value at `variation.at`.
 */
export function buildFanOutArgv(
  instances: number,
  command: readonly string[],
  variation?: ArgVariation,
): string[] {
  if (!Number.isInteger(instances) || instances < 1)
    throw new RangeError(`instances must be ≥ 1, got ${instances}`);
  if (variation === undefined)
    return ['sh', '-c', FAN_OUT_SCRIPT, FAN_OUT_NAME, String(instances), ...command];
  if (variation.values.length !== instances || variation.at < 0 || variation.at >= command.length)
    throw new RangeError('a variation needs one value per instance and an index into the command');
  const { at, values } = variation;
  return [
    'sh',
    '-c',
    FAN_OUT_EACH_SCRIPT,
    FAN_OUT_EACH_NAME,
    String(instances),
    String(at + 1),
    ...values,
    ...command,
  ];
}

/** Each marker starts with its own newline, so an output cut without a final newline stays cut. */
const MARKER = /\n@@netperf-gate instance (\d+) (?:exit (\d+)|stderr)@@\n/;

function fanOutFailure(output: ProcessOutput, why: string): InfraError {
  const first = (output.stderr.trim().split('\n')[0] ?? '').slice(0, 200);
  const said = first === '' ? '' : `: ${first}`;
  return new InfraError(
    `starting netperf instances together failed (${why})${said}; run with --debug and check sh on the client`,
  );
}

/** Splits the fan-out script's output back into one ProcessOutput per instance, in order. */
export function splitFanOutOutput(output: ProcessOutput, instances: number): ProcessOutput[] {
  if (output.exitCode !== 0) throw fanOutFailure(output, `exit ${output.exitCode ?? 'by signal'}`);
  // split() with capture groups yields: text, instance, exit code (or undefined for stderr), text, …
  const parts = output.stdout.split(new RegExp(MARKER.source, 'g'));
  const results: ProcessOutput[] = [];
  for (let at = 1; at + 2 < parts.length; at += 3) {
    const exitCode = parts[at + 1];
    const text = parts[at + 2] ?? '';
    const current = results.at(-1);
    if (exitCode !== undefined) results.push({ stdout: text, stderr: '', exitCode: Number(exitCode) });
    else if (current) current.stderr = text;
  }
  if (results.length !== instances) throw fanOutFailure(output, `${results.length} of ${instances} outputs`);
  return results;
}
