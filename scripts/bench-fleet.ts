// Fleet analysis quality by simulation: for fleets of N nodes and each pair plan, how often one node
// slowed by 30 % (as client, as server, on both sides) is named alone, and how often any other node is
// named (with no node slowed: any name is false). Prints a table; asserts nothing.
// Usage: npm run bench:fleet -- [--seed 20261129] [--runs 10] [--nodes 6,16,100] [--plans ring,random:3,all]
import { parseArgs } from 'node:util';
import { parsePlanSpec } from '../src/fleet/plan.js';
import { DEFAULT_FLEET_SIM, type SlowCase, tallyNames } from './fleet-sim.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '20261129' },
    runs: { type: 'string', default: '10' },
    nodes: { type: 'string', default: '6,16,100' },
    plans: { type: 'string', default: 'ring,random:3,all' },
  },
});
const seed = Number(values.seed);
const runs = Number(values.runs);
const cases: SlowCase[] = ['client', 'server', 'both', 'none'];

console.log(
  `seed ${seed}, ${runs} runs per row; ${DEFAULT_FLEET_SIM.samples} samples per pair, per-sample CV ` +
    `${DEFAULT_FLEET_SIM.sampleCv * 100} %, per-pair CV ${DEFAULT_FLEET_SIM.pairCv * 100} %, slowdown ` +
    `${DEFAULT_FLEET_SIM.slowdown * 100} %`,
);
console.log('| N | plan | slow side | named alone | runs naming another node |');
console.log('| ---: | --- | --- | ---: | ---: |');
for (const nodes of values.nodes.split(',').map(Number)) {
  for (const planText of values.plans.split(',')) {
    const plan = parsePlanSpec(planText);
    if (plan.kind === 'random' && plan.pairsPerNode > nodes - 1) continue;
    for (const slowCase of cases) {
      const tally = tallyNames({ ...DEFAULT_FLEET_SIM, nodes, plan, slowCase }, seed, runs);
      const alone = slowCase === 'none' ? '—' : `${tally.exact}/${runs}`;
      console.log(`| ${nodes} | ${planText} | ${slowCase} | ${alone} | ${tally.falseNames}/${runs} |`);
    }
  }
}
