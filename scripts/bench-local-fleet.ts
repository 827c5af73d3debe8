// The local fleet's cost and paths, live (root): time to prepare N nodes (one netserver per CPU profile
// each) and to clean them up, then TCP_STREAM and TCP_RR on node-1 → node-2's pod and reference paths
// (alternating, `--repeats` times). Prints figures; asserts nothing.
// Usage: node --import ./scripts/ts-resolve.ts scripts/bench-local-fleet.ts [--nodes 32] [--repeats 3]
import { parseArgs } from 'node:util';
import { buildNetperfArgs } from '../src/netperf/command.js';
import { parseNetperfOutput } from '../src/netperf/parse.js';
import type { Scenario } from '../src/suite/model.js';
import { createLocalFleetTarget } from '../src/targets/local/fleet-target.js';
import type { NetperfPair } from '../src/targets/target.js';

const { values } = parseArgs({
  options: { nodes: { type: 'string', default: '32' }, repeats: { type: 'string', default: '3' } },
});
const nodes = Number(values.nodes);
const repeats = Number(values.repeats);

function scenario(name: string, test: Scenario['test'], cpus: number | null): Scenario {
  return {
    name,
    test,
    concurrency: 1,
    cpus,
    sendSizeBytes: null,
    requestSizeBytes: 1,
    responseSizeBytes: 1,
    durationSeconds: 2,
    samples: 1,
  };
}

const scenarios = [scenario('tcp_rr_1cpu', 'TCP_RR', 1), scenario('tcp_stream', 'TCP_STREAM', null)];

async function rate(pair: NetperfPair, test: Scenario): Promise<number> {
  const [output] = await pair.runNetperf(test, [buildNetperfArgs(test, pair.endpoint(test))]);
  if (output === undefined) throw new Error('no netperf output');
  const figures = parseNetperfOutput(output);
  return figures.throughputGbps ?? figures.transactionsPerSec ?? Number.NaN;
}

const fleet = createLocalFleetTarget({ nodes, runId: `b${process.pid}` });
process.on('exit', () => fleet.cleanupSync());
try {
  let started = performance.now();
  await fleet.prepare(scenarios);
  console.log(
    `prepare ${nodes} nodes × ${scenarios.length} profiles: ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
  const pair = { client: 'node-1', server: 'node-2' };
  const paths: [string, NetperfPair][] = [
    ['pod', fleet.path(pair)],
    ['reference', fleet.referencePath?.(pair) ?? fleet.path(pair)],
  ];
  for (const test of scenarios) {
    const figures: Record<string, string[]> = { pod: [], reference: [] };
    for (let repeat = 0; repeat < repeats; repeat++) {
      for (const [name, path] of paths)
        figures[name]?.push((await rate(path, test)).toFixed(test.test === 'TCP_RR' ? 0 : 2));
    }
    const unit = test.test === 'TCP_RR' ? 'transactions/s' : 'Gbit/s';
    console.log(
      `${test.name} node-1→node-2 ${unit}: pod ${figures.pod?.join(' ')}; reference ${figures.reference?.join(' ')}`,
    );
  }
  started = performance.now();
  await fleet.cleanup();
  console.log(`cleanup: ${((performance.now() - started) / 1000).toFixed(2)} s`);
} finally {
  await fleet.cleanup();
}
