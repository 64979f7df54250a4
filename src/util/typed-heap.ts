/**
 * Binary min-heap operations on a numeric typed array that the caller owns (no objects, no
 * allocation): the hot merge loops keep their keys in a Float64Array or Int32Array and their size in a
 * local. `heapPush` stores at index `size` (so the array needs room for size + 1); `heapPop` takes
 * the current size and returns the minimum, leaving size - 1 entries.
 */
export type HeapArray = Float64Array | Int32Array;

export function heapPush(heap: HeapArray, size: number, key: number): void {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pk = heap[parent]!;
    if (pk <= key) break;
    heap[i] = pk;
    i = parent;
  }
  heap[i] = key;
}

export function heapPop(heap: HeapArray, size: number): number {
  const top = heap[0]!;
  const n = size - 1;
  const last = heap[n]!;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && heap[child + 1]! < heap[child]!) child++;
    if (heap[child]! >= last) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = last;
  return top;
}
