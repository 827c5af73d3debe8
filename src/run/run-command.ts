import type { RunConfig } from '../config/run-config.js';
import { renderResultsTable } from '../report/results-table.js';
import { buildResults } from '../results/build.js';
import { serializeResults } from '../results/read.js';
import type { Results } from '../results/schema.js';
import { defaultSuite } from '../suite/default-suite.js';
import { parseSuite } from '../suite/load.js';
import type { Suite } from '../suite/model.js';
import { selectScenarios } from '../suite/select.js';
import { createTarget } from '../targets/create.js';
import type { Files } from '../util/files.js';
import { withSignalCleanup } from './interrupt.js';
import { measureSuite } from './measure.js';

/** The outside world as `run` sees it. */
export interface RunIo {
  files: Files;
  /** Progress and warnings (stderr). */
  log: (line: string) => void;
  /** The results table (stdout). */
  print: (text: string) => void;
  now: () => Date;
}

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

/** Settings that shaped the measurement, recorded in the results and the report. */
function targetSettings(config: RunConfig): Record<string, string> {
  const settings: Record<string, string> = {};
  if (config.local.qdisc !== undefined) settings.localQdisc = config.local.qdisc;
  if (config.local.serverSetup !== undefined) settings.localServerSetup = config.local.serverSetup;
  if (config.local.clientSetup !== undefined) settings.localClientSetup = config.local.clientSetup;
  return settings;
}

/**
 * `run`: suite → target.prepare → measure every scenario → results file and table. The target is
 * cleaned up on every path, including SIGINT/SIGTERM.
 */
export async function runBenchmarks(config: RunConfig, io: RunIo): Promise<Results> {
  const suite = await resolveSuite(config, io.files);
  await io.files.checkWritable(config.outPath, 'results file (--out)');
  const target = createTarget(config, io.log);
  const startedAt = io.now();
  const measured = await withSignalCleanup(
    () => target.cleanup(),
    async () => {
      try {
        await target.prepare(suite.scenarios);
        const scenarios = await measureSuite(suite.scenarios, { target, now: io.now, progress: io.log });
        return { scenarios, environment: await target.fingerprint() };
      } finally {
        await target.cleanup();
      }
    },
    io.log,
  );
  const results = buildResults({
    startedAt,
    finishedAt: io.now(),
    target: { kind: target.kind, settings: targetSettings(config) },
    ...measured,
  });
  await io.files.writeText(config.outPath, serializeResults(results));
  io.print(renderResultsTable(results));
  io.log(`results written to ${config.outPath}`);
  return results;
}
