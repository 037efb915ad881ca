import { describe, expect, it } from 'vitest';
import { ActivityFeed } from './activity-feed.ts';
import type { StoredAction } from './tenant-state.ts';

const action = (id: string, status: string): StoredAction =>
  ({
    id,
    type: 'UnrestrictCodeExecution',
    status,
    machineId: 'm1',
    computerDnsName: 'pc',
    requestor: 'app',
  }) as unknown as StoredAction;

describe('ActivityFeed', () => {
  it('hands out only what is after the cursor, with each status frozen as it was taken', () => {
    const feed = new ActivityFeed();
    const a = action('a', 'Pending');
    feed.record('t1', a, 0);
    a.status = 'InProgress';
    feed.record('t1', a, 5_000);
    const first = feed.since(0);
    expect(first.events.map((e) => [e.seq, e.status, e.time])).toEqual([
      [1, 'Pending', '1970-01-01T00:00:00.000Z'],
      [2, 'InProgress', '1970-01-01T00:00:05.000Z'],
    ]);
    expect(feed.since(first.latest)).toMatchObject({ events: [], latest: 2, truncated: false });
  });

  it('stays bounded and says when a reader fell behind the bound', () => {
    const feed = new ActivityFeed(10);
    for (let i = 0; i < 1000; i++) feed.record('t1', action(`a${i}`, 'Pending'), i);
    const page = feed.since(0);
    expect(page.events).toHaveLength(10);
    expect(page.events[0]!.seq).toBe(991);
    expect(page.truncated).toBe(true);
    expect(feed.since(995)).toMatchObject({ truncated: false });
    expect(feed.since(990, { limit: 3 }).events.map((e) => e.seq)).toEqual([998, 999, 1000]);
  });

  it("filters by tenant, and a clear of one tenant's events starts a new generation", () => {
    const feed = new ActivityFeed();
    feed.record('t1', action('a', 'Pending'), 0);
    feed.record('t2', action('b', 'Pending'), 0);
    const before = feed.since(0).generation;
    expect(feed.since(0, { tenantId: 't2' }).events.map((e) => e.actionId)).toEqual(['b']);
    feed.clear('t1');
    expect(feed.since(0).events.map((e) => e.actionId)).toEqual(['b']);
    expect(feed.since(0).generation).toBe(before + 1);
  });
});
