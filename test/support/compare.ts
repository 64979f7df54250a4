/**
 * Differential comparison of token id sequences: says whether ids differ and, if so, whether the
 * decoded text differs too (an id mismatch with equal text is a segmentation difference; with
 * different text it is a content bug).
 */
export interface Mismatch {
  label: string;
  input: string;
  kind: 'ids differ, decoded text equal' | 'ids differ, decoded text differs too';
  firstDifference: number;
  ours: number[];
  reference: number[];
}

export function sameIds(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function describeMismatch(
  label: string,
  input: string,
  ours: ArrayLike<number>,
  reference: ArrayLike<number>,
  decodeOurs: () => string,
  decodeReference: () => string,
): Mismatch {
  let first = 0;
  while (first < Math.min(ours.length, reference.length) && ours[first] === reference[first]) first++;
  return {
    label,
    input: input.length > 200 ? input.slice(0, 200) + '…' : input,
    kind: decodeOurs() === decodeReference() ? 'ids differ, decoded text equal' : 'ids differ, decoded text differs too',
    firstDifference: first,
    ours: Array.from(ours).slice(Math.max(0, first - 3), first + 5),
    reference: Array.from(reference).slice(Math.max(0, first - 3), first + 5),
  };
}

export function formatMismatches(ms: Mismatch[], max = 5): string {
  return `${ms.length} mismatch(es):\n` + ms.slice(0, max).map((m) => JSON.stringify(m)).join('\n');
}
