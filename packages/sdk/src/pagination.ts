import type { Page } from './types.js';

/**
 * A keyset-paginated list. Iterate it for every item, page after page, fetched as you go:
 *
 *   for await (const message of waping.messages.list({ status: 'failed' })) { … }
 *
 * or take one page (`await list.page()`), or every page (`for await (const page of list.pages())`).
 */
export class PageIterator<T> implements AsyncIterable<T> {
  constructor(
    private readonly fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
    private readonly startCursor?: string,
  ) {}

  /** The first page (from the `cursor` given, if any). */
  page(): Promise<Page<T>> {
    return this.fetchPage(this.startCursor);
  }

  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let cursor = this.startCursor;
    for (;;) {
      const page = await this.fetchPage(cursor);
      yield page;
      if (!page.nextCursor) return;
      cursor = page.nextCursor;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }

  /** Every item, up to `max` (all when omitted). */
  async toArray(max = Infinity): Promise<T[]> {
    const items: T[] = [];
    if (max <= 0) return items;
    for await (const item of this) {
      items.push(item);
      if (items.length >= max) break;
    }
    return items;
  }
}
