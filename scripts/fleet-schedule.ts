/**
 * Prints what a fleet run costs with the default plan and parallelism per fleet size: pairs, rounds
 * (and the lower bound), and netperf time at the default scenarios (2 scenarios × 2 samples × 2 paths
 * × 3 s = 24 s per pair). Pure arithmetic over the real planner and scheduler; nothing is measured.
 * npm run fleet:schedule
 */
import { defaultParallel, defaultPlanSpec } from '../src/config/fleet-config.js';
import { formatPlanSpec } from '../src/fleet/plan.js';
import { minimumRounds } from '../src/fleet/rounds.js';
import { formatDuration } from '../src/report/format.js';
import { scheduleFleet } from '../src/run/fleet-measure.js';

const PAIR_SECONDS = 2 * 2 * 2 * 3;
const rows = [
  '| target | N | plan | pairs | parallel | rounds (fewest) | netperf time |',
  '| --- | ---: | --- | ---: | ---: | ---: | ---: |',
];
for (const target of ['local', 'kubernetes'] as const) {
  for (const n of [4, 6, 8, 9, 16, 32, 100]) {
    if (target === 'local' && n > 32) continue;
    const nodes = Array.from({ length: n }, (_, i) => `node-${i + 1}`);
    const parallel = defaultParallel(target, n);
    const s = scheduleFleet(nodes, { spec: defaultPlanSpec(n), seed: 13, parallel });
    const fewest = minimumRounds(s.pairs, parallel);
    const time = formatDuration(s.rounds.length * PAIR_SECONDS);
    rows.push(
      `| ${target} | ${n} | ${formatPlanSpec(s.spec)} | ${s.pairs.length} | ${parallel} | ${s.rounds.length} (${fewest}) | ${time} |`,
    );
  }
}
process.stdout.write(`${rows.join('\n')}\n`);
