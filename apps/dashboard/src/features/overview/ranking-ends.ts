/** The top and bottom of a ranking as one list by rank: a row in both (a small bank) appears once. */
export function rankingEnds<R extends { rank: number }>(top: readonly R[], bottom: readonly R[]): R[] {
  const byRank = new Map<number, R>();
  for (const r of [...top, ...bottom]) byRank.set(r.rank, r);
  return [...byRank.values()].sort((a, b) => a.rank - b.rank);
}
