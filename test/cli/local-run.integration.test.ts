/**
 * The whole pipeline for real on the local target: the four default scenarios, then the gate with an
 * unchanged rerun and with injected regressions far beyond this machine's noise. Needs root.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseResults } from '../../src/results/read.js';
import { gate } from '../../src/run/gate-command.js';
import { runBenchmarks } from '../../src/run/run-command.js';
import {
  capturingIo,
  localRunConfig,
  namespacesOfThisProcess,
  netperfProcessesLeft,
} from '../helpers/run-io.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('local pipeline integration tests skipped: they need root');
const describeAsRoot = asRoot ? describe : describe.skip;

const folder = mkdtempSync(join(tmpdir(), 'npg-pipeline-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
afterEach(() => {
  expect(namespacesOfThisProcess()).toEqual([]);
  expect(netperfProcessesLeft()).toEqual([]);
});

/** Generous floors: this shared 2-core machine varies ±15% run to run; the injected changes are −60% and more. */
const THRESHOLDS = join(folder, 'thresholds.yml');
const INJECTION = {
  // 100 Mbit/s on a link that carries several Gbit/s.
  qdisc: 'tbf rate 100mbit burst 64kb latency 20ms',
  // 5000 non-matching nftables rules on the server's input hook: every packet walks them.
  serverSetup: 'sh examples/slow-input-chain.sh 5000',
};

describeAsRoot('the local pipeline', () => {
  beforeAll(async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(THRESHOLDS, readFileSync('examples/thresholds-local.yml', 'utf8'));
  });

  it('measures all four scenarios with positive rates and client and server CPU', async () => {
    const out = join(folder, 'four.json');
    const io = capturingIo();
    await runBenchmarks(localRunConfig(out), io);
    const results = parseResults(readFileSync(out, 'utf8'), out);
    expect(results.scenarios.map((s) => s.settings.name)).toEqual([
      'tcp_stream_1',
      'tcp_stream_32',
      'tcp_rr_1cpu',
      'tcp_rr_32cpu',
    ]);
    for (const scenario of results.scenarios) {
      const rate = scenario.settings.test === 'TCP_STREAM' ? 'throughput_gbps' : 'transactions_per_sec';
      expect(scenario.aggregates[rate]?.median).toBeGreaterThan(0);
      expect(scenario.aggregates.client_cpu_pct?.median).toBeGreaterThan(0);
      expect(scenario.aggregates.server_cpu_pct?.median).toBeGreaterThan(0);
      expect(scenario.samples[0]?.instances).toHaveLength(scenario.settings.concurrency);
    }
    expect(io.printed.join('')).toContain('tcp_rr_32cpu');
    expect(io.logged.some((line) => line.startsWith('[4/4 tcp_rr_32cpu] sample 1/1'))).toBe(true);
  }, 120_000);

  it('passes an unchanged rerun and catches a rate limit and an nftables chain as regressions', async () => {
    const baselinePath = join(folder, 'baseline.json');
    const scenarios = { scenarioNames: ['tcp_stream_1', 'tcp_rr_1cpu'], samples: 3 };
    await runBenchmarks(localRunConfig(baselinePath, scenarios), capturingIo());
    const judge = {
      thresholdsPath: THRESHOLDS,
      environmentPolicy: 'warn' as const,
      debug: false,
      extraRounds: 0,
    };

    const unchanged = await gate(
      { ...judge, baselinePath, run: localRunConfig(join(folder, 'same.json'), scenarios) },
      capturingIo(),
    );
    expect(unchanged.comparison?.counts.regression).toBe(0);
    expect(unchanged.verdict).toBe('pass');

    const io = capturingIo();
    const injected = await gate(
      {
        ...judge,
        baselinePath,
        run: localRunConfig(join(folder, 'worse.json'), { ...scenarios, local: INJECTION }),
      },
      io,
    );
    expect(injected.verdict).toBe('regression');
    const regressed = injected.comparison?.scenarios.flatMap((s) =>
      s.metrics.filter((m) => m.verdict === 'regression').map((m) => `${s.name}/${m.metric}`),
    );
    expect(regressed).toEqual(
      expect.arrayContaining(['tcp_stream_1/throughput_gbps', 'tcp_rr_1cpu/transactions_per_sec']),
    );
    expect(io.printed.join('')).toContain('Verdict: REGRESSION');
    expect(injected.results.target.settings).toEqual({
      localQdisc: INJECTION.qdisc,
      localServerSetup: INJECTION.serverSetup,
    });
  }, 180_000);

  it('reports no-baseline and still writes results when the baseline file is missing', async () => {
    const out = join(folder, 'first.json');
    const io = capturingIo();
    const outcome = await gate(
      {
        environmentPolicy: 'warn',
        debug: false,
        extraRounds: 0,
        baselinePath: join(folder, 'absent.json'),
        run: localRunConfig(out, { scenarioNames: ['tcp_rr_1cpu'] }),
      },
      io,
    );
    expect(outcome.verdict).toBe('no-baseline');
    expect(parseResults(readFileSync(out, 'utf8'), out).scenarios).toHaveLength(1);
    expect(io.printed.join('')).toContain('NO-BASELINE');
  }, 60_000);
});
