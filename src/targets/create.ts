import type { RunConfig } from '../config/run-config.js';
import { UsageError } from '../util/errors.js';
import { createLocalTarget } from './local/local-target.js';
import type { Target } from './target.js';

/** The target the config names, created (not yet prepared). */
export function createTarget(config: RunConfig, log: (line: string) => void): Target {
  switch (config.target) {
    case 'local':
      return createLocalTarget(config.local, { log });
    case 'kubernetes':
      throw new UsageError('the kubernetes target is not available in this version yet; use --target local');
  }
}
