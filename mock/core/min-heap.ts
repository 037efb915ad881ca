/**
 * @module
 * A binary min-heap keyed by a number: the lifecycle scheduler pops due transitions in O(log n)
 * and peeks at the next one in O(1), so a request that finds nothing due pays almost nothing.
 */
export class MinHeap<T> {
  #keys: number[] = [];
  #items: T[] = [];

  get size(): number {
    return this.#items.length;
  }

  push(key: number, item: T): void {
    this.#keys.push(key);
    this.#items.push(item);
    this.#up(this.#items.length - 1);
  }

  /** Key of the smallest entry, or Infinity when empty. */
  peekKey(): number {
    return this.#keys.length === 0 ? Number.POSITIVE_INFINITY : this.#keys[0]!;
  }

  pop(): T | undefined {
    const top = this.#items[0];
    const lastKey = this.#keys.pop();
    const lastItem = this.#items.pop();
    if (this.#items.length > 0 && lastKey !== undefined) {
      this.#keys[0] = lastKey;
      this.#items[0] = lastItem as T;
      this.#down(0);
    }
    return top;
  }

  #up(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.#keys[parent]! <= this.#keys[i]!) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #down(index: number): void {
    let i = index;
    const n = this.#keys.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < n && this.#keys[left]! < this.#keys[smallest]!) smallest = left;
      if (right < n && this.#keys[right]! < this.#keys[smallest]!) smallest = right;
      if (smallest === i) return;
      this.#swap(i, smallest);
      i = smallest;
    }
  }

  #swap(a: number, b: number): void {
    [this.#keys[a], this.#keys[b]] = [this.#keys[b]!, this.#keys[a]!];
    [this.#items[a], this.#items[b]] = [this.#items[b]!, this.#items[a]!];
  }
}
