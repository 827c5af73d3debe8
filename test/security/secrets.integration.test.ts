/**
 * Secrets never reach logs, results or reports: a kubeconfig carrying a canary token and client key
 * is used for a real run against the cluster simulator (which accepts any credentials), then every
 * output is searched for the canaries — also for a failing run. Needs root (the simulator's nodes are
 * network namespaces).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { runBenchmarks } from '../../src/run/run-command.js';
import { writeReports } from '../../src/run/write-reports.js';
import { createFiles } from '../../src/util/files.js';
import { capturingIo, localRunConfig } from '../helpers/run-io.js';
import { type KubeSim, startKubeSim } from '../kube-sim/index.js';

const CANARY_TOKEN = 'npg-canary-token-7f3a9c1e';
const CANARY_PASSWORD = 'npg-canary-password-52be';

const asRoot = process.getuid?.() === 0;
const describeAsRoot = asRoot ? describe : describe.skip;
if (!asRoot) console.warn('secret canary tests skipped: the simulator needs root');

const folder = mkdtempSync(join(tmpdir(), 'npg-secrets-'));
let sim: KubeSim;
let kubeconfigPath: string;

beforeAll(async () => {
  if (!asRoot) return;
  sim = await startKubeSim({ nodes: [{ cpu: '64' }, { cpu: '64' }], log: () => {} });
  const kubeconfig = parse(sim.kubeconfig) as { users: { user: Record<string, string> }[] };
  for (const entry of kubeconfig.users)
    Object.assign(entry.user, { token: CANARY_TOKEN, password: CANARY_PASSWORD });
  kubeconfigPath = join(folder, 'kubeconfig');
  writeFileSync(kubeconfigPath, stringify(kubeconfig), { mode: 0o600 });
}, 60_000);

afterAll(async () => {
  await sim?.close();
  rmSync(folder, { recursive: true, force: true });
});

function everythingWritten(io: ReturnType<typeof capturingIo>, dir: string): string {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== 'kubeconfig')
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  return [...io.printed, ...io.logged, ...files].join('\n');
}

describeAsRoot('secrets', () => {
  it('stay out of progress lines, results and reports of a successful run', async () => {
    const dir = mkdtempSync(join(folder, 'ok-'));
    const io = capturingIo();
    const config = localRunConfig(join(dir, 'results.json'), {
      target: 'kubernetes',
      scenarioNames: ['tcp_rr_1cpu'],
    });
    config.kubernetes.kubeconfigPath = kubeconfigPath;
    const results = await runBenchmarks(config, io);
    await writeReports(
      { current: results, verdict: 'no-baseline', reproduce: ['netperf-gate run --target kubernetes'] },
      { reportDir: join(dir, 'report'), exports: [{ kind: 'csv', path: join(dir, 'r.csv') }] },
      createFiles(),
    );
    const written = everythingWritten(io, dir);
    expect(written).toContain('tcp_rr_1cpu');
    expect(written).not.toContain(CANARY_TOKEN);
    expect(written).not.toContain(CANARY_PASSWORD);
  }, 120_000);

  it('stay out of the error of a failing run', async () => {
    const dir = mkdtempSync(join(folder, 'fail-'));
    const io = capturingIo();
    sim.faults.add({ kind: 'api-error', verb: 'create', resource: 'namespaces', code: 500, times: 20 });
    const config = localRunConfig(join(dir, 'results.json'), {
      target: 'kubernetes',
      scenarioNames: ['tcp_rr_1cpu'],
    });
    config.kubernetes.kubeconfigPath = kubeconfigPath;
    const error = await runBenchmarks(config, io).catch((caught: unknown) => caught as Error);
    sim.faults.clear();
    expect(error).toBeInstanceOf(Error);
    const text = `${(error as Error).message}\n${(error as Error).stack ?? ''}\n${everythingWritten(io, dir)}`;
    expect(text).not.toContain(CANARY_TOKEN);
    expect(text).not.toContain(CANARY_PASSWORD);
  }, 120_000);
});
