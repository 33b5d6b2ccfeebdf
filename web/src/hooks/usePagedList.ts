import { useState } from 'react';
import { api, errorMessage, withQuery } from '../api';
import type { Page } from '../types';
import { useResource } from './useResource';

/** A keyset-paged list (`?limit&cursor`) with its filters: the first page loads, "more" appends. */
export function usePagedList<T>(path: string, filters: Record<string, string>, limit = 25) {
  const url = (cursor?: string) => withQuery(path, { ...filters, limit, cursor });
  const list = useResource(() => api.get<Page<T>>(url()), url());
  const [more, setMore] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const loadMore = async () => {
    const cursor = list.data?.nextCursor;
    if (!cursor) return;
    setMore({ busy: true, error: null });
    try {
      const next = await api.get<Page<T>>(url(cursor));
      list.update((page) => page && { data: [...page.data, ...next.data], nextCursor: next.nextCursor });
      setMore({ busy: false, error: null });
    } catch (err) {
      setMore({ busy: false, error: errorMessage(err) });
    }
  };
  return { ...list, items: list.data?.data ?? [], hasMore: Boolean(list.data?.nextCursor), more, loadMore };
}
