import { useState } from 'react';
import { errorMessage, getPage, urlOf, type ItemOf, type PagedPath } from '../api';
import { useResource } from './useResource';

/** A keyset-paged list (`?limit&cursor`) with its filters: the first page loads, "more" appends. */
export function usePagedList<P extends PagedPath>(path: P, filters: Record<string, string>, limit = 25) {
  const query = (cursor?: string) => ({ ...filters, limit, cursor });
  const list = useResource(() => getPage(path, { query: query() }), urlOf(path, {}, query()));
  const [more, setMore] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const loadMore = async () => {
    const cursor = list.data?.nextCursor;
    if (!cursor) return;
    setMore({ busy: true, error: null });
    try {
      const next = await getPage(path, { query: query(cursor) });
      list.update((page) => page && { data: [...page.data, ...next.data], nextCursor: next.nextCursor });
      setMore({ busy: false, error: null });
    } catch (err) {
      setMore({ busy: false, error: errorMessage(err) });
    }
  };
  const items: Array<ItemOf<P>> = list.data?.data ?? [];
  return { ...list, items, hasMore: Boolean(list.data?.nextCursor), more, loadMore };
}
