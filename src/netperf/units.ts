/** THROUGHPUT_UNITS of a request/response test: the rate is transactions per second. */
export const TRANSACTION_UNITS = 'Trans/s';

/**
 * Gbit/s per unit for every bit or byte rate netperf 2.7.0's `-f` can print (netlib.c
 * format_units): `10^N bits` are decimal, `KBytes`/`MBytes`/`GBytes` are binary (1024-based).
 */
const GBPS_PER_UNIT: Readonly<Record<string, number>> = {
  '10^0bits/s': 1e-9,
  '10^3bits/s': 1e-6,
  '10^6bits/s': 1e-3,
  '10^9bits/s': 1,
  'Bytes/s': 8e-9,
  'KBytes/s': (8 * 1024) / 1e9,
  'MBytes/s': (8 * 1024 ** 2) / 1e9,
  'GBytes/s': (8 * 1024 ** 3) / 1e9,
};

/** Every THROUGHPUT_UNITS value the parser understands, for error messages. */
export const KNOWN_UNITS: readonly string[] = [...Object.keys(GBPS_PER_UNIT), TRANSACTION_UNITS];

/** A bit or byte rate in Gbit/s, or undefined when the units are not a bit or byte rate we know. */
export function toGbps(value: number, units: string): number | undefined {
  const factor = GBPS_PER_UNIT[units];
  return factor === undefined ? undefined : value * factor;
}
