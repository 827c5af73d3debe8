/**
 * The `mode` input, and the inputs only one mode reads: given with the other mode they are refused
 * (one line naming the input) rather than ignored, as the CLI refuses the other target's flags.
 *
 * The runner passes every input's action.yml default as if it were given, so an input with a
 * non-empty default counts as given only when its value differs from that default.
 */
import { parseChoice } from '../config/parse-flags.js';
import { UsageError } from '../util/errors.js';
import { ACTION_MODES, type ActionMode, type InputName, Inputs } from './constants.js';
import type { InputReader } from './input-read.js';

/** Inputs `mode: gate` reads and `mode: fleet` does not (one pair of nodes, judged against a baseline). */
export const GATE_ONLY_INPUTS: readonly InputName[] = [
  Inputs.ClientNode,
  Inputs.ServerNode,
  Inputs.Threshold,
  Inputs.Thresholds,
  Inputs.EnvironmentPolicy,
  Inputs.MaxSamples,
  Inputs.FailOnInconclusive,
  Inputs.Alpha,
  Inputs.BaselineRuns,
  Inputs.CommentOnPr,
  Inputs.Exports,
];

/** Inputs only `mode: fleet` reads. */
export const FLEET_ONLY_INPUTS: readonly InputName[] = [
  Inputs.Nodes,
  Inputs.Plan,
  Inputs.Seed,
  Inputs.Parallel,
];

/** Inputs that only mean something on the Kubernetes target of a fleet (the CLI's fleet refuses them too). */
export const KUBERNETES_ONLY_INPUTS: readonly InputName[] = [
  Inputs.Kubeconfig,
  Inputs.Context,
  Inputs.Namespace,
  Inputs.NodeSelector,
  Inputs.Tolerations,
  Inputs.AllowControlPlane,
  Inputs.IpFamily,
];

/** `mode`: `gate` (default) or `fleet`. */
export function parseMode(read: InputReader): ActionMode {
  const value = read(Inputs.Mode).trim();
  return value === '' ? 'gate' : parseChoice(`input ${Inputs.Mode}`, value, ACTION_MODES);
}

/** The first of `names` given a value other than its default, if any. */
export function firstGiven(
  read: InputReader,
  names: readonly InputName[],
  defaults: Partial<Record<InputName, string>>,
): InputName | undefined {
  return names.find((name) => {
    const value = read(name).trim();
    return value !== '' && value !== (defaults[name] ?? '');
  });
}

/** Throws a one-line UsageError naming the first input of the other mode that was given. */
export function refuseInputsOfOtherMode(
  read: InputReader,
  mode: ActionMode,
  defaults: Partial<Record<InputName, string>>,
): void {
  const other = firstGiven(read, mode === 'fleet' ? GATE_ONLY_INPUTS : FLEET_ONLY_INPUTS, defaults);
  if (other === undefined) return;
  const otherMode = mode === 'fleet' ? 'gate' : 'fleet';
  const hint = mode === 'fleet' ? 'leave it out with mode: fleet' : 'add mode: fleet, or leave it out';
  throw new UsageError(`input ${other} is for mode ${otherMode}; ${hint}`);
}
