/**
 * The Kubernetes target against kube-sim clusters that differ the way real ones do: the kubelet's CPU
 * manager policy (`none` shares cores, `static` gives Guaranteed pods their own), IPv6-only and
 * dual-stack IPv6-first pod networks, fixed netperf data ports. The whole runner goes through each.
 * Needs root (the simulator creates network namespaces).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunConfig } from '../../src/config/run-config.js';
import { DEFAULT_IMAGE } from '../../src/config/run-config.js';
import { parseResults } from '../../src/results/read.js';
import type { Results } from '../../src/results/schema.js';
import { runBenchmarks } from '../../src/run/run-command.js';
import { capturingIo } from '../helpers/run-io.js';
import { type KubeSim, type KubeSimOptions, startKubeSim } from '../kube-sim/index.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('kubernetes cores integration tests skipped: kube-sim needs root');
const describeAsRoot = asRoot ? describe : describe.skip;

const TEST_TIMEOUT_MS = 240_000;
const folder = mkdtempSync(join(tmpdir(), 'npg-k8s-cores-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the named scenarios (one 1-s sample each) against `sim`; returns the results, the log and the execs. */
async function runOn(
  sim: KubeSim,
  name: string,
  scenarioNames: string[],
  overrides: Partial<RunConfig> = {},
) {
  const kubeconfigPath = join(folder, `${name}.kubeconfig`);
  writeFileSync(kubeconfigPath, sim.kubeconfig, { mode: 0o600 });
  const out = join(folder, `${name}.json`);
  const io = capturingIo();
  const auditStart = sim.audit.length;
  const reference = overrides.reference ?? false;
  await runBenchmarks(
    {
      target: 'kubernetes',
      local: {},
      outPath: out,
      debug: false,
      samples: 1,
      durationSeconds: 1,
      scenarioNames,
      ...overrides,
      kubernetes: {
        kubeconfigPath,
        tolerations: [],
        image: DEFAULT_IMAGE,
        hostNetworkReference: reference,
        ...overrides.kubernetes,
      },
      reference,
    },
    io,
  );
  const execs = sim.audit
    .slice(auditStart)
    .filter((entry) => entry.resource === 'pods/exec')
    .map((entry) => new URL(entry.path, sim.url).searchParams.getAll('command'));
  const results: Results = parseResults(readFileSync(out, 'utf8'), out);
  return { results, logged: io.logged, execs };
}

/** The hosts the run's netperf commands connected to (`-H HOST`). */
function netperfHosts(execs: string[][]): Set<string> {
  return new Set(
    execs
      .filter((command) => command.includes('netperf') && command.includes('-H'))
      .map((command) => command[command.indexOf('-H') + 1] ?? ''),
  );
}

async function withSim<T>(options: KubeSimOptions, body: (sim: KubeSim) => Promise<T>): Promise<T> {
  const sim = await startKubeSim({ ...options, log: () => {} });
  try {
    return await body(sim);
  } finally {
    await sim.close();
  }
}

describeAsRoot('the kubernetes target on clusters that differ like real ones', () => {
  it(
    'on IPv6-only nodes with the CPU manager policy none: measures over IPv6 with fixed data ports, warns that cores were shared and records it',
    async () => {
      const nodes = [
        { cpu: '64', cpuManager: 'none' as const },
        { cpu: '64', cpuManager: 'none' as const },
      ];
      const { results, logged, execs } = await withSim({ nodes, ipFamily: 'ipv6' }, (sim) =>
        runOn(sim, 'ipv6-none', ['tcp_rr_1cpu', 'tcp_rr_32cpu'], { reference: true }),
      );
      for (const scenario of results.scenarios) {
        expect(scenario.aggregates.transactions_per_sec?.median).toBeGreaterThan(0);
        expect(scenario.reference?.samples).toHaveLength(1);
      }
      const hosts = [...netperfHosts(execs)];
      expect(hosts.length).toBeGreaterThan(0);
      for (const host of hosts) expect(host).toMatch(/^2001:2:/);
      // 32 instances, each with its own server-side data port, from one exec.
      const fanOut = execs.find((command) => command.includes('netperf-gate-fan-out-each'));
      expect(fanOut).toContain(',42424');
      expect(fanOut).toContain(',42455');
      expect(
        logged.some((line) =>
          line.startsWith('kubernetes: the pods of tcp_rr_1cpu did not get exclusive cores: '),
        ),
      ).toBe(true);
      expect(results.environment.details.cpuPinning).toMatch(
        /^c1: server Guaranteed \d+ CPUs allowed, client Guaranteed \d+ CPUs allowed of 1 requested \(shared cores\)/,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'on dual-stack IPv6-first nodes with the static policy: IPv6 by default, IPv4 when asked, exclusive cores recorded and no warning',
    async () => {
      await withSim(
        { nodes: [{ cpuManager: 'static' }, { cpuManager: 'static' }], ipFamily: 'dual-ipv6-first' },
        async (sim) => {
          const first = await runOn(sim, 'dual-default', ['tcp_rr_1cpu']);
          for (const host of netperfHosts(first.execs)) expect(host).toMatch(/^2001:2:/);
          expect(first.results.environment.details.cpuPinning).toBe(
            'c1: server Guaranteed 1 CPUs allowed, client Guaranteed 1 CPUs allowed of 1 requested (exclusive cores)',
          );
          expect(first.logged.filter((line) => line.includes('exclusive cores'))).toEqual([]);
          const asked = await runOn(sim, 'dual-ipv4', ['tcp_rr_1cpu'], {
            kubernetes: {
              tolerations: [],
              image: DEFAULT_IMAGE,
              hostNetworkReference: false,
              ipFamily: 'ipv4',
            },
          });
          for (const host of netperfHosts(asked.execs)) expect(host).toMatch(/^198\.19\./);
          expect(asked.results.target.settings.kubeIpFamily).toBe('ipv4');
        },
      );
    },
    TEST_TIMEOUT_MS,
  );
});
