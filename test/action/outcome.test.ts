/** What the action says about an outcome: annotations, the summary line, reproduce commands, the report note. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ActionSettings } from '../../src/action/inputs.js';
import { parseInputs } from '../../src/action/inputs.js';
import { annotationsFor, summaryLine, verdictCounts } from '../../src/action/outcome-text.js';
import { RawOutputRecorder, rawSampleText } from '../../src/action/pipeline-hooks.js';
import { markdownWithNote } from '../../src/action/publish.js';
import { reproduceCommands, shellQuote } from '../../src/action/reproduce.js';
import { compareResults } from '../../src/compare/compare-results.js';
import { parseResults } from '../../src/results/read.js';
import type { Scenario } from '../../src/suite/model.js';

function fixture(name: string) {
  const path = new URL(`../../fixtures/results/${name}`, import.meta.url);
  return parseResults(readFileSync(path, 'utf8'), name);
}

const mixed = compareResults([fixture('baseline.json')], fixture('current-mixed.json'), {
  thresholds: {},
  environmentPolicy: 'warn',
});

function settingsOf(values: Record<string, string>): ActionSettings {
  return parseInputs((name) => values[name] ?? '');
}

describe('annotations', () => {
  it('raises an error per regressed gated metric and a notice per improvement, titled with scenario and metric', () => {
    const annotations = annotationsFor(mixed);
    const errors = annotations.filter((a) => a.level === 'error');
    const notices = annotations.filter((a) => a.level === 'notice');
    expect(errors).toHaveLength(mixed.counts.regression);
    expect(notices).toHaveLength(mixed.counts.improvement);
    expect(errors[0]?.title).toMatch(/^netperf-gate: tcp_rr_1cpu \w+ regressed$/);
    expect(errors[0]?.message).toMatch(
      /^tcp_rr_1cpu \w+: .+ → .+ \(-\d+\.\d+%; 90% interval .+; threshold ±\d+(\.\d+)?%\)\. /,
    );
    for (const annotation of annotations) expect(annotation.message.split('\n')).toHaveLength(1);
  });

  it('makes the errors warnings when the step passes anyway (fail-on-regression false)', () => {
    const failing = annotationsFor(mixed, true);
    const passing = annotationsFor(mixed, false);
    expect(passing.map((a) => a.level)).toEqual(
      failing.map((a) => (a.level === 'error' ? 'warning' : a.level)),
    );
    expect(passing.some((a) => a.level === 'warning')).toBe(true);
    expect(passing.map((a) => a.message)).toEqual(failing.map((a) => a.message));
  });

  it('says nothing without a comparison', () => {
    expect(annotationsFor(undefined)).toEqual([]);
    expect(verdictCounts(undefined)).toEqual({ regressions: 0, improvements: 0 });
  });

  it('adds an error when the environment differs under policy fail', () => {
    const failing = compareResults([fixture('baseline.json')], fixture('current-kernel-upgrade.json'), {
      thresholds: {},
      environmentPolicy: 'fail',
    });
    expect(annotationsFor(failing).at(-1)).toMatchObject({
      level: 'error',
      title: 'netperf-gate: the environment differs from the baseline',
    });
  });
});

describe('summaryLine', () => {
  it.each([
    ['error', 'cannot reach the cluster', 'ERROR: cannot reach the cluster'],
    ['no-baseline', 'no file x', 'NO BASELINE: no file x; these results can become the baseline'],
    ['pass', undefined, 'PASS'],
  ] as const)('says verdict %s with detail %j as %j', (verdict, detail, line) => {
    expect(summaryLine(verdict, undefined, detail)).toBe(line);
  });

  it('counts the verdicts of a comparison on one line', () => {
    const { regression, improvement } = mixed.counts;
    expect(summaryLine('regression', mixed)).toMatch(
      new RegExp(
        `^REGRESSION: ${regression} regressed, ${improvement} improved, \\d+ unchanged, \\d+ inconclusive$`,
      ),
    );
  });
});

describe('reproduceCommands', () => {
  it('repeats every given input as a CLI flag, quoted for the shell', () => {
    const settings = settingsOf({
      target: 'kubernetes',
      kubeconfig: 'apiVersion: v1',
      context: 'perf lab',
      tolerations: 'a:NoSchedule,b',
      'ip-family': 'ipv6',
      scenarios: 'tcp_rr_1cpu',
      samples: '5',
      reference: 'false',
      'max-samples': '8',
      threshold: '8',
      'environment-policy': 'fail',
      baseline: 'perf/base.json',
    });
    expect(reproduceCommands(settings, { kind: 'file', path: 'perf/base.json' })).toEqual([
      '# kubeconfig.yaml: the kubeconfig the workflow passed as input',
      "node dist/cli/index.js gate --target kubernetes --scenarios tcp_rr_1cpu --samples 5 --no-reference --kubeconfig kubeconfig.yaml --context 'perf lab' --ip-family ipv6 --toleration a:NoSchedule --toleration b --threshold 8 --environment-policy fail --max-samples 8 --baseline perf/base.json --out results.json",
    ]);
  });

  it('downloads each default-branch baseline run with gh first, and runs the local target with sudo', () => {
    const settings = settingsOf({ target: 'local', scenarios: 'tcp_rr_1cpu' });
    const origin = {
      kind: 'artifact',
      runIds: [41, 42],
      repository: 'octo/cluster',
      artifactName: 'netperf-gate-results',
    } as const;
    expect(reproduceCommands(settings, { ...origin, runIds: [...origin.runIds] })).toEqual([
      'gh run download 41 --repo octo/cluster --name netperf-gate-results --dir baseline/41',
      'gh run download 42 --repo octo/cluster --name netperf-gate-results --dir baseline/42',
      'sudo node dist/cli/index.js gate --target local --scenarios tcp_rr_1cpu --baseline baseline/41/results.json --baseline baseline/42/results.json --out results.json',
    ]);
  });

  it.each([
    ['plain-word_1.json', 'plain-word_1.json'],
    ['two words', "'two words'"],
    ["it's", "'it'\\''s'"],
    ['$HOME', "'$HOME'"],
  ])('quotes %j as %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });
});

describe('markdownWithNote', () => {
  it('puts the baseline note right after the verdict block', () => {
    const markdown = '## netperf-gate: PASS\n\n**PASS**: 0 regressed.\n\nCurrent: run\n\n### `tcp_rr_1cpu`\n';
    expect(markdownWithNote(markdown, 'Baseline: the file `b.json`.')).toBe(
      '## netperf-gate: PASS\n\n**PASS**: 0 regressed.\n\nBaseline: the file `b.json`.\n\nCurrent: run\n\n### `tcp_rr_1cpu`\n',
    );
  });
});

describe('raw netperf output', () => {
  const outputs = [
    { stdout: 'THROUGHPUT=1\n', stderr: '', exitCode: 0 },
    { stdout: '', stderr: 'netperf: connect failed\n', exitCode: 1 },
  ];

  it('frames each instance with its exit code and stderr', () => {
    expect(rawSampleText(outputs)).toBe(
      '=== instance 1 (exit 0)\nTHROUGHPUT=1\n=== instance 2 (exit 1)\n\n--- stderr\nnetperf: connect failed\n',
    );
  });

  it('writes one file per sample, numbered per scenario, extra rounds continuing the count', async () => {
    const recorder = new RawOutputRecorder();
    const scenario = (name: string) => ({ name }) as Scenario;
    recorder.record(scenario('a'), outputs);
    recorder.record(scenario('b'), outputs);
    recorder.record(scenario('a'), outputs);
    const folder = mkdtempSync(join(tmpdir(), 'npg-raw-'));
    try {
      const paths = await recorder.write(folder);
      expect(paths.map((path) => relative(folder, path))).toEqual([
        'a/sample-01.txt',
        'b/sample-01.txt',
        'a/sample-02.txt',
      ]);
      expect(readFileSync(join(folder, 'a/sample-02.txt'), 'utf8')).toBe(rawSampleText(outputs));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
