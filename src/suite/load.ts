import { UsageError } from '../util/errors.js';
import { describeSchemaError } from '../util/schema-errors.js';
import { parseYamlDocument } from '../util/yaml.js';
import { DEFAULT_DURATION_SECONDS, DEFAULT_SAMPLES } from './default-suite.js';
import type { Scenario, Suite } from './model.js';
import { type SuiteFile, suiteFileSchema } from './schema.js';

/** Stream send size when a suite file gives none (see default-suite.ts). */
const DEFAULT_SEND_SIZE_BYTES = 65536;

function resolveScenario(file: SuiteFile, entry: SuiteFile['scenarios'][number]): Scenario {
  const defaults = file.defaults ?? {};
  const sendSize = entry.sendSizeBytes !== undefined ? entry.sendSizeBytes : defaults.sendSizeBytes;
  return {
    ...(entry.thresholds ? { thresholds: entry.thresholds } : {}),
    name: entry.name,
    test: entry.test,
    concurrency: entry.concurrency ?? 1,
    cpus: entry.cpus ?? null,
    sendSizeBytes:
      entry.test === 'TCP_STREAM' ? (sendSize === undefined ? DEFAULT_SEND_SIZE_BYTES : sendSize) : null,
    requestSizeBytes: entry.requestSizeBytes ?? defaults.requestSizeBytes ?? 1,
    responseSizeBytes: entry.responseSizeBytes ?? defaults.responseSizeBytes ?? 1,
    durationSeconds: entry.durationSeconds ?? defaults.durationSeconds ?? DEFAULT_DURATION_SECONDS,
    samples: entry.samples ?? defaults.samples ?? DEFAULT_SAMPLES,
  };
}

/**
 * Parses a suite file's text (YAML, which includes JSON). Throws UsageError naming the file, the field
 * and what is allowed.
 */
export function parseSuite(text: string, label: string): Suite {
  const document = parseYamlDocument(text, label);
  const parsed = suiteFileSchema.safeParse(document);
  if (!parsed.success) throw new UsageError(describeSchemaError(label, parsed.error, document));
  const seen = new Set<string>();
  for (const entry of parsed.data.scenarios) {
    if (seen.has(entry.name)) {
      throw new UsageError(`${label}: scenario name "${entry.name}" appears twice; names must be unique`);
    }
    seen.add(entry.name);
  }
  return { scenarios: parsed.data.scenarios.map((entry) => resolveScenario(parsed.data, entry)) };
}
