import { describe, expect, it } from 'vitest';
import { TimeOrdered } from '../../src/lib/time-ordered.js';

describe('TimeOrdered', () => {
  it('keeps entries in time order, one added out of order in its place', () => {
    const list = new TimeOrdered<string>();
    expect(list.oldest()).toBeUndefined();
    expect(list.newest()).toBeUndefined();
    for (const [at, value] of [
      [10, 'a'],
      [30, 'c'],
      [20, 'b'],
      [30, 'd'],
    ] as const)
      list.add(at, value);
    expect([list.oldest(), list.newest(), list.nthNewest(2), list.nthNewest(4), list.nthNewest(5)]).toEqual([
      10,
      30,
      30,
      10,
      undefined,
    ]);
    expect([list.countAfter(5), list.countAfter(20), list.countAfter(30)]).toEqual([4, 2, 0]);
    expect(list.dropThrough(20)).toEqual(['a', 'b']);
    expect(list.size).toBe(2);
    expect(list.dropThrough(20)).toEqual([]);
    expect(list.oldest()).toBe(30);
  });

  it('answers the same after its dropped front is cut off', () => {
    const list = new TimeOrdered<number>();
    for (let i = 0; i < 5000; i++) list.add(i, i);
    expect(list.dropThrough(2999)).toHaveLength(3000);
    expect([list.size, list.oldest(), list.newest(), list.nthNewest(2000), list.countAfter(3999)]).toEqual([
      2000, 3000, 4999, 3000, 1000,
    ]);
    list.add(3500.5, -1);
    expect(list.countAfter(3500)).toBe(1500);
    expect(list.dropThrough(3500.5).at(-1)).toBe(-1);
  });
});
