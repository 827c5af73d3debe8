/**
 * `netperf-gate fleet`: measure the plan's node pairs, write the fleet results, name the slow nodes
 * (and those slower than a baseline fleet), print the table and write the reports. `fleet-report`:
 * the same analysis and reports from a stored fleet results file, without measuring. The verdict is
 * returned; the entry point turns it into the exit code.
 */
import {
  DEFAULT_FLEET_DURATION_SECONDS,
  DEFAULT_FLEET_SAMPLES,
  DEFAULT_FLEET_SCENARIOS,
  type FleetConfig,
  type FleetReportConfig,
} from '../config/fleet-config.js';
import { analyseFleet, type FleetAnalysis } from '../fleet/analysis.js';
import type { OutlierOptions } from '../fleet/outliers.js';
import { renderFleetHtml } from '../report/fleet-html.js';
import { renderFleetMarkdown } from '../report/fleet-markdown.js';
import { renderFleetTerminal } from '../report/fleet-terminal.js';
import { type FleetResults, parseFleetResults, serializeFleetResults } from '../results/fleet-schema.js';
import { defaultSuite } from '../suite/default-suite.js';
import { parseSuite } from '../suite/load.js';
import type { Suite } from '../suite/model.js';
import { selectScenarios } from '../suite/select.js';
import type { Files } from '../util/files.js';
import { type FleetSessionDeps, measureFleetRun } from './fleet-session.js';
import type { RunIo } from './session.js';

export type { FleetTargetFactory } from './fleet-session.js';

/** Turns a fleet's results and analysis into a page or a table. */
export type FleetRender = (results: FleetResults, analysis: FleetAnalysis) => string;

/** The fleet renderers (report/fleet-*.ts); a test may swap any of them. */
export interface FleetRenderers {
  terminal: FleetRender;
  markdown: FleetRender;
  html: FleetRender;
}

export interface FleetDeps extends FleetSessionDeps {
  renderers?: Partial<FleetRenderers>;
}

/** `slow`: a node was named slow, or got slower than in the baseline fleet. */
export type FleetVerdict = 'pass' | 'slow';

export interface FleetOutcome {
  verdict: FleetVerdict;
  results: FleetResults;
  analysis: FleetAnalysis;
}

/** The suite a fleet measures: a file, else the built-in one cut to the fleet's short defaults. */
export async function resolveFleetSuite(config: FleetConfig, files: Files): Promise<Suite> {
  if (config.suitePath !== undefined) {
    const suite = parseSuite(await files.readText(config.suitePath, 'suite file'), config.suitePath);
    return selectScenarios(suite, {
      ...(config.scenarioNames ? { scenarioNames: config.scenarioNames } : {}),
      ...(config.samples !== undefined ? { samples: config.samples } : {}),
      ...(config.durationSeconds !== undefined ? { durationSeconds: config.durationSeconds } : {}),
    });
  }
  return selectScenarios(defaultSuite(), {
    scenarioNames: config.scenarioNames ?? [...DEFAULT_FLEET_SCENARIOS],
    samples: config.samples ?? DEFAULT_FLEET_SAMPLES,
    durationSeconds: config.durationSeconds ?? DEFAULT_FLEET_DURATION_SECONDS,
  });
}

/** The verdict of an analysis: slow when any node is named or got slower than the baseline. */
export function fleetVerdict(analysis: FleetAnalysis): FleetVerdict {
  return analysis.named.length > 0 || (analysis.changes?.length ?? 0) > 0 ? 'slow' : 'pass';
}

function outlierOptions(config: { zCut?: number; minChangePct?: number }): OutlierOptions {
  return {
    ...(config.zCut !== undefined ? { zCut: config.zCut } : {}),
    ...(config.minChangePct !== undefined ? { minChange: config.minChangePct / 100 } : {}),
  };
}

async function readBaseline(path: string | undefined, files: Files): Promise<FleetResults | undefined> {
  if (path === undefined) return undefined;
  return parseFleetResults(await files.readText(path, 'baseline fleet results file'), path);
}

type ReportPaths = Pick<FleetReportConfig, 'htmlPath' | 'markdownPath' | 'zCut' | 'minChangePct'>;

/** Analyses, prints the table and writes the report files: the same for `fleet` and `fleet-report`. */
async function publishFleet(
  results: FleetResults,
  baseline: FleetResults | undefined,
  config: ReportPaths,
  io: RunIo,
  renderers: Partial<FleetRenderers> = {},
): Promise<FleetOutcome> {
  const analysis = analyseFleet(results, baseline, outlierOptions(config));
  io.print((renderers.terminal ?? renderFleetTerminal)(results, analysis));
  const pages: [string | undefined, FleetRender][] = [
    [config.markdownPath, renderers.markdown ?? renderFleetMarkdown],
    [config.htmlPath, renderers.html ?? renderFleetHtml],
  ];
  for (const [path, render] of pages) {
    if (path === undefined) continue;
    await io.files.writeText(path, render(results, analysis));
    io.log(`wrote ${path}`);
  }
  return { verdict: fleetVerdict(analysis), results, analysis };
}

/** `fleet`: measure, write --out, analyse (against --baseline), print and write the reports. */
export async function runFleet(config: FleetConfig, io: RunIo, deps: FleetDeps): Promise<FleetOutcome> {
  const suite = await resolveFleetSuite(config, io.files);
  const baseline = await readBaseline(config.baselinePath, io.files);
  await io.files.checkWritable(config.outPath, 'fleet results file (--out)');
  if (config.markdownPath) await io.files.checkWritable(config.markdownPath, 'Markdown report (--markdown)');
  if (config.htmlPath) await io.files.checkWritable(config.htmlPath, 'HTML report (--html)');
  const results = await measureFleetRun(config, suite.scenarios, io, deps);
  await io.files.writeText(config.outPath, serializeFleetResults(results));
  io.log(`fleet results written to ${config.outPath}`);
  return publishFleet(results, baseline, config, io, deps.renderers);
}

/** `fleet-report`: the analysis, table and reports of a stored fleet results file; nothing measured. */
export async function fleetReport(
  config: FleetReportConfig,
  io: RunIo,
  renderers: Partial<FleetRenderers> = {},
): Promise<FleetOutcome> {
  const results = parseFleetResults(
    await io.files.readText(config.inPath, 'fleet results file'),
    config.inPath,
  );
  const baseline = await readBaseline(config.baselinePath, io.files);
  return publishFleet(results, baseline, config, io, renderers);
}
