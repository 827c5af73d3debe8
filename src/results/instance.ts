import type { NetperfFigures } from '../netperf/parse.js';
import type { InstanceFigures } from './schema.js';

/** Client and server retransmissions together; null only when netperf measured neither. */
function retransmits(figures: NetperfFigures): number | null {
  const { localRetransmits: local, remoteRetransmits: remote } = figures;
  if (local === null && remote === null) return null;
  return (local ?? 0) + (remote ?? 0);
}

/** One netperf instance's figures as stored in results: client = netperf's local side, server = remote. */
export function toInstanceFigures(figures: NetperfFigures): InstanceFigures {
  return {
    throughputGbps: figures.throughputGbps,
    transactionsPerSec: figures.transactionsPerSec,
    latencyP50Us: figures.latencyP50Us,
    latencyP90Us: figures.latencyP90Us,
    latencyP99Us: figures.latencyP99Us,
    latencyMeanUs: figures.latencyMeanUs,
    clientCpuPct: figures.localCpuPct,
    serverCpuPct: figures.remoteCpuPct,
    retransmits: retransmits(figures),
    elapsedSeconds: figures.elapsedSeconds,
  };
}
