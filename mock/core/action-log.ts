/**
 * @module
 * Actions in creation order (the tenant's, and each machine's), readable newest first in O(what is read)
 * and shrinking from either end in amortized O(1).
 *
 * Why not a plain array: retention drops the oldest actions one by one, and `splice(0, 1)` on one
 * machine's 50,000 actions took a fifth of the server's time under a load test (measured with --cpu-prof);
 * and `$top=10` of one machine's actions must not copy and reverse a million of them first (bench/run.ts,
 * "Growth"). Here a drop at the front moves a head index; a drop elsewhere (an action of another type that
 * ended earlier) only marks the entry, and marked entries are compacted away once they are half the log.
 *
 * One entry can sit in several logs (the tenant's and its machine's). Its `dropped` flag is shared, so the
 * owner sets it once and then tells every log holding the entry ({@link ActionLog.drop}); a log that looked
 * at the flag to decide whether it had already dropped the entry kept it forever in every log but the first.
 */

/** What the log holds: anything that can be marked as dropped. */
export interface LoggedEntry {
  dropped: boolean;
}

export class ActionLog<T extends LoggedEntry> {
  #entries: T[] = [];
  #head = 0;
  /** Entries marked dropped at or after the head. */
  #marked = 0;

  /** Entries held (dropped ones excluded). */
  get size(): number {
    return this.#entries.length - this.#head - this.#marked;
  }

  push(entry: T): void {
    this.#entries.push(entry);
  }

  /**
   * Forgets an entry its owner has marked dropped (O(1) at the front, a mark elsewhere). Call it once per
   * log holding the entry.
   */
  drop(entry: T): void {
    if (!entry.dropped) throw new Error('ActionLog.drop: mark the entry dropped first');
    if (this.#entries[this.#head] === entry) {
      this.#head += 1;
      while (this.#head < this.#entries.length && this.#entries[this.#head]!.dropped) {
        this.#head += 1;
        this.#marked -= 1;
      }
    } else {
      this.#marked += 1;
    }
    this.#compactIfSparse();
  }

  *oldestFirst(): IterableIterator<T> {
    for (let i = this.#head; i < this.#entries.length; i++) {
      const entry = this.#entries[i]!;
      if (!entry.dropped) yield entry;
    }
  }

  *newestFirst(): IterableIterator<T> {
    for (let i = this.#entries.length - 1; i >= this.#head; i--) {
      const entry = this.#entries[i]!;
      if (!entry.dropped) yield entry;
    }
  }

  #compactIfSparse(): void {
    const waste = this.#head + this.#marked;
    if (waste < 1024 || waste * 2 < this.#entries.length) return;
    this.#entries = this.#entries.filter((entry, i) => i >= this.#head && !entry.dropped);
    this.#head = 0;
    this.#marked = 0;
  }
}
