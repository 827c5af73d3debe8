/** The CLI commands equivalent to the action's inputs, for the report's "how to reproduce locally". Pure. */
import { DEFAULT_IMAGE, type RunConfig } from '../config/run-config.js';
import { CLI_COMMAND, shellQuote } from '../util/shell.js';
import type { ActionSettings } from './inputs.js';

export { CLI_COMMAND, shellQuote };

/** Where the reproduce commands put a downloaded baseline. */
const LOCAL_BASELINE_DIR = 'baseline';

/** Where the baseline of this run came from, as the reproduce commands need it. */
export type BaselineOrigin =
  | { kind: 'file'; path: string }
  | { kind: 'artifact'; runIds: number[]; repository: string; artifactName: string }
  | { kind: 'none' };

/** Appends `flag value` (quoted for the shell) when the value is given. */
export function option(args: string[], flag: string, value: string | number | undefined): void {
  if (value !== undefined) args.push(flag, shellQuote(String(value)));
}

/** What both `gate` and `fleet` take alike: the target, its Kubernetes settings and the suite. */
export type TargetShape = Pick<
  RunConfig,
  'target' | 'suitePath' | 'scenarioNames' | 'samples' | 'durationSeconds' | 'reference' | 'kubernetes'
>;

/** The CLI flags of the target and suite settings; `kubeconfigGiven`: the input's content, as kubeconfig.yaml. */
export function targetArgs(run: TargetShape, kubeconfigGiven: boolean): string[] {
  const args = ['--target', run.target];
  option(args, '--suite', run.suitePath);
  option(args, '--scenarios', run.scenarioNames?.join(','));
  option(args, '--samples', run.samples);
  option(args, '--duration', run.durationSeconds);
  if (!run.reference) args.push('--no-reference');
  if (run.target !== 'kubernetes') return args;
  const k8s = run.kubernetes;
  if (kubeconfigGiven) option(args, '--kubeconfig', 'kubeconfig.yaml');
  option(args, '--context', k8s.context);
  option(args, '--namespace', k8s.namespace);
  option(args, '--client-node', k8s.clientNode);
  option(args, '--server-node', k8s.serverNode);
  option(args, '--node-selector', k8s.nodeSelector);
  option(args, '--ip-family', k8s.ipFamily);
  for (const toleration of k8s.tolerations) option(args, '--toleration', toleration);
  if (k8s.allowControlPlane === true) args.push('--allow-control-plane');
  if (k8s.image !== DEFAULT_IMAGE) option(args, '--image', k8s.image);
  return args;
}

function judgeArgs(settings: ActionSettings): string[] {
  const args: string[] = [];
  option(args, '--thresholds', settings.judge.thresholdsPath);
  option(args, '--threshold', settings.judge.thresholdPct);
  if (settings.judge.environmentPolicy !== 'warn') {
    option(args, '--environment-policy', settings.judge.environmentPolicy);
  }
  option(args, '--alpha', settings.judge.alpha);
  option(args, '--max-samples', settings.maxSamples);
  if (settings.failOnInconclusive) args.push('--fail-on-inconclusive');
  return args;
}

function baselineSteps(origin: BaselineOrigin): { before: string[]; paths: string[] } {
  switch (origin.kind) {
    case 'file':
      return { before: [], paths: [origin.path] };
    case 'artifact': {
      // One folder per run; --baseline repeated takes each run's results.json.
      const folder = (runId: number) => `${LOCAL_BASELINE_DIR}/${runId}`;
      const downloads = origin.runIds.map(
        (runId) =>
          `gh run download ${runId} --repo ${shellQuote(origin.repository)} --name ${shellQuote(origin.artifactName)} --dir ${folder(runId)}`,
      );
      return { before: downloads, paths: origin.runIds.map((runId) => `${folder(runId)}/results.json`) };
    }
    case 'none':
      return { before: [], paths: [`${LOCAL_BASELINE_DIR}/results.json`] };
  }
}

/**
 * The commands that run the same gate on a workstation: fetch the baseline (when it was an
 * artifact), then `gate` with every input that was given. The local target needs root.
 */
export function reproduceCommands(settings: ActionSettings, origin: BaselineOrigin): string[] {
  const { before, paths } = baselineSteps(origin);
  const sudo = settings.run.target === 'local' ? 'sudo ' : '';
  const gate = [
    `${sudo}${CLI_COMMAND} gate`,
    ...targetArgs(settings.run, settings.kubeconfigText !== undefined),
    ...judgeArgs(settings),
    ...paths.flatMap((path) => ['--baseline', shellQuote(path)]),
    '--out',
    'results.json',
  ].join(' ');
  return [...kubeconfigNote(settings.kubeconfigText), ...before, gate];
}

/** The comment explaining kubeconfig.yaml, when the workflow passed the kubeconfig as input. */
export function kubeconfigNote(kubeconfigText: string | undefined): string[] {
  return kubeconfigText === undefined
    ? []
    : ['# kubeconfig.yaml: the kubeconfig the workflow passed as input'];
}
