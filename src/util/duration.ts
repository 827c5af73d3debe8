import { UsageError } from './errors.js';

const UNIT_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration flag: "0", or amounts with units s, m, h, d ("90s", "30m", "1h30m"), in milliseconds. */
export function parseDuration(flag: string, text: string, zeroMeans: string): number {
  const trimmed = text.trim();
  if (/^0+$/.test(trimmed)) return 0;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)([smhd])/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== trimmed) {
    throw new UsageError(
      `Invalid ${flag} '${text}'. Expected a duration such as 30m, 2h or 1d (units s, m, h, d), or 0 for ${zeroMeans}.`,
    );
  }
  return parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * (UNIT_MS[unit ?? ''] ?? 0), 0);
}

/**
 * Settles like `work`, or rejects with `onTimeout()` after `ms` (0: no limit). The loser's later
 * rejection is observed here so it cannot surface as an unhandled rejection.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  if (ms <= 0) return work;
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
