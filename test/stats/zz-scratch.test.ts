import { compareSamples } from '../../src/stats/compare.js';
import { createRng } from '../../src/stats/random.js';

function normal(rng: () => number): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
test('sim', () => {
  const rng = createRng(12345);
  const out: string[] = [];
  for (const threshold of [1, 2, 3, 5, 10]) {
    for (const dist of ['normal', 'uniform']) {
      const counts: Record<string, number> = {};
      const idCounts: Record<string, number> = {};
      for (let i = 0; i < 300; i++) {
        const cv = 0.02;
        const noise = () => (dist === 'normal' ? normal(rng) : (rng() * 2 - 1) * Math.sqrt(3));
        const base = Array.from({ length: 5 }, () => 1000 * (1 + cv * noise()));
        const shift = 1 - (2 * threshold) / 100;
        const cur = Array.from({ length: 5 }, () => 1000 * shift * (1 + cv * noise()));
        const r = compareSamples(base, cur, { direction: 'higher-is-better', thresholdPct: threshold, seed: i });
        counts[r.verdict] = (counts[r.verdict] ?? 0) + 1;
        const same = compareSamples(base, [...base], { direction: 'higher-is-better', thresholdPct: threshold, seed: i });
        idCounts[same.verdict] = (idCounts[same.verdict] ?? 0) + 1;
      }
      out.push(`T=${threshold} ${dist} shift: ${JSON.stringify(counts)} identical: ${JSON.stringify(idCounts)}`);
    }
  }
  console.log(out.join('\n'));
});
