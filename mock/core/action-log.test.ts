import { describe, expect, it } from 'vitest';
import { ActionLog } from './action-log.ts';

const entries = (n: number) => Array.from({ length: n }, (_, id) => ({ id, dropped: false }));

describe('ActionLog', () => {
  it('reads newest first and oldest first, skipping what was dropped anywhere', () => {
    const log = new ActionLog<{ id: number; dropped: boolean }>();
    const all = entries(6);
    for (const entry of all) log.push(entry);
    log.drop(all[0]!); // the front
    log.drop(all[3]!); // the middle
    expect([...log.newestFirst()].map((e) => e.id)).toEqual([5, 4, 2, 1]);
    expect([...log.oldestFirst()].map((e) => e.id)).toEqual([1, 2, 4, 5]);
    expect(log.size).toBe(4);
    log.drop(all[3]!); // twice is once
    expect(log.size).toBe(4);
  });

  it('drops from the front in constant time and compacts marked entries (100,000 drops stay fast)', () => {
    const log = new ActionLog<{ id: number; dropped: boolean }>();
    const all = entries(200_000);
    for (const entry of all) log.push(entry);
    // Every other entry dropped out of order, then the rest from the front.
    for (let i = 1; i < all.length; i += 2) log.drop(all[i]!);
    for (let i = 0; i < all.length - 2; i += 2) log.drop(all[i]!);
    expect([...log.oldestFirst()].map((e) => e.id)).toEqual([199_998]);
    expect(log.size).toBe(1);
  });
});
