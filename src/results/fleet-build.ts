import { TOOL_VERSION } from '../version.js';
import {
  FLEET_SCHEMA_VERSION,
  type FleetNode,
  type FleetPairRecord,
  type FleetResults,
} from './fleet-schema.js';
import type { Provenance } from './schema.js';

/** What a finished fleet run knows, before it becomes a fleet results file. */
export interface FleetRunRecord {
  startedAt: Date;
  finishedAt: Date;
  target: FleetResults['target'];
  plan: FleetResults['plan'];
  /** The fleet fingerprint: the netperf build, every node, fleet-wide facts. */
  fingerprint: { netperfVersion: string; nodes: FleetNode[]; details: Record<string, string> };
  pairs: FleetPairRecord[];
  provenance?: Provenance;
}

/** Assembles the versioned fleet results document (nodes copied field by field: no stray keys). */
export function buildFleetResults(record: FleetRunRecord): FleetResults {
  const { fingerprint } = record;
  return {
    kind: 'fleet',
    schemaVersion: FLEET_SCHEMA_VERSION,
    tool: { name: 'netperf-gate', version: TOOL_VERSION },
    startedAt: record.startedAt.toISOString(),
    finishedAt: record.finishedAt.toISOString(),
    target: record.target,
    plan: record.plan,
    netperfVersion: fingerprint.netperfVersion,
    nodes: fingerprint.nodes.map(({ name, kernel, cpuModel, cpuCount, details }) => ({
      name,
      kernel,
      cpuModel,
      cpuCount,
      details,
    })),
    details: fingerprint.details,
    pairs: record.pairs,
    ...(record.provenance === undefined ? {} : { provenance: record.provenance }),
  };
}
