/**
 * When the netperf instances of a sample can start from one fan-out shell (src/netperf/fan-out.ts):
 * pure, shared by the targets.
 */
import { buildFanOutArgv } from '../netperf/fan-out.js';

/**
 * The argument list every instance runs, when there are several and all are the same (what the runner
 * asks for without fixed data ports): one fan-out process can then start them together. Undefined
 * otherwise: a single instance needs no fan-out.
 */
export function sharedArgv(argvs: readonly (readonly string[])[]): readonly string[] | undefined {
  const [first] = argvs;
  if (argvs.length < 2 || first === undefined) return undefined;
  const text = JSON.stringify(first);
  return argvs.every((argv) => JSON.stringify(argv) === text) ? first : undefined;
}

/**
 * When several argument lists are the same but for one argument (netperf's data port): the first list,
 * that argument's index and every list's value there, so one fan-out process can start them together.
 * Undefined otherwise.
 */
export function argVariation(
  argvs: readonly (readonly string[])[],
): { argv: readonly string[]; at: number; values: string[] } | undefined {
  const [first] = argvs;
  if (argvs.length < 2 || first === undefined) return undefined;
  if (argvs.some((argv) => argv.length !== first.length)) return undefined;
  const differing = first.flatMap((_, at) => (argvs.some((argv) => argv[at] !== first[at]) ? [at] : []));
  const [at] = differing;
  if (differing.length !== 1 || at === undefined) return undefined;
  return { argv: first, at, values: argvs.map((argv) => argv[at] ?? '') };
}

/**
 * The one command that starts every instance of `program` together (identical lists, or lists that
 * differ in one argument: the fan-out script puts each one's value in place), or undefined when they
 * must run as separate processes.
 */
export function fanOutCommand(program: string, argvs: readonly (readonly string[])[]): string[] | undefined {
  const shared = sharedArgv(argvs);
  if (shared !== undefined) return buildFanOutArgv(argvs.length, [program, ...shared]);
  const varying = argVariation(argvs);
  if (varying === undefined) return undefined;
  return buildFanOutArgv(argvs.length, [program, ...varying.argv], {
    at: varying.at + 1,
    values: varying.values,
  });
}
