/** The CLI commands equivalent to a fleet step's inputs, for the job summary's "how to reproduce locally". Pure. */
import { DEFAULT_FLEET_SEED } from '../config/fleet-config.js';
import { formatPlanSpec } from '../fleet/plan.js';
import { fencedBlock } from '../report/markdown-text.js';
import type { FleetActionSettings } from './fleet-inputs.js';
import { CLI_COMMAND, kubeconfigNote, option, shellQuote, targetArgs } from './reproduce.js';

/** Where a fleet step's baseline fleet came from. */
export type FleetBaselineOrigin =
  | { kind: 'file'; path: string }
  | { kind: 'artifact'; runId: number; repository: string; artifactName: string }
  | { kind: 'none' };

/** Where the commands put a downloaded baseline fleet. */
const LOCAL_BASELINE_DIR = 'baseline';

function baselineSteps(origin: FleetBaselineOrigin): { before: string[]; path?: string } {
  switch (origin.kind) {
    case 'file':
      return { before: [], path: origin.path };
    case 'artifact': {
      const folder = `${LOCAL_BASELINE_DIR}/${origin.runId}`;
      const download = `gh run download ${origin.runId} --repo ${shellQuote(origin.repository)} --name ${shellQuote(origin.artifactName)} --dir ${folder}`;
      return { before: [download], path: `${folder}/fleet.json` };
    }
    case 'none':
      return { before: [] };
  }
}

/**
 * The commands that measure the same fleet on a workstation: fetch the baseline fleet (when it was an
 * artifact), then `fleet` with every input that was given. The local target needs root.
 */
export function fleetReproduceCommands(settings: FleetActionSettings, origin: FleetBaselineOrigin): string[] {
  const { fleet } = settings;
  const { before, path } = baselineSteps(origin);
  const args = [
    `${fleet.target === 'local' ? 'sudo ' : ''}${CLI_COMMAND} fleet`,
    ...targetArgs(fleet, settings.kubeconfigText !== undefined),
  ];
  option(args, '--nodes', fleet.nodes);
  option(args, '--plan', fleet.plan === undefined ? undefined : formatPlanSpec(fleet.plan));
  if (fleet.seed !== DEFAULT_FLEET_SEED) option(args, '--seed', fleet.seed);
  option(args, '--parallel', fleet.parallel);
  option(args, '--baseline', path);
  args.push('--out', 'fleet.json', '--markdown', 'fleet.md', '--html', 'fleet.html');
  return [...kubeconfigNote(settings.kubeconfigText), ...before, args.join(' ')];
}

/** The job summary with the reproduce section at its end, as the gate's has. */
export function withReproduceSection(markdown: string, commands: readonly string[]): string {
  return `${markdown.trimEnd()}\n\n### How to reproduce locally\n\n${fencedBlock(commands.join('\n'), 'sh')}\n`;
}
