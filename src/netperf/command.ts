import type { Scenario } from '../suite/model.js';
import { InfraError, UsageError } from '../util/errors.js';
import { NETPERF_SELECTORS } from './columns.js';

/** Where a scenario's netserver listens, as seen from its client. */
export interface ServerEndpoint {
  /** Address of the server pod / namespace (an IPv4 address). */
  host: string;
  /** netserver's control port. */
  port: number;
}

export { NETPERF_SELECTORS, type NetperfSelector } from './columns.js';

/** Choices about one netperf invocation that are not part of the scenario. */
export interface NetperfArgsOptions {
  /**
   * Ask netperf for local and remote CPU utilisation (`-c -C`). Default true: CPU is half of what
   * the gate compares. Turning it off only makes sense for quick checks.
   */
  measureCpu?: boolean;
}

function requireWholeNumber(value: number, min: number, what: string, scenario: Scenario): void {
  if (!Number.isInteger(value) || value < min) {
    throw new UsageError(
      `Scenario '${scenario.name}': ${what} must be a whole number of at least ${min}, got ${value}.`,
    );
  }
}

function checkScenario(scenario: Scenario): void {
  // netperf reads -l as an integer: 0.5 becomes 0, which makes it run until killed.
  requireWholeNumber(scenario.durationSeconds, 1, 'durationSeconds (netperf -l)', scenario);
  if (scenario.test === 'TCP_RR') {
    requireWholeNumber(scenario.requestSizeBytes, 1, 'requestSizeBytes', scenario);
    requireWholeNumber(scenario.responseSizeBytes, 1, 'responseSizeBytes', scenario);
  } else if (scenario.sendSizeBytes !== null) {
    requireWholeNumber(scenario.sendSizeBytes, 1, 'sendSizeBytes', scenario);
  }
}

function checkEndpoint(endpoint: ServerEndpoint): void {
  // A host starting with '-' would be read by netperf as an option.
  const hostOk = /^[A-Za-z0-9][A-Za-z0-9.:_-]*$/.test(endpoint.host);
  const portOk = Number.isInteger(endpoint.port) && endpoint.port >= 1 && endpoint.port <= 65535;
  if (!hostOk || !portOk) {
    throw new InfraError(
      `The target gave netserver endpoint '${endpoint.host}' port ${endpoint.port}, which is not a valid ` +
        "host and port; check the target's netserver setup.",
    );
  }
}

function testSpecificArgs(scenario: Scenario): string[] {
  if (scenario.test === 'TCP_RR') {
    return ['-r', `${scenario.requestSizeBytes},${scenario.responseSizeBytes}`];
  }
  return scenario.sendSizeBytes === null ? [] : ['-m', String(scenario.sendSizeBytes)];
}

/**
 * The argument list (without the program name) for one netperf instance of a scenario:
 * `-H host -p port -t TEST -l SECONDS -c -C -P 1 -- -o SELECTORS [-m SIZE | -r REQ,RESP]`.
 * `-P 1` is always given because without it netperf prints no header and we map columns by name.
 * Throws UsageError for scenario values netperf would misread and InfraError for a bad endpoint.
 */
export function buildNetperfArgs(
  scenario: Scenario,
  endpoint: ServerEndpoint,
  options: NetperfArgsOptions = {},
): string[] {
  checkScenario(scenario);
  checkEndpoint(endpoint);
  const cpuArgs = (options.measureCpu ?? true) ? ['-c', '-C'] : [];
  return [
    '-H',
    endpoint.host,
    '-p',
    String(endpoint.port),
    '-t',
    scenario.test,
    '-l',
    String(scenario.durationSeconds),
    ...cpuArgs,
    '-P',
    '1',
    '--',
    '-o',
    NETPERF_SELECTORS.join(','),
    ...testSpecificArgs(scenario),
  ];
}
