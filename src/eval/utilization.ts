/**
 * Vocabulary utilization (spec §4): the share of the vocabulary a reference corpus uses.
 *
 *   utilization = |{v : n_v > 0}| / |V|
 *
 * |V| counts every id (ordinary and special). The value depends on the corpus (a 100-language UDHR
 * touches far fewer types than a web crawl), so it is always reported with the corpus name.
 */
export function vocabularyUtilization(counts: ReadonlyMap<number, number>, vocabSize: number): number {
  if (vocabSize <= 0) return 0;
  let used = 0;
  for (const n of counts.values()) if (n > 0) used++;
  return used / vocabSize;
}
