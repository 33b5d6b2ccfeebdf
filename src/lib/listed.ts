/** Items said as a list in a sentence: `a`, `a or b`, `a, b or c` (or `and`). */
export const listed = (items: string[], conjunction: 'or' | 'and' = 'or'): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
