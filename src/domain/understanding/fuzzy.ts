/**
 * Edit distance with transpositions (optimal string alignment), stopping early once it exceeds
 * `max`. Hand-written: MiniSearch's fuzzy search matches terms inside an index, but the
 * understanding compares a handful of short words against a handful of names, where building an
 * index per question costs more than this loop.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** How many typos a word of this length may carry and still be the word: none below 5 letters. */
export const allowedTypos = (length: number): number => (length < 5 ? 0 : length < 9 ? 1 : 2);

/** A word as typed against a known word: equal, the known word with a short ending (-en, -et, -s, -ene), or within the typos its length allows. */
export function wordMatches(typed: string, known: string): boolean {
  if (typed === known) return true;
  if (known.length >= 4 && typed.startsWith(known) && typed.length - known.length <= 3) return true;
  const typos = allowedTypos(Math.min(typed.length, known.length));
  return typos > 0 && editDistance(typed, known, typos) <= typos;
}
