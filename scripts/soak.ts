// Fault soak: many runs of the built CLI against the cluster simulator with random faults, then a census
// of what is left. Prints figures; asserts nothing. Usage: npm run soak -- [--runs 40] [--seed 1]
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// The simulator's sources import `.js` names of `.ts` files (for jest and tsc); map them for Node.
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      const tsUrl = new URL(`${specifier.slice(0, -'.js'.length)}.ts`, context.parentURL);
      if (!existsSync(new URL(specifier, context.parentURL)) && existsSync(fileURLToPath(tsUrl))) {
        return nextResolve(tsUrl.href, context);
      }
    }
    return nextResolve(specifier, context);
  },
});

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
