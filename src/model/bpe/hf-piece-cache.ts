/**
 * Bounded cache of merged pieces for the HF BPE model (HF keeps 10,000 entries and only caches
 * pieces shorter than 256 bytes). When full, the cache is cleared wholesale: a cheap policy that keeps
 * lookups O(1) and memory bounded; normal text re-fills the hot words immediately.
 */
export class PieceCache<V> {
  private map = new Map<string, V>();
  constructor(readonly capacity = 100_000, readonly maxKeyLength = 256) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    if (key.length >= this.maxKeyLength || this.capacity === 0) return;
    if (this.map.size >= this.capacity) this.map.clear();
    this.map.set(key, value);
  }
}
