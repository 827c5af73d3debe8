import { z } from 'zod';
import { METRIC_NAMES } from './names.js';

/** A noise floor in percent. */
export const THRESHOLD_PCT = z.number().positive().max(1000);

/** Thresholds by metric name, as suite and thresholds files write them. */
export const metricThresholdsSchema = z.partialRecord(z.enum(METRIC_NAMES), THRESHOLD_PCT);
export type MetricThresholds = z.infer<typeof metricThresholdsSchema>;
