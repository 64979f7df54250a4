/**
 * The slot array of an open-addressing table whose entries are numbered 0..size-1 and keep their
 * own hashes: entry e sits at the first free slot from `hashes[e] & (cap - 1)` (linear probing,
 * -1 = empty). Rebuilding it is how the byte-keyed word tables grow.
 */
export function buildSlots(hashes: Int32Array, size: number, cap: number): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(cap).fill(-1);
  const mask = cap - 1;
  for (let e = 0; e < size; e++) {
    let i = hashes[e]! & mask;
    while (slots[i]! >= 0) i = (i + 1) & mask;
    slots[i] = e;
  }
  return slots;
}
