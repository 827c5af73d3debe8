/** The `local` target: network namespaces on this machine as the two nodes. */
export {
  createLocalTarget,
  type LocalTarget,
  type LocalTargetDeps,
  type LocalTargetOptions,
  NETPERF_TIMEOUT_MARGIN_MS,
  sweepLeftovers,
} from './local-target.js';
