/** What `mode: fleet` leaves behind besides the files: step outputs, annotations, the summary line. */
import * as core from '@actions/core';
import type { FleetAnalysis } from '../fleet/analysis.js';
import { changeSentence, fleetSummaryLine, nodeOutlierSentence, outlierLists } from '../report/fleet-text.js';
import type { FleetResults } from '../results/fleet-schema.js';
import type { FleetVerdict } from '../run/fleet-command.js';
import { Outputs } from './constants.js';

/** The nodes a fleet's outputs name. */
export interface FleetNodeLists {
  /** Named slow (gating outliers). */
  slow: string[];
  /** Slower than in the baseline fleet. */
  slower: string[];
  /** Every node named an outlier, slow or fast. */
  outliers: string[];
}

/** The node lists of an analysis, each node once, in the analysis's order. */
export function fleetNodeLists(analysis: FleetAnalysis): FleetNodeLists {
  const unique = (nodes: string[]) => [...new Set(nodes)];
  return {
    slow: [...analysis.named],
    slower: unique((analysis.changes ?? []).map((change) => change.node)),
    outliers: unique(analysis.outliers.flatMap((o) => o.nodes.map((node) => node.node))),
  };
}

/** "SLOW: 3 nodes, plan all (seed 13), 6 pairs …; slow: node-2" or "PASS: …; no slow node". */
export function fleetSummary(verdict: FleetVerdict, results: FleetResults, analysis: FleetAnalysis): string {
  return `${verdict === 'slow' ? 'SLOW' : 'PASS'}: ${fleetSummaryLine(results, analysis)}`;
}

/** The step outputs of a finished fleet run. */
export function setFleetOutputs(
  verdict: FleetVerdict,
  lists: FleetNodeLists,
  summary: string,
  paths: { results: string; html: string },
): void {
  core.setOutput(Outputs.Verdict, verdict);
  core.setOutput(Outputs.SlowNodes, lists.slow.join(','));
  core.setOutput(Outputs.SlowerNodes, lists.slower.join(','));
  core.setOutput(Outputs.OutlierNodes, lists.outliers.join(','));
  core.setOutput(Outputs.Summary, summary);
  core.setOutput(Outputs.ResultsPath, paths.results);
  core.setOutput(Outputs.ReportPath, paths.html);
}

/** One annotation per slow or slower node: its first finding, and how many more there are. */
export function slowNodeMessages(analysis: FleetAnalysis): { node: string; message: string }[] {
  const { slowNodes } = outlierLists(analysis);
  const findings = new Map<string, string[]>();
  const add = (node: string, sentence: string) =>
    findings.set(node, [...(findings.get(node) ?? []), sentence]);
  for (const outlier of slowNodes) add(outlier.node, nodeOutlierSentence(outlier));
  for (const change of analysis.changes ?? []) add(change.node, changeSentence(change));
  return [...findings].map(([node, sentences]) => {
    const more = sentences.length > 1 ? ` (and ${sentences.length - 1} more in the job summary)` : '';
    return { node, message: `${sentences[0]}${more}` };
  });
}

/** An error annotation per slow node (a warning when the step passes anyway). */
export function annotateSlowNodes(analysis: FleetAnalysis, stepFails: boolean): void {
  for (const { node, message } of slowNodeMessages(analysis)) {
    const properties = { title: `netperf-gate fleet: ${node} is slow` };
    if (stepFails) core.error(message, properties);
    else core.warning(message, properties);
  }
}
