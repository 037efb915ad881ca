import fc from 'fast-check';
import { expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp } from './timestamps.ts';

/** The plain formulation (one Date per call), kept as the reference for the cached one. */
function reference(ms: number): string {
  let wholeMs = Math.floor(ms);
  let ticks = Math.round((ms - wholeMs) * 10_000);
  if (ticks === 10_000) {
    wholeMs += 1;
    ticks = 0;
  }
  const iso = new Date(wholeMs).toISOString();
  const fraction = `${iso.slice(20, 23)}${String(ticks).padStart(4, '0')}`.replace(/0+$/, '');
  return fraction === '' ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, 19)}.${fraction}Z`;
}

it('formats like the service: 7 fractional digits, trailing zeros trimmed, none on a whole second', () => {
  // Fractions a double holds exactly at today's epoch (its step is about 2.4 ticks there).
  expect(formatTimestamp(Date.parse('2026-01-30T21:11:22.841Z') + 0.25)).toBe('2026-01-30T21:11:22.84125Z');
  expect(formatTimestamp(Date.parse('2024-01-02T13:39:46.773Z') + 0.0625)).toBe(
    '2024-01-02T13:39:46.7730625Z',
  );
  expect(formatTimestamp(Date.parse('2024-01-02T13:39:46.770Z'))).toBe('2024-01-02T13:39:46.77Z');
  expect(formatTimestamp(Date.parse('2024-01-02T13:39:46Z'))).toBe('2024-01-02T13:39:46Z');
  expect(formatTimestamp(Date.parse('2024-01-02T13:39:46.999Z') + 0.99999)).toBe('2024-01-02T13:39:47Z');
});

it('agrees with the one-Date-per-call formulation for any time, in any order (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0, max: 253_402_300_799_999, noNaN: true }), { minLength: 1, maxLength: 20 }),
      (times) => {
        for (const ms of times) expect(formatTimestamp(ms)).toBe(reference(ms));
      },
    ),
    { numRuns: 300, seed: 7 },
  );
});

it('round-trips through parseTimestamp to the tick', () => {
  const ms = Date.parse('2026-11-29T10:00:00.123Z') + 0.4567;
  expect(parseTimestamp(formatTimestamp(ms))).toBeCloseTo(ms, 4);
});
