/**
 * A small seeded pseudo-random number generator: mulberry32 (Tommy Ettinger, 2017).
 *
 * Why not Math.random: the gate must give the same verdict for the same samples on every run
 * and every machine. mulberry32 is 32-bit integer arithmetic only (Math.imul, shifts), so its
 * stream is identical on every JavaScript engine and matches the C original bit for bit.
 * It is not cryptographic and its period is 2^32, plenty for a few thousand bootstrap resamples.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

const WEYL_INCREMENT = 0x6d2b79f5;
// Read once: under jest every `Math.x` lookup goes through guarded globals and costs ~50× more.
const { imul } = Math;
const TWO_POW_32 = 4_294_967_296;

/**
 * The raw generator: each call returns the next unsigned 32-bit word of mulberry32 for `seed`.
 * Exposed so tests can compare with the C reference's integer outputs.
 */
export function createUint32Generator(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`Invalid seed ${seed}. Expected an integer (it is used modulo 2^32).`);
  }
  // `%` is exact on safe integers, so -1 becomes 2^32 − 1 as in C's uint32_t conversion.
  let state = ((seed % TWO_POW_32) + TWO_POW_32) % TWO_POW_32;
  return () => {
    state = (state + WEYL_INCREMENT) >>> 0;
    let z = state;
    z = imul(z ^ (z >>> 15), z | 1);
    z ^= z + imul(z ^ (z >>> 7), z | 61);
    return (z ^ (z >>> 14)) >>> 0;
  };
}

/**
 * A deterministic generator of uniform numbers in [0, 1) for `seed` (any safe integer, taken
 * modulo 2^32). Dividing a 32-bit word by 2^32 can never give 1, so indices `floor(rng() * n)`
 * are always < n.
 */
export function createRng(seed: number): Rng {
  const nextWord = createUint32Generator(seed);
  return () => nextWord() / TWO_POW_32;
}
