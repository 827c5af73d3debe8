import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareResults } from '../../src/compare/compare-results.js';
import { directionPaths, writeReports } from '../../src/run/write-reports.js';
import { createFiles } from '../../src/util/files.js';
import { around, resultsWith, scenarioWith } from '../helpers/results-builder.js';

describe('writing reports and exports', () => {
  const folder = mkdtempSync(join(tmpdir(), 'npg-reports-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('writes report.md, report.html and every requested export', async () => {
    const baseline = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 35000))]);
    const current = resultsWith([scenarioWith('tcp_rr_1cpu', around('transactions_per_sec', 20000))]);
    const comparison = compareResults([baseline], current, { thresholds: {}, environmentPolicy: 'warn' });
    const written = await writeReports(
      { current, baseline, comparison, verdict: comparison.verdict, reproduce: ['netperf-gate gate …'] },
      {
        reportDir: join(folder, 'report'),
        exports: [
          { kind: 'github-action-benchmark', path: join(folder, 'gab.json') },
          { kind: 'bencher', path: join(folder, 'bencher.json') },
          { kind: 'csv', path: join(folder, 'results.csv') },
        ],
      },
      createFiles(),
    );
    expect(written).toHaveLength(6);
    expect(readdirSync(join(folder, 'report')).sort()).toEqual(['report.html', 'report.md']);
    expect(readFileSync(join(folder, 'report', 'report.md'), 'utf8')).toContain('REGRESSION');
    const bigger = JSON.parse(readFileSync(join(folder, 'gab.bigger-is-better.json'), 'utf8'));
    expect(bigger[0]).toMatchObject({ name: 'tcp_rr_1cpu/transactions_per_sec', value: 20000 });
    expect(readFileSync(join(folder, 'results.csv'), 'utf8')).toContain('tcp_rr_1cpu');
  });

  it('names one file per direction for github-action-benchmark', () => {
    expect(directionPaths('out/bench.json')).toEqual({
      bigger: 'out/bench.bigger-is-better.json',
      smaller: 'out/bench.smaller-is-better.json',
    });
    expect(directionPaths('bench').bigger).toBe('bench.bigger-is-better.json');
  });
});
