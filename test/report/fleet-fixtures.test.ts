import { readFileSync, writeFileSync } from 'node:fs';
import { analyseFleet } from '../../src/fleet/analysis.js';
import { parseFleetResults, serializeFleetResults } from '../../src/results/fleet-schema.js';
import { buildFleetResults, SIX_NODES_SLOW_CLIENT } from '../helpers/fleet-fixture.js';

const FILE = new URL('../../fixtures/fleet/fleet-6-nodes.json', import.meta.url);
/** Set to rewrite fixtures/fleet/fleet-6-nodes.json from the builder (review the diff before committing). */
const UPDATE = process.env.UPDATE_FLEET_FIXTURES === '1';

describe('fixtures/fleet/fleet-6-nodes.json', () => {
  const built = serializeFleetResults(buildFleetResults(SIX_NODES_SLOW_CLIENT));
  if (UPDATE) writeFileSync(FILE, built);
  const text = readFileSync(FILE, 'utf8');

  it('is what the fleet fixture builder makes from the real netperf outputs', () => {
    expect(text).toBe(built);
  });

  it('is a valid fleet results file of 6 nodes, plan all: 30 pairs in 10 rounds', () => {
    const results = parseFleetResults(text, 'fleet-6-nodes.json');
    expect(results.nodes.map((n) => n.name)).toEqual([
      'node-1',
      'node-2',
      'node-3',
      'node-4',
      'node-5',
      'node-6',
    ]);
    expect(results.plan).toMatchObject({ spec: 'all', rounds: 10 });
    expect(results.pairs).toHaveLength(30);
  });

  it('names node-4 slow as client, on every fit, and no other node or pair', () => {
    const analysis = analyseFleet(parseFleetResults(text, 'fleet-6-nodes.json'));
    expect(analysis.named).toEqual(['node-4']);
    expect(analysis.fits).toHaveLength(4);
    for (const outliers of analysis.outliers) {
      expect(outliers.nodes.map((n) => [n.node, n.side, n.speed])).toEqual([['node-4', 'client', 'slow']]);
      expect(outliers.pairs).toEqual([]);
    }
    expect(analysis.ranking[0]?.node).toBe('node-4');
  });
});
