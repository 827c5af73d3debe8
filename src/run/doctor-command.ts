/**
 * `netperf-gate doctor`: would a run with these flags work here? A checklist, each line passed or failed
 * with what to fix. Kubernetes adds its pre-checks (API, permissions, nodes, namespace) and a look inside
 * the pods; every target then creates what a run creates, runs netperf for 1 s on the pod path and on
 * the reference, and removes everything again (also on SIGINT/SIGTERM).
 */
import type { RunConfig } from '../config/run-config.js';
import { headlineMetric, metricUnit } from '../metrics/names.js';
import { buildNetperfArgs } from '../netperf/command.js';
import { parseNetperfOutput } from '../netperf/parse.js';
import { formatMetric } from '../report/format.js';
import { combineInstances } from '../results/sample.js';
import type { Scenario } from '../suite/model.js';
import { createTarget } from '../targets/create.js';
import type { DoctorCheck, NetperfPair, Target } from '../targets/target.js';
import { EXIT_INFRA, EXIT_OK, formatError } from '../util/errors.js';
import { withSignalCleanup } from './interrupt.js';
import { resolveSuite } from './run-command.js';
import type { RunIo } from './session.js';

export type { DoctorCheck } from '../targets/target.js';

/** Length of the doctor's netperf, in seconds: enough to see figures, short enough to wait for. */
export const DOCTOR_NETPERF_SECONDS = 1;

/**
 * The scenario the doctor measures: one TCP_RR instance for 1 s in the pods of the suite's smallest
 * sized profile (the one whose exclusive cores matter most), or unlimited pods when none is sized.
 */
export function doctorScenario(scenarios: readonly Scenario[]): Scenario {
  const sized = scenarios.filter((scenario) => scenario.cpus !== null);
  const pool = sized.length > 0 ? sized : scenarios;
  const smallest = pool.reduce<Scenario | undefined>(
    (best, scenario) => (best === undefined || (scenario.cpus ?? 0) < (best.cpus ?? 0) ? scenario : best),
    undefined,
  );
  if (smallest === undefined) throw new Error('doctor needs a scenario');
  return {
    ...smallest,
    name: `doctor_${smallest.name}`,
    test: 'TCP_RR',
    concurrency: 1,
    durationSeconds: DOCTOR_NETPERF_SECONDS,
    samples: 1,
    sendSizeBytes: null,
  };
}

async function netperfCheck(pair: NetperfPair, scenario: Scenario, path: string): Promise<DoctorCheck> {
  const name = `netperf ${path}`;
  try {
    const argv = buildNetperfArgs(scenario, pair.endpoint(scenario));
    const outputs = await pair.runNetperf(scenario, [argv]);
    const metrics = combineInstances(scenario.test, outputs.map(parseNetperfOutput));
    const metric = headlineMetric(scenario.test);
    const value = metrics[metric];
    const figure = value === undefined ? 'no figure' : `${formatMetric(metric, value)} ${metricUnit(metric)}`;
    return { name, status: 'pass', detail: `${scenario.durationSeconds} s ${scenario.test}: ${figure}` };
  } catch (error) {
    return {
      name,
      status: 'fail',
      detail: formatError(error),
      fix: 'netperf must reach netserver on its control port and a data port (a NetworkPolicy or firewall in between?)',
    };
  }
}

/** What a target adds to the generic checks (Kubernetes: pre-checks and a look inside the pods). */
interface TargetDoctor {
  target: Target;
  precheck(setupCpus: number | null): Promise<{ checks: DoctorCheck[]; go: boolean }>;
  inspect(scenario: Scenario): Promise<DoctorCheck[]>;
}

async function targetDoctor(
  config: RunConfig,
  scenarios: readonly Scenario[],
  io: RunIo,
): Promise<TargetDoctor> {
  if (config.target === 'kubernetes') {
    const { createKubernetesDoctor } = await import('../targets/kubernetes/doctor.js');
    return createKubernetesDoctor(
      { ...config.kubernetes, hostNetworkReference: config.reference },
      scenarios,
      io.log,
    );
  }
  const target = await createTarget(config, io.log);
  return { target, precheck: async () => ({ checks: [], go: true }), inspect: async () => [] };
}

/** Creates what a run creates, looks inside, runs netperf on both paths; always cleans up. */
async function tryTarget(doctor: TargetDoctor, scenario: Scenario): Promise<DoctorCheck[]> {
  const { target } = doctor;
  const checks: DoctorCheck[] = [];
  try {
    await target.prepare([scenario]);
    checks.push({
      name: 'setup',
      status: 'pass',
      detail: `${target.kind} target prepared for ${scenario.name}`,
    });
    await target.useProfile?.(scenario);
    checks.push(...(await doctor.inspect(scenario)));
    checks.push(await netperfCheck(target, scenario, 'pod path'));
    if (target.reference) checks.push(await netperfCheck(target.reference, scenario, 'reference path'));
    else
      checks.push({
        name: 'netperf reference path',
        status: 'skip',
        detail: 'no reference (--no-reference, or refused)',
      });
  } catch (error) {
    checks.push({ name: 'setup', status: 'fail', detail: formatError(error) });
  } finally {
    await target.cleanup();
  }
  return checks;
}

/** Runs every check the config's target allows; never throws for what a check can report. */
export async function doctor(config: RunConfig, io: RunIo): Promise<DoctorCheck[]> {
  const suite = await resolveSuite(config, io.files);
  const scenario = doctorScenario(suite.scenarios);
  const doctor = await targetDoctor(config, suite.scenarios, io);
  const pre = await doctor.precheck(scenario.cpus);
  if (!pre.go) {
    return [
      ...pre.checks,
      { name: 'setup', status: 'skip', detail: 'not tried: fix the failures above first' },
    ];
  }
  const target = doctor.target;
  const tried = await withSignalCleanup(
    () => target.cleanup(),
    () => tryTarget(doctor, scenario),
    io.log,
  );
  return [...pre.checks, ...tried];
}

const MARKS: Readonly<Record<DoctorCheck['status'], string>> = {
  pass: 'ok',
  warn: 'warn',
  fail: 'FAIL',
  skip: 'skip',
};

/** The checklist for people: one line per check, a fix line under each failure or warning, a verdict. */
export function formatDoctor(checks: readonly DoctorCheck[]): string {
  const width = Math.max(...checks.map((check) => check.name.length));
  const lines = checks.flatMap((check) => [
    `${MARKS[check.status].padEnd(4)}  ${check.name.padEnd(width)}  ${check.detail}`,
    ...(check.fix !== undefined && check.status !== 'pass'
      ? [`${' '.repeat(width + 8)}fix: ${check.fix}`]
      : []),
  ]);
  const failed = checks.filter((check) => check.status === 'fail').length;
  const warned = checks.filter((check) => check.status === 'warn').length;
  const verdict =
    failed > 0
      ? `doctor: ${failed} check${failed > 1 ? 's' : ''} failed: a run would not work here`
      : `doctor: a run would work here${warned > 0 ? ` (${warned} warning${warned > 1 ? 's' : ''})` : ''}`;
  return `${lines.join('\n')}\n${verdict}\n`;
}

/** 0 when a run would work (warnings allowed), 3 when a check failed. */
export function doctorExitCode(checks: readonly DoctorCheck[]): number {
  return checks.some((check) => check.status === 'fail') ? EXIT_INFRA : EXIT_OK;
}
