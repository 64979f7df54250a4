/**
 * Occurrence lists of the BPE trainer: for each pair, the positions where it was formed.
 *
 * - The initial occurrences (every adjacent pair of the corpus words) are one exact-size Int32Array
 *   grouped by pair (`setInitial`, compressed-row form): 4 bytes per entry, no slack, no copying.
 * - Occurrences formed by merges are singly linked lists in one pooled pair of Int32Arrays (no
 *   per-pair JS arrays: those made garbage collection ~30% of training time). When the pool is full,
 *   live lists are compacted into fresh arrays (sized 1.5× the live entries): detached lists
 *   (merged pairs) are reclaimed then. Amortized O(1) per append.
 * A pair's list is its initial entries (increasing position order) followed by its appended ones in
 * append order. Memory (100 MB of English, 4 M symbols): ~16 MB initial + the linked pool, against
 * ~60 MB when the initial entries were linked too.
 */
export class OccurrencePool {
  /** Initial entries of pair p: initialPos[initialStart[p] .. initialStart[p + 1]), for p < initialPairs. */
  private initialStart: Int32Array = new Int32Array(1);
  private initialPos: Int32Array = new Int32Array(0);
  private initialPairs = 0;
  /** 1 once pair p's initial entries were taken. */
  private initialTaken = new Uint8Array(0);
  private pos = new Int32Array(1 << 16);
  private next = new Int32Array(1 << 16);
  private used = 0;
  private head = new Int32Array(1024).fill(-1);
  private tail = new Int32Array(1024);
  private scratch = new Int32Array(1024);

  /** Makes room for pair index `p` (call when pairs are created). */
  ensurePair(p: number): void {
    if (p < this.head.length) return;
    const n = Math.max(p + 1, this.head.length + (this.head.length >> 1));
    const h = new Int32Array(n).fill(-1); h.set(this.head); this.head = h;
    const t = new Int32Array(n); t.set(this.tail); this.tail = t;
  }

  /**
   * The initial occurrences, grouped by pair: entries of pair p are positions[start[p] .. start[p + 1])
   * in increasing order (`start` has one entry per initial pair, plus one).
   */
  setInitial(start: Int32Array, positions: Int32Array): void {
    this.initialStart = start;
    this.initialPos = positions;
    this.initialPairs = start.length - 1;
    this.initialTaken = new Uint8Array(this.initialPairs);
  }

  push(p: number, position: number): void {
    if (this.used === this.pos.length) this.compact();
    const e = this.used++;
    this.pos[e] = position;
    this.next[e] = -1;
    if (this.head[p]! < 0) this.head[p] = e;
    else this.next[this.tail[p]!] = e;
    this.tail[p] = e;
  }

  /**
   * Detaches p's list and returns its positions in a scratch array (valid until the next `take`)
   * and their count.
   */
  take(p: number): { positions: Int32Array; length: number } {
    let k = 0;
    if (p < this.initialPairs && this.initialTaken[p] === 0) {
      this.initialTaken[p] = 1;
      const from = this.initialStart[p]!;
      const to = this.initialStart[p + 1]!;
      this.reserve(to - from);
      this.scratch.set(this.initialPos.subarray(from, to));
      k = to - from;
    }
    for (let e = p < this.head.length ? this.head[p]! : -1; e >= 0; e = this.next[e]!) {
      if (k === this.scratch.length) {
        const s = new Int32Array(this.scratch.length * 2); s.set(this.scratch); this.scratch = s;
      }
      this.scratch[k++] = this.pos[e]!;
    }
    if (p < this.head.length) this.head[p] = -1;
    return { positions: this.scratch, length: k };
  }

  private reserve(n: number): void {
    if (n <= this.scratch.length) return;
    this.scratch = new Int32Array(Math.max(n, this.scratch.length * 2));
  }

  private compact(): void {
    let live = 0;
    for (let p = 0; p < this.head.length; p++) for (let e = this.head[p]!; e >= 0; e = this.next[e]!) live++;
    // 1.5× the live entries, shrinking too: the pool tracks what is live (amortized O(1) per push).
    const cap = Math.max(1 << 16, live + (live >> 1));
    const pos = new Int32Array(cap);
    const next = new Int32Array(cap);
    let used = 0;
    for (let p = 0; p < this.head.length; p++) {
      let e = this.head[p]!;
      if (e < 0) continue;
      this.head[p] = used;
      for (; e >= 0; e = this.next[e]!) {
        pos[used] = this.pos[e]!;
        next[used] = used + 1;
        used++;
      }
      next[used - 1] = -1;
      this.tail[p] = used - 1;
    }
    this.pos = pos;
    this.next = next;
    this.used = used;
  }
}
