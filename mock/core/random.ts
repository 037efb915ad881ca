/**
 * @module
 * A seeded random source, so the same seed gives the same ids, correlation ids and fault sequence.
 */

/** `00` … `ff`, by byte value. */
const HEX_BYTES: readonly string[] = Array.from({ length: 256 }, (_, byte) =>
  byte.toString(16).padStart(2, '0'),
);

/** A 32-bit word as 8 hex digits through the byte table: the digits of toString(16).padStart(8, '0'). */
function hex8(word: number): string {
  return (
    HEX_BYTES[word >>> 24]! +
    HEX_BYTES[(word >>> 16) & 255]! +
    HEX_BYTES[(word >>> 8) & 255]! +
    HEX_BYTES[word & 255]!
  );
}

/** `0` … `f`, by nibble value. */
const HEX_DIGITS = '0123456789abcdef';

/** A deterministic random source (sfc32). */
export interface RandomSource {
  /** A float in [0, 1). */
  next(): number;
  /** A lower-case hyphenated GUID (version 4 layout). */
  uuid(): string;
  /** `length` lower-case hex digits. */
  hex(length: number): string;
}

/** Creates a random source from a seed; without a seed it is seeded from WebCrypto. */
export function createRandom(seed?: number | string): RandomSource {
  let [a, b, c, d] = seed === undefined ? cryptoSeed() : hashSeed(String(seed));
  const next = (): number => {
    // sfc32: small, fast, passes PractRand; state is four 32-bit words.
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  const word = (): number => Math.floor(next() * 0x100000000);
  const hex = (length: number): string => {
    let out = '';
    while (out.length < length) out += hex8(word());
    return out.length === length ? out : out.slice(0, length);
  };
  const uuid = (): string => {
    // The digits of hex(32) with the version nibble (12th) set to 4 and the variant nibble (16th) to 8-b,
    // written straight from four draws: two ids a request, and slicing a 32-digit string cost ~0.3 µs each.
    const w0 = word();
    const w1 = word();
    const w2 = word();
    const w3 = word();
    const variant = HEX_DIGITS[((w2 >>> 28) & 0x3) | 0x8]!;
    return (
      `${hex8(w0)}-${HEX_BYTES[w1 >>> 24]!}${HEX_BYTES[(w1 >>> 16) & 255]!}-4${HEX_DIGITS[(w1 >>> 8) & 15]!}${HEX_BYTES[w1 & 255]!}-` +
      `${variant}${HEX_DIGITS[(w2 >>> 24) & 15]!}${HEX_BYTES[(w2 >>> 16) & 255]!}-${HEX_BYTES[(w2 >>> 8) & 255]!}${HEX_BYTES[w2 & 255]!}${hex8(w3)}`
    );
  };
  return { next, uuid, hex };
}

function cryptoSeed(): [number, number, number, number] {
  const words = crypto.getRandomValues(new Uint32Array(4));
  return [words[0]!, words[1]!, words[2]!, words[3]!];
}

/** cyrb128: spreads a string seed over four 32-bit words. */
function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}
