import { UsageError } from '../util/errors.js';
import { describeSchemaError } from '../util/schema-errors.js';
import { isFleetDocument } from './fleet-schema.js';
import { RESULTS_SCHEMA_VERSION, type Results, resultsSchema } from './schema.js';

/**
 * Parses and validates a results file's text. Throws UsageError for JSON that is not a results file,
 * a newer schemaVersion (upgrade the tool) or an older unknown one.
 */
export function parseResults(text: string, label: string): Results {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new UsageError(`${label}: not valid JSON; pass a results file written by "netperf-gate run --out"`);
  }
  if (isFleetDocument(document)) {
    throw new UsageError(
      `${label}: a fleet results file; compare fleets with "netperf-gate fleet --baseline", single runs with run/compare`,
    );
  }
  const version =
    document !== null && typeof document === 'object'
      ? (document as { schemaVersion?: unknown }).schemaVersion
      : undefined;
  if (typeof version !== 'number') {
    throw new UsageError(
      `${label}: no schemaVersion; pass a results file written by "netperf-gate run --out"`,
    );
  }
  if (version > RESULTS_SCHEMA_VERSION) {
    throw new UsageError(
      `${label}: schemaVersion ${version} is newer than this netperf-gate understands (${RESULTS_SCHEMA_VERSION}); upgrade netperf-gate`,
    );
  }
  if (version !== RESULTS_SCHEMA_VERSION) {
    throw new UsageError(
      `${label}: schemaVersion ${version} is not supported (expected ${RESULTS_SCHEMA_VERSION})`,
    );
  }
  const parsed = resultsSchema.safeParse(document);
  if (!parsed.success) throw new UsageError(describeSchemaError(label, parsed.error, document));
  return parsed.data;
}

/** Results as stored: stable key order, two-space indent, trailing newline. */
export function serializeResults(results: Results): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
