/**
 * Garbage-collection pauses of this process, on the same timeline as performance.now(), so a measurement
 * can tell its own work from collections that happened inside it (bench/growth.ts, bench/core-loop.ts).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const pauses: { start: number; end: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
}).observe({ entryTypes: ['gc'] });

/** Waits until the observer has delivered the pauses so far (it does so on a later turn of the event loop). */
export function gcSettled(): Promise<void> {
  return sleep(20);
}

/** Milliseconds of garbage collection inside [start, end] (call {@link gcSettled} first). */
export function gcWithin(start: number, end: number): number {
  let total = 0;
  for (const pause of pauses) total += Math.max(0, Math.min(end, pause.end) - Math.max(start, pause.start));
  return total;
}
