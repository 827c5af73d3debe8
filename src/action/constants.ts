/** Names of the action's inputs, outputs and saved state: action.yml and the code agree through here. */

/** Inputs, as action.yml names them. */
export const Inputs = {
  Mode: 'mode',
  Target: 'target',
  Kubeconfig: 'kubeconfig',
  Context: 'context',
  Namespace: 'namespace',
  ClientNode: 'client-node',
  ServerNode: 'server-node',
  NodeSelector: 'node-selector',
  Tolerations: 'tolerations',
  AllowControlPlane: 'allow-control-plane',
  Image: 'image',
  IpFamily: 'ip-family',
  Scenarios: 'scenarios',
  Suite: 'suite',
  Samples: 'samples',
  Duration: 'duration',
  Reference: 'reference',
  Baseline: 'baseline',
  BaselineRuns: 'baseline-runs',
  Threshold: 'threshold',
  Thresholds: 'thresholds',
  EnvironmentPolicy: 'environment-policy',
  MaxSamples: 'max-samples',
  FailOnInconclusive: 'fail-on-inconclusive',
  Alpha: 'alpha',
  FailOnRegression: 'fail-on-regression',
  UploadArtifact: 'upload-artifact',
  ArtifactName: 'artifact-name',
  RetentionDays: 'retention-days',
  CommentOnPr: 'comment-on-pr',
  GithubToken: 'github-token',
  ReportDir: 'report-dir',
  Exports: 'exports',
  Nodes: 'nodes',
  Plan: 'plan',
  Seed: 'seed',
  Parallel: 'parallel',
} as const;

/** One of the input names. */
export type InputName = (typeof Inputs)[keyof typeof Inputs];

/** Outputs, as action.yml names them. */
export const Outputs = {
  Verdict: 'verdict',
  Regressions: 'regressions',
  Improvements: 'improvements',
  ResultsPath: 'results-path',
  ReportPath: 'report-path',
  Summary: 'summary',
  /** mode fleet: nodes named slow, comma-separated. */
  SlowNodes: 'slow-nodes',
  /** mode fleet: nodes slower than in the baseline fleet. */
  SlowerNodes: 'slower-nodes',
  /** mode fleet: every node named an outlier, slow or fast. */
  OutlierNodes: 'outlier-nodes',
} as const;

/** What the main step saves for the post step (the runner hands it back as STATE_<name>). */
export const State = {
  /** Set by the main step: the same entry file then runs as the post step. */
  IsPost: 'isPost',
  /** JSON {@link import('./post-impl.js').KubernetesCleanupState}: what the post step deletes. */
  KubernetesCleanup: 'kubernetesCleanup',
  /** The kubeconfig file the main step wrote from the `kubeconfig` input, removed by the post step. */
  KubeconfigFile: 'kubeconfigFile',
  /** `true` when the main step measured on the local target: the post step sweeps what a killed run left. */
  LocalTarget: 'localTarget',
} as const;

/** `baseline: default-branch`: gather the results artifacts of the base branch's last push runs. */
export const DEFAULT_BRANCH_BASELINE = 'default-branch';

/** Hidden marker that finds the action's own comment on a pull request (the default artifact-name's). */
export const COMMENT_MARKER = '<!-- netperf-gate -->';

/**
 * The marker of the comment of one `artifact-name`: matrix legs with their own artifact names keep
 * their own comments. The default name keeps the marker earlier versions wrote.
 */
export function commentMarkerOf(artifactName: string): string {
  return artifactName === 'netperf-gate-results' ? COMMENT_MARKER : `<!-- netperf-gate ${artifactName} -->`;
}

/** Files the main step writes into report-dir (and uploads as the artifact). */
export const ReportFiles = {
  Results: 'results.json',
  Markdown: 'report.md',
  Html: 'report.html',
  Baseline: 'baseline.json',
  RawFolder: 'raw',
  /** mode fleet: the fleet results (what `baseline: default-branch` looks for in a fleet's artifact). */
  FleetResults: 'fleet.json',
  FleetMarkdown: 'fleet.md',
  FleetHtml: 'fleet.html',
} as const;

/** What the action does: gate one node pair (default), or measure a fleet and name its slow nodes. */
export const ACTION_MODES = ['gate', 'fleet'] as const;
export type ActionMode = (typeof ACTION_MODES)[number];
