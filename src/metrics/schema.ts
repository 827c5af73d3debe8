import { z } from 'zod';
import { METRIC_NAMES } from './names.js';

/** A noise floor in percent. */
export const THRESHOLD_PCT = z.number().positive().max(1000);

/** A noise floor in percent, or `off`: the metric is reported but never fails the gate. */
export const THRESHOLD = z.union([THRESHOLD_PCT, z.literal('off')]);
export type Threshold = z.infer<typeof THRESHOLD>;

/** Thresholds by metric name, as suite and thresholds files write them. */
export const metricThresholdsSchema = z.partialRecord(z.enum(METRIC_NAMES), THRESHOLD);
export type MetricThresholds = z.infer<typeof metricThresholdsSchema>;
