/**
 * Every input of the action, read in this one place and checked like the CLI checks its flags (same
 * parsers, same one-line UsageErrors naming the input).
 */
import { ENVIRONMENT_POLICIES } from '../compare/environment.js';
import { type JudgeConfig, MAX_ALPHA, MIN_ALPHA } from '../config/gate-config.js';
import { parseChoice, parsePercent } from '../config/parse-flags.js';
import { EXPORT_KINDS, type ExportRequest, parseExport } from '../config/report-config.js';
import { DEFAULT_IMAGE, IP_FAMILIES, type RunConfig, TARGET_KINDS } from '../config/run-config.js';
import { LIMITS } from '../suite/schema.js';
import { parseScenarioList } from '../suite/select.js';
import { UsageError } from '../util/errors.js';
import { DEFAULT_BRANCH_BASELINE, type InputName, Inputs, ReportFiles } from './constants.js';
import {
  copyGiven,
  given,
  type InputReader,
  label,
  parseBooleanInput,
  parseListInput,
  ranged,
} from './input-read.js';
import { refuseInputsOfOtherMode } from './mode-inputs.js';

export { type InputReader, parseBooleanInput, parseListInput } from './input-read.js';

/** Defaults of the inputs: action.yml declares the same (a test keeps them equal). */
export const INPUT_DEFAULTS = {
  [Inputs.Mode]: 'gate',
  [Inputs.Target]: 'kubernetes',
  [Inputs.Image]: DEFAULT_IMAGE,
  [Inputs.Reference]: 'true',
  [Inputs.AllowControlPlane]: 'false',
  [Inputs.Baseline]: DEFAULT_BRANCH_BASELINE,
  [Inputs.BaselineRuns]: '10',
  [Inputs.EnvironmentPolicy]: 'warn',
  [Inputs.FailOnInconclusive]: 'false',
  [Inputs.FailOnRegression]: 'true',
  [Inputs.UploadArtifact]: 'true',
  [Inputs.ArtifactName]: 'netperf-gate-results',
  [Inputs.CommentOnPr]: 'false',
  [Inputs.ReportDir]: 'netperf-gate-report',
} as const satisfies Partial<Record<InputName, string>>;

/** Where the baseline comes from. */
export type BaselineSource = { kind: 'file'; path: string } | { kind: 'default-branch' };

/** What both modes do alike: where the baseline comes from, the files, the artifact, failing the step. */
export interface SharedSettings {
  baseline: BaselineSource;
  /** Content of the `kubeconfig` input (already masked); undefined: the usual lookup. */
  kubeconfigText?: string;
  /** setFailed on a regression or a slow node (an error always fails). */
  failOnRegression: boolean;
  uploadArtifact: boolean;
  artifactName: string;
  /** Days GitHub keeps the uploaded artifact; undefined: the repository's setting. */
  retentionDays?: number;
  /** Token for the REST API (comments, runs, artifacts of other runs); may be empty outside GitHub. */
  githubToken: string;
  /** Folder for the results, the reports and what is uploaded. */
  reportDir: string;
}

/** The action's settings: the CLI's gate settings plus what only the action does. */
export interface ActionSettings extends SharedSettings {
  /** What to measure and where; `kubernetes.kubeconfigPath` is set once the kubeconfig input is written. */
  run: RunConfig;
  /** How the results are judged (thresholds, environment policy). */
  judge: JudgeConfig;
  /** Most pairs per scenario while undecided (the CLI's --max-samples); undefined: twice samples. */
  maxSamples?: number;
  /** An inconclusive verdict fails the step (the CLI's --fail-on-inconclusive). */
  failOnInconclusive: boolean;
  /** `baseline: default-branch`: how many of the base branch's last runs with the artifact to gather. */
  baselineRuns: number;
  commentOnPr: boolean;
  /** The CLI's `--export KIND=FILE`s (github-action-benchmark, bencher, csv). */
  exports: ExportRequest[];
}

/** Baseline runs gathered at most (each costs two or three API calls and a download). */
const BASELINE_RUNS_LIMITS = { min: 1, max: 30 };
/** GitHub keeps artifacts 1 to 90 days (400 on private repositories of some plans). */
const RETENTION_DAYS_LIMITS = { min: 1, max: 400 };

/** Characters @actions/artifact refuses in an artifact name. */
const ARTIFACT_NAME_FORBIDDEN = /[":<>|*?\r\n\\/]/;

export function withDefault(read: InputReader, name: keyof typeof INPUT_DEFAULTS): string {
  return given(read, name) ?? INPUT_DEFAULTS[name];
}

/** The run settings both modes read (target, Kubernetes settings, suite, reference). */
export function toRunConfig(read: InputReader, reportDir: string, debug: boolean): RunConfig {
  const text = (name: InputName) => given(read, name);
  const reference = parseBooleanInput(Inputs.Reference, withDefault(read, Inputs.Reference));
  const config: RunConfig = {
    target: parseChoice(label(Inputs.Target), withDefault(read, Inputs.Target), TARGET_KINDS),
    local: {},
    kubernetes: {
      tolerations: parseListInput(read(Inputs.Tolerations)),
      image: withDefault(read, Inputs.Image),
      hostNetworkReference: reference,
    },
    reference,
    outPath: `${reportDir}/${ReportFiles.Results}`,
    debug,
  };
  const scenarios = text(Inputs.Scenarios);
  const samples = text(Inputs.Samples);
  const duration = text(Inputs.Duration);
  copyGiven(config, {
    suitePath: text(Inputs.Suite),
    scenarioNames: scenarios === undefined ? undefined : parseScenarioList(scenarios.replace(/\n/g, ',')),
    samples: samples === undefined ? undefined : ranged(Inputs.Samples, samples, LIMITS.samples),
    durationSeconds:
      duration === undefined ? undefined : ranged(Inputs.Duration, duration, LIMITS.durationSeconds),
  });
  copyGiven(config.kubernetes, {
    context: text(Inputs.Context),
    namespace: text(Inputs.Namespace),
    clientNode: text(Inputs.ClientNode),
    serverNode: text(Inputs.ServerNode),
    nodeSelector: text(Inputs.NodeSelector),
  });
  const allowControlPlane = withDefault(read, Inputs.AllowControlPlane);
  if (parseBooleanInput(Inputs.AllowControlPlane, allowControlPlane))
    config.kubernetes.allowControlPlane = true;
  const ipFamily = text(Inputs.IpFamily);
  if (ipFamily !== undefined)
    config.kubernetes.ipFamily = parseChoice(label(Inputs.IpFamily), ipFamily, IP_FAMILIES);
  return config;
}

function toJudgeConfig(read: InputReader, debug: boolean): JudgeConfig {
  const policy = withDefault(read, Inputs.EnvironmentPolicy);
  const config: JudgeConfig = {
    environmentPolicy: parseChoice(label(Inputs.EnvironmentPolicy), policy, ENVIRONMENT_POLICIES),
    debug,
  };
  const thresholdsPath = given(read, Inputs.Thresholds);
  const threshold = given(read, Inputs.Threshold);
  if (thresholdsPath !== undefined) config.thresholdsPath = thresholdsPath;
  if (threshold !== undefined) config.thresholdPct = parsePercent(label(Inputs.Threshold), threshold);
  const alpha = given(read, Inputs.Alpha);
  if (alpha !== undefined) {
    const value = Number(alpha);
    if (!(value >= MIN_ALPHA && value <= MAX_ALPHA)) {
      throw new UsageError(
        `${label(Inputs.Alpha)} must be a number from ${MIN_ALPHA} to ${MAX_ALPHA}, got "${alpha}"`,
      );
    }
    config.alpha = value;
  }
  return config;
}

function toBaseline(read: InputReader): BaselineSource {
  const value = withDefault(read, Inputs.Baseline);
  return value === DEFAULT_BRANCH_BASELINE ? { kind: 'default-branch' } : { kind: 'file', path: value };
}

function toArtifactName(read: InputReader): string {
  const name = withDefault(read, Inputs.ArtifactName);
  if (ARTIFACT_NAME_FORBIDDEN.test(name)) {
    throw new UsageError(
      `${label(Inputs.ArtifactName)} "${name}" contains a character artifact names cannot have (" : < > | * ? \\ / or a line break)`,
    );
  }
  return name;
}

function toExports(read: InputReader): ExportRequest[] {
  return parseListInput(read(Inputs.Exports)).map((value) => {
    try {
      return parseExport(value);
    } catch {
      throw new UsageError(
        `${label(Inputs.Exports)} must list KIND=FILE with KIND one of ${EXPORT_KINDS.join(', ')}, got "${value}"`,
      );
    }
  });
}

/** Reads the inputs both modes share; `reportDir` without trailing slashes. */
export function toSharedSettings(read: InputReader): SharedSettings {
  const bool = (name: keyof typeof INPUT_DEFAULTS) => parseBooleanInput(name, withDefault(read, name));
  const settings: SharedSettings = {
    baseline: toBaseline(read),
    failOnRegression: bool(Inputs.FailOnRegression),
    uploadArtifact: bool(Inputs.UploadArtifact),
    artifactName: toArtifactName(read),
    githubToken: read(Inputs.GithubToken).trim(),
    reportDir: withDefault(read, Inputs.ReportDir).replace(/\/+$/, ''),
  };
  const retentionDays = given(read, Inputs.RetentionDays);
  if (retentionDays !== undefined) {
    settings.retentionDays = ranged(Inputs.RetentionDays, retentionDays, RETENTION_DAYS_LIMITS);
  }
  const kubeconfig = read(Inputs.Kubeconfig);
  if (kubeconfig.trim() !== '') settings.kubeconfigText = kubeconfig;
  return settings;
}

/**
 * Checks and converts the inputs of `mode: gate`. `debug` adds stack traces (the runner's step debug).
 * Throws a UsageError (exit code 2) naming the first input that is wrong.
 */
export function parseInputs(read: InputReader, debug = false): ActionSettings {
  refuseInputsOfOtherMode(read, 'gate', INPUT_DEFAULTS);
  const shared = toSharedSettings(read);
  const bool = (name: keyof typeof INPUT_DEFAULTS) => parseBooleanInput(name, withDefault(read, name));
  const run = toRunConfig(read, shared.reportDir, debug);
  const maxSamples = given(read, Inputs.MaxSamples);
  const settings: ActionSettings = {
    ...shared,
    run,
    judge: toJudgeConfig(read, debug),
    failOnInconclusive: bool(Inputs.FailOnInconclusive),
    baselineRuns: ranged(Inputs.BaselineRuns, withDefault(read, Inputs.BaselineRuns), BASELINE_RUNS_LIMITS),
    commentOnPr: bool(Inputs.CommentOnPr),
    exports: toExports(read),
  };
  if (maxSamples !== undefined) {
    settings.maxSamples = ranged(Inputs.MaxSamples, maxSamples, { min: run.samples ?? 1, max: 200 });
  }
  return settings;
}
