import { TOOL_VERSION } from '../version.js';
import {
  type Environment,
  type Provenance,
  RESULTS_SCHEMA_VERSION,
  type Results,
  type ScenarioResult,
} from './schema.js';

/** What a finished run knows, before it becomes a results file. */
export interface RunRecord {
  startedAt: Date;
  finishedAt: Date;
  target: Results['target'];
  environment: Environment;
  scenarios: ScenarioResult[];
  /** Where the run was made (GitHub Actions); absent outside it. */
  provenance?: Provenance;
}

/** Assembles the versioned results document. */
export function buildResults(record: RunRecord): Results {
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: 'netperf-gate', version: TOOL_VERSION },
    startedAt: record.startedAt.toISOString(),
    finishedAt: record.finishedAt.toISOString(),
    target: record.target,
    environment: record.environment,
    scenarios: record.scenarios,
    ...(record.provenance === undefined ? {} : { provenance: record.provenance }),
  };
}
