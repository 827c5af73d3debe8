/**
 * When the netperf instances of a sample can start from one fan-out shell (src/netperf/fan-out.ts):
 * pure, shared by the targets.
 */

/**
 * The argument list every instance runs, when there are several and all are the same (what the runner
 * asks for): one fan-out process can then start them together. Undefined otherwise: a single instance
 * needs no fan-out, and different instances cannot share one.
 */
export function sharedArgv(argvs: readonly (readonly string[])[]): readonly string[] | undefined {
  const [first] = argvs;
  if (argvs.length < 2 || first === undefined) return undefined;
  const text = JSON.stringify(first);
  return argvs.every((argv) => JSON.stringify(argv) === text) ? first : undefined;
}
