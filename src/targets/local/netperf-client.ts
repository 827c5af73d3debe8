/**
 * netperf clients in a namespace, shared by the single local target and the local fleet: every
 * instance of a sample starts together, each run bounded by its duration plus a margin.
 */
import { splitFanOutOutput } from '../../netperf/fan-out.js';
import type { Scenario } from '../../suite/model.js';
import type { CommandRunner } from '../../util/process.js';
import { fanOutCommand } from '../same-command.js';
import type { ProcessOutput } from '../target.js';
import { allOrFirstFailure } from './lifecycle.js';
import { inNamespace } from './netservers.js';

/** Time a netperf run may take beyond its `-l` duration (start-up, control connection, CPU measurement). */
export const NETPERF_TIMEOUT_MARGIN_MS = 30_000;

/**
 * Starts every netperf process together in `namespace`, pinned to `cores` (null: unpinned), so the
 * connections overlap: identical instances through one fan-out shell (see fan-out.ts for why), others
 * as separate processes. Holds no state of its own, so calls for different namespaces may overlap.
 */
export async function runNetperfIn(
  runner: CommandRunner,
  namespace: string,
  cores: readonly number[] | null,
  scenario: Scenario,
  argvs: readonly (readonly string[])[],
): Promise<ProcessOutput[]> {
  const timeoutMs = scenario.durationSeconds * 1000 + NETPERF_TIMEOUT_MARGIN_MS;
  const fanOut = fanOutCommand('netperf', argvs);
  if (fanOut !== undefined) {
    const output = await runner.run(inNamespace(namespace, cores, fanOut), { timeoutMs });
    return splitFanOutOutput(output, argvs.length);
  }
  const runs = argvs.map((argv) =>
    runner.run(inNamespace(namespace, cores, ['netperf', ...argv]), { timeoutMs }),
  );
  return allOrFirstFailure(runs);
}
