/**
 * Growable typed arrays (amortised O(1) push, capacity doubling) for the replay's sparse diffs and
 * occurrence lists: millions of entries stay in flat memory instead of JS arrays of boxed numbers.
 */
export class GrowableInt32 {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): number {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }
  /** A right-sized copy. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export class GrowableFloat64 {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  push(v: number): number {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** Grows `a` to at least `n` elements (doubling), keeping its contents; fill value for new slots. */
export function ensureInt32(a: Int32Array<ArrayBuffer>, n: number, fill = 0): Int32Array<ArrayBuffer> {
  if (n <= a.length) return a;
  let cap = a.length || 16;
  while (cap < n) cap *= 2;
  const next = new Int32Array(cap);
  next.set(a);
  if (fill !== 0) next.fill(fill, a.length);
  return next;
}

export function ensureFloat64(a: Float64Array<ArrayBuffer>, n: number): Float64Array<ArrayBuffer> {
  if (n <= a.length) return a;
  let cap = a.length || 16;
  while (cap < n) cap *= 2;
  const next = new Float64Array(cap);
  next.set(a);
  return next;
}
