/**
 * When the netperf instances of a sample can start from one fan-out shell (src/netperf/fan-out.ts):
 * pure, shared by the targets.
 */

/**
 * The argument list every instance runs, when there are several and all are the same (what the runner
 * asks for): one fan-out process can then start them together. Undefined otherwise: a single instance
 * needs no fan-out, and different instances cannot share one.
 */
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

export function sharedArgv(argvs: readonly (readonly string[])[]): readonly string[] | undefined {
  const [first] = argvs;
  if (argvs.length < 2 || first === undefined) return undefined;
  const text = JSON.stringify(first);
  return argvs.every((argv) => JSON.stringify(argv) === text) ? first : undefined;
}
