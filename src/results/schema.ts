import { z } from 'zod';
import { METRIC_NAMES, metricThresholdsSchema } from '../metrics/names.js';
import { TEST_TYPES } from '../suite/model.js';
import { SCENARIO_NAME } from '../suite/schema.js';

/** Bumped whenever a stored field changes meaning or a required field is added. */
export const RESULTS_SCHEMA_VERSION = 1;

const metricName = z.enum(METRIC_NAMES);
const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const optionalFigure = finite.nullable();

/** The scenario exactly as it was run (after suite defaults and flags). */
export const scenarioSettingsSchema = z.strictObject({
  name: SCENARIO_NAME,
  test: z.enum(TEST_TYPES),
  concurrency: z.number().int().positive(),
  cpus: z.number().int().positive().nullable(),
  sendSizeBytes: z.number().int().positive().nullable(),
  requestSizeBytes: z.number().int().positive(),
  responseSizeBytes: z.number().int().positive(),
  durationSeconds: z.number().int().positive(),
  samples: z.number().int().positive(),
  thresholds: metricThresholdsSchema.optional(),
});

/** One netperf process's parsed figures, as netperf reported them. */
export const instanceSchema = z.strictObject({
  throughputGbps: optionalFigure,
  transactionsPerSec: optionalFigure,
  latencyP50Us: optionalFigure,
  latencyP90Us: optionalFigure,
  latencyP99Us: optionalFigure,
  latencyMeanUs: optionalFigure,
  clientCpuPct: optionalFigure,
  serverCpuPct: optionalFigure,
  retransmits: optionalFigure,
  elapsedSeconds: finite,
});

/** One run of a scenario: N concurrent netperf instances combined into metric values. */
export const sampleSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  startedAt: z.iso.datetime(),
  wallSeconds: finite,
  metrics: z.partialRecord(metricName, finite),
  instances: z.array(instanceSchema).min(1),
});

/** Summary of one metric over a scenario's samples. */
export const aggregateSchema = z.strictObject({
  n: z.number().int().positive(),
  median: finite,
  mean: finite,
  min: finite,
  max: finite,
  stddev: finite,
  cvPct: finite.nullable(),
});

const aggregatesSchema = z.partialRecord(metricName, aggregateSchema);

/**
 * The node-to-node reference of a scenario (`--host-network-reference`, Cilium's "node-to-node
 * baseline"): the same number of samples of the same netperf, between host-network pods on the same
 * two nodes. Reported beside the pod figures (pod/host ratio), never gated.
 */
export const referenceResultSchema = z.strictObject({
  samples: z.array(sampleSchema),
  aggregates: aggregatesSchema,
});

export const scenarioResultSchema = z.strictObject({
  settings: scenarioSettingsSchema,
  /** What `*_cpu_cost` is normalised to, e.g. "% CPU per 10 Gbit/s". */
  costUnit: z.string(),
  samples: z.array(sampleSchema),
  aggregates: aggregatesSchema,
  /** Optional (files without it stay valid, schemaVersion 1): only runs with the reference have it. */
  reference: referenceResultSchema.optional(),
});

/** One node as the results record it (fingerprint): a single run's client and server, every node of a fleet. */
export const nodeSchema = z.strictObject({
  name: z.string(),
  kernel: z.string(),
  cpuModel: z.string(),
  cpuCount: z.number().int().nonnegative(),
  details: z.record(z.string(), z.string()),
});

export const environmentSchema = z.strictObject({
  netperfVersion: z.string(),
  client: nodeSchema,
  server: nodeSchema,
  details: z.record(z.string(), z.string()),
});

/**
 * Where a run was made, when GitHub Actions made it (GITHUB_* of the runner): which commit of which
 * repository, by which event and workflow run. Optional (files without it stay valid, schemaVersion 1);
 * CLI runs outside GitHub Actions have none.
 */
export const provenanceSchema = z.strictObject({
  /** `owner/repo`. */
  repository: z.string().optional(),
  commitSha: z.string().optional(),
  /** e.g. `refs/heads/main`, `refs/pull/7/merge`. */
  ref: z.string().optional(),
  /** `push`, `pull_request`, `workflow_dispatch`, … */
  event: z.string().optional(),
  workflowRunId: z.number().int().positive().optional(),
  workflowRunUrl: z.string().optional(),
});

/** A results file: what `run` writes and what `compare` reads as baseline or current. */
export const resultsSchema = z.strictObject({
  schemaVersion: z.literal(RESULTS_SCHEMA_VERSION),
  tool: z.strictObject({ name: z.literal('netperf-gate'), version: z.string() }),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  target: z.strictObject({
    kind: z.enum(['local', 'kubernetes']),
    /** Settings that shape the measurement (what-if qdisc, setup commands, image …). */
    settings: z.record(z.string(), z.string()),
  }),
  environment: environmentSchema,
  scenarios: z.array(scenarioResultSchema),
  provenance: provenanceSchema.optional(),
});

export type Results = z.infer<typeof resultsSchema>;
export type ScenarioResult = z.infer<typeof scenarioResultSchema>;
export type SampleResult = z.infer<typeof sampleSchema>;
export type InstanceFigures = z.infer<typeof instanceSchema>;
export type Aggregate = z.infer<typeof aggregateSchema>;
export type ReferenceResult = z.infer<typeof referenceResultSchema>;
export type Environment = z.infer<typeof environmentSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;

/** The JSON Schema published in the repository (schema/results.schema.json). */
export function resultsJsonSchema(): unknown {
  return z.toJSONSchema(resultsSchema, { target: 'draft-2020-12' });
}
