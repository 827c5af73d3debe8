import { UsageError } from '../util/errors.js';

/** `--samples 5` → 5; anything that is not a whole number is a UsageError naming the flag. */
export function parseWholeNumber(flag: string, value: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw new UsageError(`${flag} must be a whole number, got "${value}"`);
  }
  return Number(value.trim());
}

/** One of a fixed set of words, e.g. `--target local`. */
export function parseChoice<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  const found = choices.find((choice) => choice === value);
  if (found === undefined) {
    throw new UsageError(`${flag} must be one of ${choices.join(', ')}, got "${value}"`);
  }
  return found;
}

/** A percentage such as `--threshold 7.5`: a number above 0 and at most 1000. */
export function parsePercent(flag: string, value: string): number {
  const number = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0 || number > 1000) {
    throw new UsageError(`${flag} must be a percentage above 0 and at most 1000, got "${value}"`);
  }
  return number;
}
