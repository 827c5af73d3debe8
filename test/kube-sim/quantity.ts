/** Resource quantities (`500m`, `2`, `1.5`, `128Mi`) as the API server parses them, to plain numbers. */

const SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The value of a quantity in base units, or undefined when it is not a valid quantity. */
export function parseQuantity(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(
    text.trim(),
  );
  if (!match) return undefined;
  const [, number = '', exponent, suffix = ''] = match;
  const base = Number(number);
  if (exponent) return base * 10 ** Number(exponent.slice(1));
  const factor = SUFFIXES[suffix];
  return factor === undefined ? undefined : base * factor;
}

/** Millicores of a CPU quantity (`500m` → 500, `2` → 2000), rounded up as the scheduler does. */
export function cpuMilli(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = parseQuantity(text);
  return value === undefined ? undefined : Math.ceil(value * 1000 - 1e-9);
}
