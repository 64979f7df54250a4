/**
 * Occurrence lists of the BPE trainer: for each pair, the positions where it was formed, as singly
 * linked lists in one pooled pair of Int32Arrays (no per-pair JS arrays: those made garbage
 * collection ~30% of training time). Appending keeps insertion order, so the initial lists are in
 * increasing position order.
 * When the pool is full, live lists are compacted into fresh arrays (sized 2× the live entries):
 * detached lists (merged pairs) are reclaimed then. Amortized O(1) per append.
 */
export class OccurrencePool {
  private pos = new Int32Array(1 << 16);
  private next = new Int32Array(1 << 16);
  private used = 0;
  private head = new Int32Array(1024).fill(-1);
  private tail = new Int32Array(1024);
  private scratch = new Int32Array(1024);

  /** Makes room for pair index `p` (call when pairs are created). */
  ensurePair(p: number): void {
    if (p < this.head.length) return;
    const n = Math.max(p + 1, this.head.length * 2);
    const h = new Int32Array(n).fill(-1); h.set(this.head); this.head = h;
    const t = new Int32Array(n); t.set(this.tail); this.tail = t;
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
    for (let e = p < this.head.length ? this.head[p]! : -1; e >= 0; e = this.next[e]!) {
      if (k === this.scratch.length) {
        const s = new Int32Array(this.scratch.length * 2); s.set(this.scratch); this.scratch = s;
      }
      this.scratch[k++] = this.pos[e]!;
    }
    if (p < this.head.length) this.head[p] = -1;
    return { positions: this.scratch, length: k };
  }

  private compact(): void {
    let live = 0;
    for (let p = 0; p < this.head.length; p++) for (let e = this.head[p]!; e >= 0; e = this.next[e]!) live++;
    const cap = Math.max(1 << 16, live * 2, this.pos.length);
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
