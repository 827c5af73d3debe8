/** Inputs → settings: the same checks and one-line errors as the CLI's flags; action.yml agrees with the code. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Inputs, Outputs } from '../../src/action/constants.js';
import { INPUT_DEFAULTS, parseInputs, parseListInput } from '../../src/action/inputs.js';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';

interface ActionYaml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: Record<string, string>;
}

const actionYaml = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionYaml;

function reader(values: Record<string, string>) {
  return (name: string) => values[name] ?? '';
}

describe('action.yml', () => {
  it('declares every input the code reads, each with a description and a default, and no other', () => {
    expect(Object.keys(actionYaml.inputs).sort()).toEqual(Object.values(Inputs).sort());
    for (const [name, input] of Object.entries(actionYaml.inputs)) {
      expect([name, input.description.length > 20]).toEqual([name, true]);
      expect([name, typeof input.default]).toEqual([name, 'string']);
    }
  });

  it('declares the defaults the code applies when an input is empty', () => {
    for (const [name, value] of Object.entries(INPUT_DEFAULTS)) {
      expect([name, actionYaml.inputs[name]?.default]).toEqual([name, value]);
    }
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
    expect(actionYaml.inputs['github-token']?.default).toBe('${{ github.token }}');
  });

  it('declares every output the code sets', () => {
    expect(Object.keys(actionYaml.outputs).sort()).toEqual(Object.values(Outputs).sort());
  });

  it('runs the bundle on node24 as main and as an always-run post step', () => {
    expect(actionYaml.runs).toEqual({
      using: 'node24',
      main: 'dist/action/index.js',
      post: 'dist/action/index.js',
      'post-if': 'always()',
    });
  });
});

describe('parseInputs', () => {
  it('gives the defaults for empty inputs: Kubernetes, default-branch baseline, fail on regression', () => {
    const settings = parseInputs(reader({}));
    expect(settings.run).toEqual({
      target: 'kubernetes',
      local: {},
      kubernetes: { tolerations: [], image: DEFAULT_IMAGE, hostNetworkReference: true },
      reference: true,
      outPath: 'netperf-gate-report/results.json',
      debug: false,
    });
    expect(settings.judge).toEqual({ environmentPolicy: 'warn', debug: false });
    expect(settings).toMatchObject({
      baseline: { kind: 'default-branch' },
      failOnInconclusive: false,
      failOnRegression: true,
      uploadArtifact: true,
      artifactName: 'netperf-gate-results',
      commentOnPr: false,
      reportDir: 'netperf-gate-report',
      baselineRuns: 10,
      exports: [],
    });
    expect(settings.kubeconfigText).toBeUndefined();
    expect(settings.retentionDays).toBeUndefined();
  });

  it('maps every input onto the run, judge and action settings', () => {
    const settings = parseInputs(
      reader({
        target: 'kubernetes',
        kubeconfig: 'apiVersion: v1\n',
        context: 'perf',
        namespace: 'netperf',
        'client-node': 'node-a',
        'server-node': 'node-b',
        'node-selector': 'perf=true',
        tolerations: 'dedicated=perf:NoSchedule\nspot:Exists, gpu',
        image: 'example/netperf:1',
        'ip-family': 'ipv6',
        scenarios: 'tcp_rr_1cpu,\ntcp_stream_1',
        suite: 'perf/suite.yml',
        samples: '7',
        duration: '5',
        reference: 'False',
        baseline: 'perf/baseline.json',
        threshold: '7.5',
        thresholds: 'perf/thresholds.yml',
        'environment-policy': 'fail',
        'max-samples': '14',
        'fail-on-inconclusive': 'true',
        alpha: '0.01',
        'fail-on-regression': 'false',
        'upload-artifact': 'FALSE',
        'artifact-name': 'perf-results',
        'comment-on-pr': 'true',
        'github-token': 'ghs_x',
        'report-dir': 'out/report/',
        'baseline-runs': '20',
        'retention-days': '30',
        exports: 'csv=out/perf.csv\nbencher=out/bencher.json',
      }),
      true,
    );
    expect(settings.run).toEqual({
      target: 'kubernetes',
      suitePath: 'perf/suite.yml',
      scenarioNames: ['tcp_rr_1cpu', 'tcp_stream_1'],
      samples: 7,
      durationSeconds: 5,
      local: {},
      kubernetes: {
        context: 'perf',
        namespace: 'netperf',
        clientNode: 'node-a',
        serverNode: 'node-b',
        nodeSelector: 'perf=true',
        tolerations: ['dedicated=perf:NoSchedule', 'spot:Exists', 'gpu'],
        image: 'example/netperf:1',
        hostNetworkReference: false,
        ipFamily: 'ipv6',
      },
      reference: false,
      outPath: 'out/report/results.json',
      debug: true,
    });
    expect(settings.judge).toEqual({
      thresholdsPath: 'perf/thresholds.yml',
      thresholdPct: 7.5,
      environmentPolicy: 'fail',
      alpha: 0.01,
      debug: true,
    });
    expect(settings).toMatchObject({
      baseline: { kind: 'file', path: 'perf/baseline.json' },
      kubeconfigText: 'apiVersion: v1\n',
      maxSamples: 14,
      failOnInconclusive: true,
      failOnRegression: false,
      uploadArtifact: false,
      artifactName: 'perf-results',
      commentOnPr: true,
      githubToken: 'ghs_x',
      reportDir: 'out/report',
      baselineRuns: 20,
      retentionDays: 30,
      exports: [
        { kind: 'csv', path: 'out/perf.csv' },
        { kind: 'bencher', path: 'out/bencher.json' },
      ],
    });
  });

  it.each([
    [{ target: 'cloud' }, 'input target must be one of local, kubernetes, got "cloud"'],
    [{ samples: 'lots' }, 'input samples must be a whole number, got "lots"'],
    [{ samples: '0' }, 'input samples must be from 1 to 100, got 0'],
    [{ duration: '3601' }, 'input duration must be from 1 to 3600, got 3601'],
    [{ threshold: '0' }, 'input threshold must be a percentage above 0 and at most 1000, got "0"'],
    [
      { 'environment-policy': 'strict' },
      'input environment-policy must be one of warn, fail, ignore, got "strict"',
    ],
    [{ samples: '6', 'max-samples': '4' }, 'input max-samples must be from 6 to 200, got 4'],
    [{ alpha: '0.5' }, 'input alpha must be a number from 0.0001 to 0.2, got "0.5"'],
    [{ 'comment-on-pr': 'yes' }, 'input comment-on-pr must be true or false, got "yes"'],
    [{ reference: '1' }, 'input reference must be true or false, got "1"'],
    [{ 'baseline-runs': '0' }, 'input baseline-runs must be from 1 to 30, got 0'],
    [{ 'retention-days': '401' }, 'input retention-days must be from 1 to 400, got 401'],
    [
      { exports: 'junit=a.xml' },
      'input exports must list KIND=FILE with KIND one of github-action-benchmark, bencher, csv, got "junit=a.xml"',
    ],
    [{ 'artifact-name': 'a/b' }, 'input artifact-name "a/b" contains a character artifact names cannot have'],
  ])('refuses %j with one line naming the input', (values, message) => {
    expect(() => parseInputs(reader(values))).toThrow(message);
    try {
      parseInputs(reader(values));
    } catch (error) {
      expect((error as Error).name).toBe('UsageError');
      expect((error as Error).message.split('\n')).toHaveLength(1);
    }
  });
});

describe('parseListInput', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    ['a\nb\n\n c ,d', ['a', 'b', 'c', 'd']],
  ])('splits %j on newlines and commas', (text, items) => {
    expect(parseListInput(text)).toEqual(items);
  });
});
