/**
 * @module
 * Timestamps as the service writes them: .NET round-trip UTC with up to 7 fractional digits (100 ns ticks)
 * and trailing zeros trimmed, e.g. `2024-01-02T13:39:46.773821Z` (mde-api.md §2, "Date format").
 */

const TICKS_PER_MS = 10_000;

/** `YYYY-MM-DDTHH:MM:SS` of the last whole second formatted: most calls fall in the same second. */
let cachedSecond = Number.NaN;
let cachedPrefix = '';

/** Formats ms since the epoch (fraction allowed) the way MDE does. */
export function formatTimestamp(ms: number): string {
  // Split before scaling: ms * 10^4 exceeds 2^53, so whole ms and sub-ms ticks are handled apart.
  let wholeMs = Math.floor(ms);
  let subMsTicks = Math.round((ms - wholeMs) * TICKS_PER_MS);
  if (subMsTicks === TICKS_PER_MS) {
    wholeMs += 1;
    subMsTicks = 0;
  }
  const second = Math.floor(wholeMs / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 19); // 2024-01-02T13:39:46
  }
  // Ticks within the second, 7 digits, trailing zeros trimmed (none at all on a whole second).
  let ticks = (wholeMs - second * 1000) * TICKS_PER_MS + subMsTicks;
  if (ticks === 0) return `${cachedPrefix}Z`;
  let digits = 7;
  while (ticks % 10 === 0) {
    ticks /= 10;
    digits -= 1;
  }
  return `${cachedPrefix}.${String(ticks).padStart(digits, '0')}Z`;
}

/** Parses an MDE timestamp (or any ISO string) back to ms since the epoch, keeping sub-ms ticks. */
export function parseTimestamp(text: string): number {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,7}))?(Z|[+-]\d\d:\d\d)?$/.exec(text);
  if (!match) return Number.NaN;
  const base = Date.parse(`${match[1]}${match[3] ?? 'Z'}`);
  const fraction = (match[2] ?? '').padEnd(7, '0');
  return base + Number(fraction) / TICKS_PER_MS;
}
