/**
 * Max-heap of (priority, pair id) in parallel typed arrays, for the lazy-constraint scan. Entries are
 * never updated in place: a changed priority is pushed again and stale copies are recognised when
 * popped (lazy deletion), so the heap can outgrow the pair count; `rebuild` resets it.
 * push/pop O(log size).
 */
export class PriorityHeap {
  private prio = new Float64Array(1024);
  private item = new Int32Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(priority: number, id: number): void {
    if (this.size === this.prio.length) {
      const p = new Float64Array(this.size * 2);
      p.set(this.prio);
      this.prio = p;
      const it = new Int32Array(this.size * 2);
      it.set(this.item);
      this.item = it;
    }
    let i = this.size++;
    const prio = this.prio;
    const item = this.item;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (prio[parent]! >= priority) break;
      prio[i] = prio[parent]!;
      item[i] = item[parent]!;
      i = parent;
    }
    prio[i] = priority;
    item[i] = id;
  }

  topPriority(): number {
    return this.prio[0]!;
  }

  topId(): number {
    return this.item[0]!;
  }

  pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const prio = this.prio;
    const item = this.item;
    const lp = prio[n]!;
    const li = item[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && prio[c + 1]! > prio[c]!) c++;
      if (prio[c]! <= lp) break;
      prio[i] = prio[c]!;
      item[i] = item[c]!;
      i = c;
    }
    prio[i] = lp;
    item[i] = li;
  }

  /** Replaces the contents with (priorities[id], id) for every id where include(id) (O(n) heapify). */
  rebuild(priorities: Float64Array, count: number, include: (id: number) => boolean): void {
    this.size = 0;
    if (this.prio.length < count) {
      this.prio = new Float64Array(count);
      this.item = new Int32Array(count);
    }
    for (let id = 0; id < count; id++) {
      if (!include(id)) continue;
      this.prio[this.size] = priorities[id]!;
      this.item[this.size++] = id;
    }
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private siftDown(start: number): void {
    const prio = this.prio;
    const item = this.item;
    const n = this.size;
    const p = prio[start]!;
    const it = item[start]!;
    let i = start;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && prio[c + 1]! > prio[c]!) c++;
      if (prio[c]! <= p) break;
      prio[i] = prio[c]!;
      item[i] = item[c]!;
      i = c;
    }
    prio[i] = p;
    item[i] = it;
  }
}
