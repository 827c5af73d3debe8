import type { Scenario } from '../suite/model.js';
import { InfraError, UsageError } from '../util/errors.js';
import { NETPERF_SELECTORS } from './columns.js';

/**
 * Fixed ports for netperf's data connections (test-specific `-P ,PORT`, as k8s-netperf does): instance i
 * of a sample uses `first + i` on the server side, so that a NetworkPolicy can allow exactly the control
 * port and this range; without them netserver picks a random port per test.
 */
export interface DataPorts {
  first: number;
  /** How many: the most instances one sample may run. */
  count: number;
}

/** Where a scenario's netserver listens, as seen from its client. */
export interface ServerEndpoint {
  /** Address of the server pod / namespace (an IPv4 address or an IPv6 literal). */
  host: string;
  /** netserver's control port. */
  port: number;
  /** Fixed data ports, when the target has them (Kubernetes); undefined: netserver's random ones. */
  dataPorts?: DataPorts;
}

export { NETPERF_SELECTORS, type NetperfSelector } from './columns.js';

/** Choices about one netperf invocation that are not part of the scenario. */
export interface NetperfArgsOptions {
  /**
   * Ask netperf for local and remote CPU utilisation (`-c -C`). Default true: CPU is half of what
   * the gate compares. Turning it off only makes sense for quick checks.
   */
  measureCpu?: boolean;
  /** Which of the sample's concurrent instances this is (0-based): picks its data port. Default 0. */
  instance?: number;
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

/** `-P ,PORT`: the server side's data port of instance `instance` (the client's stays ephemeral). */
function dataPortArgs(endpoint: ServerEndpoint, instance: number): string[] {
  const ports = endpoint.dataPorts;
  if (ports === undefined) return [];
  if (!Number.isInteger(instance) || instance < 0 || instance >= ports.count) {
    throw new InfraError(
      `netperf instance ${instance + 1} has no data port: the target allows ${ports.count} (${ports.first}–${ports.first + ports.count - 1}); lower the scenario's concurrency`,
    );
  }
  return ['-P', `,${ports.first + instance}`];
}

/**
 * The argument list (without the program name) for one netperf instance of a scenario:
 * `-H host -p port -t TEST -l SECONDS -c -C -P 1 -- -o SELECTORS [-m SIZE | -r REQ,RESP] [-P ,DATAPORT]`.
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
    ...dataPortArgs(endpoint, options.instance ?? 0),
  ];
}
