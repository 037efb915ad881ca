import { describe, expect, it } from 'vitest';
import { ActionLog } from './action-log.ts';

type Entry = { id: number; dropped: boolean };
const entries = (n: number): Entry[] => Array.from({ length: n }, (_, id) => ({ id, dropped: false }));
/** What the owner does: mark once, then tell every log holding the entry. */
const dropFrom = (entry: Entry, ...logs: ActionLog<Entry>[]) => {
  entry.dropped = true;
  for (const log of logs) log.drop(entry);
};

describe('ActionLog', () => {
  it('reads newest first and oldest first, skipping what was dropped anywhere', () => {
    const log = new ActionLog<Entry>();
    const all = entries(6);
    for (const entry of all) log.push(entry);
    dropFrom(all[0]!, log); // the front
    dropFrom(all[3]!, log); // the middle
    expect([...log.newestFirst()].map((e) => e.id)).toEqual([5, 4, 2, 1]);
    expect([...log.oldestFirst()].map((e) => e.id)).toEqual([1, 2, 4, 5]);
    expect(log.size).toBe(4);
  });

  it('lets go of an entry in every log that holds it (the tenant and the machine share entries)', () => {
    // The defect: the first log set the shared flag, the second saw it set and kept the entry for good,
    // so retention freed nothing on the machine's side (0.55 KB a call leaked under load).
    const tenantLog = new ActionLog<Entry>();
    const machineLog = new ActionLog<Entry>();
    const all = entries(5000);
    for (const entry of all) {
      tenantLog.push(entry);
      machineLog.push(entry);
    }
    for (const entry of all.slice(0, 4990)) dropFrom(entry, tenantLog, machineLog);
    expect(tenantLog.size).toBe(10);
    expect(machineLog.size).toBe(10);
    expect([...machineLog.oldestFirst()].map((e) => e.id)).toEqual(
      [...tenantLog.oldestFirst()].map((e) => e.id),
    );
  });

  it('refuses an entry its owner has not marked dropped', () => {
    const log = new ActionLog<Entry>();
    const [entry] = entries(1);
    log.push(entry!);
    expect(() => log.drop(entry!)).toThrow(/mark the entry dropped first/);
  });

  it('drops from the front in constant time and compacts marked entries (100,000 drops stay fast)', () => {
    const log = new ActionLog<Entry>();
    const all = entries(200_000);
    for (const entry of all) log.push(entry);
    // Every other entry dropped out of order, then the rest from the front.
    for (let i = 1; i < all.length; i += 2) dropFrom(all[i]!, log);
    for (let i = 0; i < all.length - 2; i += 2) dropFrom(all[i]!, log);
    expect([...log.oldestFirst()].map((e) => e.id)).toEqual([199_998]);
    expect(log.size).toBe(1);
  });
});
