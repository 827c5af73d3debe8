import { z } from 'zod';
import { metricThresholdsSchema } from '../metrics/names.js';
import { TEST_TYPES } from './model.js';

/** Limits that keep a suite sane; a suite outside them is almost certainly a typo. */
export const LIMITS = {
  concurrency: { min: 1, max: 256 },
  cpus: { min: 1, max: 1024 },
  durationSeconds: { min: 1, max: 3600 },
  samples: { min: 1, max: 100 },
  messageBytes: { min: 1, max: 16 * 1024 * 1024 },
} as const;

const int = (limits: { min: number; max: number }) => z.number().int().min(limits.min).max(limits.max);

/** Scenario names end up in thresholds files, labels and file names: keep them simple. */
export const SCENARIO_NAME = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'expected lower-case letters, digits, "_" or "-" (at most 63)');

const sharedFields = {
  durationSeconds: int(LIMITS.durationSeconds).optional(),
  samples: int(LIMITS.samples).optional(),
  sendSizeBytes: int(LIMITS.messageBytes).nullable().optional(),
  requestSizeBytes: int(LIMITS.messageBytes).optional(),
  responseSizeBytes: int(LIMITS.messageBytes).optional(),
};

export const scenarioFileSchema = z.strictObject({
  name: SCENARIO_NAME,
  test: z.enum(TEST_TYPES),
  concurrency: int(LIMITS.concurrency).optional(),
  cpus: int(LIMITS.cpus).nullable().optional(),
  /** Noise floors for this scenario's metrics, in percent. */
  thresholds: metricThresholdsSchema.optional(),
  ...sharedFields,
});

/** A suite file (YAML or JSON): defaults for every scenario, then the scenarios. */
export const suiteFileSchema = z.strictObject({
  schemaVersion: z.literal(1).optional(),
  defaults: z.strictObject(sharedFields).optional(),
  scenarios: z.array(scenarioFileSchema).min(1),
});

export type SuiteFile = z.infer<typeof suiteFileSchema>;
