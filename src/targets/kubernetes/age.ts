/** Ages of cluster objects: `--older-than` read, ages written for people. Pure and light (the CLI parses flags with it). */
import { parseDuration } from '../../util/duration.js';

/**
 * `cleanup`'s age when none is given: older than any run takes (the default suite needs minutes), so
 * that a sweep never deletes a run in progress on another runner sharing the cluster.
 */
export const DEFAULT_CLEANUP_AGE = '1h';

/** `--older-than`: "0" (any age), or amounts with units s, m, h, d ("30m", "2h", "1h30m"), in ms. */
export function parseAge(text: string): number {
  return parseDuration('--older-than', text, 'any age');
}

/** An age for people: "45 s", "12 min", "2 h 5 min", "3 d 4 h". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}
