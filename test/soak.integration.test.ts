/**
 * The short CI variant of the fault soak (scripts/soak.ts runs the long one): runs against the cluster
 * simulator, each meeting a fault; every run ends with results or one clear error line, and nothing is
 * left on the simulated cluster. Needs root (the simulator's nodes are network namespaces).
 */
import { soak } from './soak/soak.js';

const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn('fault soak skipped: it needs root');
const itAsRoot = asRoot ? it : it.skip;

itAsRoot(
  'ends every run with a result or one clear error and leaves nothing behind',
  async () => {
    const report = await soak(8, 7);
    expect(report.runs.filter((run) => !run.clean)).toEqual([]);
    expect(report.leftovers).toEqual([]);
  },
  240_000,
);
