import type { RunConfig } from '../config/run-config.js';
import { renderResultsTable } from '../report/results-table.js';
import { serializeResults } from '../results/read.js';
import type { Results } from '../results/schema.js';
import { defaultSuite } from '../suite/default-suite.js';
import { parseSuite } from '../suite/load.js';
import type { Suite } from '../suite/model.js';
import { selectScenarios } from '../suite/select.js';
import type { Files } from '../util/files.js';
import { type RunIo, withSession } from './session.js';

export type { RunIo } from './session.js';

/** The suite the config asks for: a file or the default, then --scenarios/--samples/--duration. */
export async function resolveSuite(config: RunConfig, files: Files): Promise<Suite> {
  const base =
    config.suitePath === undefined
      ? defaultSuite()
      : parseSuite(await files.readText(config.suitePath, 'suite file'), config.suitePath);
  return selectScenarios(base, {
    ...(config.scenarioNames ? { scenarioNames: config.scenarioNames } : {}),
    ...(config.samples !== undefined ? { samples: config.samples } : {}),
    ...(config.durationSeconds !== undefined ? { durationSeconds: config.durationSeconds } : {}),
  });
}

/** Writes the results file and prints the table of medians. */
export async function publishResults(results: Results, outPath: string, io: RunIo): Promise<void> {
  await io.files.writeText(outPath, serializeResults(results));
  io.print(renderResultsTable(results));
  io.log(`results written to ${outPath}`);
}

/** `run`: suite → prepared target → every scenario measured → results file and table. */
export async function runBenchmarks(config: RunConfig, io: RunIo): Promise<Results> {
  const suite = await resolveSuite(config, io.files);
  await io.files.checkWritable(config.outPath, 'results file (--out)');
  const results = await withSession(config, suite.scenarios, io, (session) =>
    session.measure(suite.scenarios),
  );
  await publishResults(results, config.outPath, io);
  return results;
}
