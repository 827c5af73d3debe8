/** Reading one input: its raw text, the checks every input shares, and errors naming the input. */
import { parseWholeNumber } from '../config/parse-flags.js';
import { UsageError } from '../util/errors.js';
import type { InputName } from './constants.js';

/** Reads one input's raw text ('' when not given). */
export type InputReader = (name: InputName) => string;

/** "input samples": how errors name an input. */
export function label(name: InputName): string {
  return `input ${name}`;
}

/** The input's trimmed text; undefined when empty. */
export function given(read: InputReader, name: InputName): string | undefined {
  const value = read(name).trim();
  return value === '' ? undefined : value;
}

/** `true`/`false` in any case, like YAML 1.2 core booleans. */
export function parseBooleanInput(name: InputName, value: string): boolean {
  const word = value.trim().toLowerCase();
  if (word === 'true') return true;
  if (word === 'false') return false;
  throw new UsageError(`${label(name)} must be true or false, got "${value}"`);
}

/** A whole number within `limits`. */
export function ranged(name: InputName, value: string, limits: { min: number; max: number }): number {
  const number = parseWholeNumber(label(name), value);
  if (number < limits.min || number > limits.max) {
    throw new UsageError(`${label(name)} must be from ${limits.min} to ${limits.max}, got ${number}`);
  }
  return number;
}

/** A list given one per line or comma-separated; blanks dropped. */
export function parseListInput(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Copies the values that are defined onto `target`. */
export function copyGiven<T extends object>(target: T, values: Partial<T>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
}
