/** The `local` target: network namespaces on this machine as the two nodes, or as a fleet of N nodes. */

export { NODE_SETUP_ENV, parseNodeSetups } from './fleet-setup.js';
export {
  createLocalFleetTarget,
  type LocalFleetDeps,
  type LocalFleetOptions,
  type LocalFleetTarget,
} from './fleet-target.js';
export {
  createLocalTarget,
  type LocalTarget,
  type LocalTargetDeps,
  type LocalTargetOptions,
  NETPERF_TIMEOUT_MARGIN_MS,
  sweepLeftovers,
} from './local-target.js';
