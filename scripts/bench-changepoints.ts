// Change-point quality by simulation: for each noise model, the share of unchanged histories in which
// any change point is found (false change points per history, exact 95 % interval), and for drops of
// the pod path's rate starting at one run, the share of histories whose baseline then starts exactly
// there (and within ±1 run). Histories of the default suite (noisy-results.ts), a day apart, through
// baselineSinceLastShift: what the gate does. Prints figures; asserts nothing.
// Usage: npm run bench:changepoints -- [--seed 20261129] [--trials 200] [--runs 20] [--shift-at 8]
//        [--samples 6] [--noise iid,drift,shared-drift] [--reference with,without] [--drops 5,10,15,20]
import { parseArgs } from 'node:util';
import { DEFAULT_CHANGE_LEVEL } from '../src/compare/history.js';
import { type HistorySpec, tallyShifts } from '../test/helpers/history-sim.js';
import { NOISE_MODELS, type NoiseModel } from '../test/helpers/noisy-results.js';
import { clopperPearson } from './verdict-sim.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '20261129' },
    trials: { type: 'string', default: '200' },
    runs: { type: 'string', default: '20' },
    'shift-at': { type: 'string', default: '8' },
    samples: { type: 'string', default: '6' },
    noise: { type: 'string', default: Object.keys(NOISE_MODELS).join(',') },
    reference: { type: 'string', default: 'with,without' },
    drops: { type: 'string', default: '5,10,15,20' },
  },
});
const seed = Number(values.seed);
const trials = Number(values.trials);
const runs = Number(values.runs);
const shiftAt = Number(values['shift-at']);
const samples = Number(values.samples);
const drops = values.drops.split(',').map(Number);
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

console.log(
  `Histories of ${runs} runs, ${samples} samples per scenario, ${trials} trials per cell; history level ${DEFAULT_CHANGE_LEVEL}; shifts start at run ${shiftAt + 1}.`,
);
console.log(
  ['noise', 'reference', 'false change points (95 % CI)', ...drops.map((d) => `−${d} %: exact / ±1`)].join(
    ' | ',
  ),
);
for (const noise of values.noise.split(',') as NoiseModel[]) {
  for (const reference of values.reference.split(',')) {
    const base: HistorySpec = { runs, noise, withReference: reference === 'with', samples };
    const flat = tallyShifts(seed, trials, base);
    const ci = clopperPearson(flat.any, trials);
    const cells = drops.map((dropPct) => {
      const spec = { ...base, shiftAt, dropPct };
      const { found, near } = tallyShifts(seed + 1_000_000, trials, spec);
      return `${percent(found / trials)} / ${percent(near / trials)}`;
    });
    const rate = `${percent(flat.any / trials)} (${percent(ci.low)}–${percent(ci.high)})`;
    console.log([noise, reference, rate, ...cells].join(' | '));
  }
}
