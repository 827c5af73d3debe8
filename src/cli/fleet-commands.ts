/** `fleet` and `fleet-report` as commander commands: their flags, help and exit codes. */
import { type Command, Option } from 'commander';
import {
  ALL_PAIRS_MAX_NODES,
  DEFAULT_FLEET_DURATION_SECONDS,
  DEFAULT_FLEET_RESULTS_PATH,
  DEFAULT_FLEET_SAMPLES,
  DEFAULT_FLEET_SCENARIOS,
  DEFAULT_FLEET_SEED,
  DEFAULT_LOCAL_NODES,
  type FleetConfig,
  type FleetReportConfig,
  MAX_LOCAL_NODES,
  MIN_FLEET_NODES,
} from '../config/fleet-config.js';
import { TARGET_KINDS } from '../config/run-config.js';
import { type FleetFlags, type FleetReportFlags, toFleetConfig, toFleetReportConfig } from './fleet-flags.js';
import { addKubernetesOptions } from './run-flags.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The report flags `fleet` and `fleet-report` share. */
function addFleetReportOptions(command: Command): Command {
  return command
    .option('--baseline <file>', 'an earlier fleet results file: also name the nodes that got slower since')
    .option('--markdown <file>', 'write the Markdown report here')
    .option('--html <file>', 'write the HTML report here')
    .option('--outlier-z <z>', 'robust z beyond which a node is an outlier (default 3.5)')
    .option('--min-change <pct>', 'least difference from the fleet, in %, to name a node (default 10)')
    .option('--debug', 'print stack traces and process details');
}

const FLEET_EXIT_CODES = `
Exit codes: 0 no node named slow (and, with --baseline, none slower than then); 1 a node named slow or
slower than the baseline; 2 a usage error; 3 an infrastructure error (netperf, a pair, the cluster);
130/143 interrupted (cleaned up).`;

/** Adds `fleet` and `fleet-report` to the program. */
export function addFleetCommands(
  program: Command,
  onFleet: (config: FleetConfig) => void,
  onReport: (config: FleetReportConfig) => void,
): void {
  const fleet = program
    .command('fleet')
    .description('Measure many node pairs of a pool in rounds and name the slow nodes; exit 1 when one is.')
    .addOption(new Option('--target <kind>', 'where to measure').choices(TARGET_KINDS).default('local'))
    .option(
      '--nodes <n>',
      `local: namespaces playing the nodes (${MIN_FLEET_NODES}-${MAX_LOCAL_NODES}, default ${DEFAULT_LOCAL_NODES}); kubernetes: at most this many eligible nodes (default all)`,
    )
    .option(
      '--plan <spec>',
      `pairs to measure: ring, all or random:K (default: all up to ${ALL_PAIRS_MAX_NODES} nodes, random:3 above, decided once the nodes are known)`,
    )
    .option(
      '--seed <n>',
      'seed of random:K plans, recorded (same seed and nodes: same pairs)',
      String(DEFAULT_FLEET_SEED),
    )
    .option(
      '--parallel <n>',
      'most pairs measured at once (default: local 1, the nodes share this CPU; kubernetes ⌊N/2⌋)',
    )
    .option('--suite <file>', 'suite file (YAML or JSON); default: the built-in suite')
    .option(
      '--scenarios <list>',
      `scenario names (default with the built-in suite: ${DEFAULT_FLEET_SCENARIOS.join(',')})`,
    )
    .option(
      '--samples <n>',
      `reference/pod pairs per scenario and node pair (default ${DEFAULT_FLEET_SAMPLES})`,
    )
    .option('--duration <seconds>', `seconds per netperf run (default ${DEFAULT_FLEET_DURATION_SECONDS})`)
    .option(
      '--local-node-setup <node=cmd>',
      'local: command run in that node once it exists (repeatable)',
      collect,
      [],
    );
  addKubernetesOptions(fleet, { pairNodes: false })
    .option('--no-reference', 'measure the pod path only: no interleaved reference path')
    .option(
      '--timeout <duration>',
      'stop, clean up and exit 3 when the run takes longer, e.g. 2h (default: no limit)',
    )
    .option('--out <file>', 'where to write the fleet results JSON', DEFAULT_FLEET_RESULTS_PATH);
  addFleetReportOptions(fleet)
    .addHelpText('after', FLEET_EXIT_CODES)
    .action((flags: FleetFlags) => onFleet(toFleetConfig(flags)));
  addFleetReportOptions(
    program
      .command('fleet-report')
      .description('Analyse a stored fleet results file and print and write its reports, without measuring.')
      .requiredOption('--in <file>', 'fleet results file written by "netperf-gate fleet --out"'),
  )
    .addHelpText(
      'after',
      '\nExit codes: as fleet (0 no node named slow, 1 a node named slow or slower than the baseline, 2 usage).',
    )
    .action((flags: FleetReportFlags & { in: string }) => onReport(toFleetReportConfig(flags)));
}
