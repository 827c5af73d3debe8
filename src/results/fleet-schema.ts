/**
 * A fleet results file: what `netperf-gate fleet --out` writes and `fleet --baseline` reads. Every
 * measured pair (client node → server node) keeps its scenario results exactly as a single run stores
 * them (samples, and the interleaved reference's when measured), so the fleet's analysis is derived from
 * the file alone and can be redone by a later version. Versioned apart from single-run results:
 * `kind: 'fleet'` tells the two apart.
 */
import { z } from 'zod';
import { UsageError } from '../util/errors.js';
import { describeSchemaError } from '../util/schema-errors.js';
import { nodeSchema, provenanceSchema, scenarioResultSchema } from './schema.js';

/** Bumped whenever a stored field changes meaning or a required field is added. */
export const FLEET_SCHEMA_VERSION = 1;

/** A fleet's node: a single run's node record, named (pairs refer to it by name). */
const fleetNodeSchema = nodeSchema.extend({ name: z.string().min(1) });

/** One measured direction: netperf in `client`'s client pod against `server`'s server pod. */
export const fleetPairSchema = z.strictObject({
  client: z.string().min(1),
  server: z.string().min(1),
  /** The round it ran in (0-based): pairs of one round ran at the same time on disjoint nodes. */
  round: z.number().int().nonnegative(),
  scenarios: z.array(scenarioResultSchema).min(1),
});

export const fleetResultsSchema = z.strictObject({
  kind: z.literal('fleet'),
  schemaVersion: z.literal(FLEET_SCHEMA_VERSION),
  tool: z.strictObject({ name: z.literal('netperf-gate'), version: z.string() }),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  target: z.strictObject({
    kind: z.enum(['local', 'kubernetes']),
    settings: z.record(z.string(), z.string()),
  }),
  plan: z.strictObject({
    /** As given: `ring`, `all` or `random:K`. */
    spec: z.string(),
    seed: z.number().int().nonnegative(),
    /** Most pairs measured at once. */
    parallel: z.number().int().positive(),
    rounds: z.number().int().nonnegative(),
  }),
  netperfVersion: z.string(),
  /** Every node of the fleet, in the order the plan used. */
  nodes: z.array(fleetNodeSchema).min(2),
  /** Fleet-wide facts (Kubernetes version, CNI, local settings …). */
  details: z.record(z.string(), z.string()),
  pairs: z.array(fleetPairSchema),
  provenance: provenanceSchema.optional(),
});

export type FleetResults = z.infer<typeof fleetResultsSchema>;
export type FleetPairRecord = z.infer<typeof fleetPairSchema>;
export type FleetNode = z.infer<typeof fleetNodeSchema>;

/** The JSON Schema published in the repository (schema/fleet-results.schema.json). */
export function fleetResultsJsonSchema(): unknown {
  return z.toJSONSchema(fleetResultsSchema, { target: 'draft-2020-12' });
}

/** True for a parsed JSON document that says it is a fleet results file. */
export function isFleetDocument(document: unknown): boolean {
  return (
    document !== null && typeof document === 'object' && (document as { kind?: unknown }).kind === 'fleet'
  );
}

/**
 * Parses and validates a fleet results file's text. Throws a one-line UsageError for anything else:
 * not JSON, a single run's results file, a newer or unknown schemaVersion, a field out of shape.
 */
export function parseFleetResults(text: string, label: string): FleetResults {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new UsageError(`${label}: not valid JSON; pass a file written by "netperf-gate fleet --out"`);
  }
  if (!isFleetDocument(document)) {
    throw new UsageError(
      `${label}: not a fleet results file (a single run's results?); pass a file written by "netperf-gate fleet --out"`,
    );
  }
  const version = (document as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > FLEET_SCHEMA_VERSION) {
    throw new UsageError(
      `${label}: fleet schemaVersion ${version} is newer than this netperf-gate understands (${FLEET_SCHEMA_VERSION}); upgrade netperf-gate`,
    );
  }
  const parsed = fleetResultsSchema.safeParse(document);
  if (!parsed.success) throw new UsageError(describeSchemaError(label, parsed.error, document));
  return parsed.data;
}

/** Fleet results as stored: stable key order, two-space indent, trailing newline. */
export function serializeFleetResults(results: FleetResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
