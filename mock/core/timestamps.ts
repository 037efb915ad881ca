/**
 * @module
 * Timestamps as the service writes them: .NET round-trip UTC with up to 7 fractional digits (100 ns ticks)
 * and trailing zeros trimmed, e.g. `2024-01-02T13:39:46.773821Z` (mde-api.md §2, "Date format").
 */

const TICKS_PER_MS = 10_000;

/** Formats ms since the epoch (fraction allowed) the way MDE does. */
export function formatTimestamp(ms: number): string {
  // Split before scaling: ms * 10^4 exceeds 2^53, so whole ms and sub-ms ticks are handled apart.
  let wholeMs = Math.floor(ms);
  let subMsTicks = Math.round((ms - wholeMs) * TICKS_PER_MS);
  if (subMsTicks === TICKS_PER_MS) {
    wholeMs += 1;
    subMsTicks = 0;
  }
  const iso = new Date(wholeMs).toISOString(); // 2024-01-02T13:39:46.773Z
  const fraction = `${iso.slice(20, 23)}${String(subMsTicks).padStart(4, '0')}`.replace(/0+$/, '');
  return fraction === '' ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, 19)}.${fraction}Z`;
}

/** Parses an MDE timestamp (or any ISO string) back to ms since the epoch, keeping sub-ms ticks. */
export function parseTimestamp(text: string): number {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,7}))?(Z|[+-]\d\d:\d\d)?$/.exec(text);
  if (!match) return Number.NaN;
  const base = Date.parse(`${match[1]}${match[3] ?? 'Z'}`);
  const fraction = (match[2] ?? '').padEnd(7, '0');
  return base + Number(fraction) / TICKS_PER_MS;
}
