// Fault soak: many runs of the built CLI against the cluster simulator with random faults, then a census
// of what is left. Prints figures; asserts nothing. Usage: npm run soak -- [--runs 40] [--seed 1]
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '40' }, seed: { type: 'string', default: '1' } },
});
const { soak } = await import('../test/soak/soak.js');
const report = await soak(Number(values.runs), Number(values.seed), (line: string) => console.log(line));
const byCode = new Map<string, number>();
for (const run of report.runs) byCode.set(String(run.exitCode), (byCode.get(String(run.exitCode)) ?? 0) + 1);
console.log(
  `runs: ${report.runs.length}; exit codes: ${[...byCode].map(([code, n]) => `${code}×${n}`).join(', ')}`,
);
console.log(`runs without a verdict or one clear error line: ${report.runs.filter((r) => !r.clean).length}`);
console.log(`left behind: ${report.leftovers.length === 0 ? 'nothing' : report.leftovers.join(', ')}`);
