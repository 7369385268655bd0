import { describe, expect, it } from 'vitest';
import { rankingEnds } from './ranking-ends';

const rows = (...ranks: number[]) => ranks.map((rank) => ({ rank }));

describe('rankingEnds', () => {
  it('joins the top and the bottom (bottom comes worst first) in rank order', () => {
    expect(rankingEnds(rows(1, 2, 3), rows(2000, 1999, 1998)).map((r) => r.rank)).toEqual([1, 2, 3, 1998, 1999, 2000]);
  });
  it('shows a row in both lists once (fewer branches than both ends together)', () => {
    expect(rankingEnds(rows(1, 2, 3, 4), rows(5, 4, 3, 2)).map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(rankingEnds(rows(), rows()).length).toBe(0);
  });
});
