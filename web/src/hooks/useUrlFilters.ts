import { useEffect, useMemo, useState } from 'react';
import { navigate, useSearch } from '../router';

/** Typing settles for this long before a text filter applies (as on the Messages page). */
export const TYPING_PAUSE_MS = 350;

/**
 * A list's filters kept in the address (`?status=approved&to=+1555…`), so a link or a reload shows
 * the same list and Back undoes a filter. Other parameters (an open drawer) are left as they are.
 */
export function useUrlFilters<N extends string>(
  names: readonly N[],
): { values: Record<N, string>; set: (name: N, value: string) => void } {
  const search = useSearch();
  const values = useMemo(() => {
    const params = new URLSearchParams(search);
    return Object.fromEntries(names.map((n) => [n, params.get(n) ?? ''])) as Record<N, string>;
    // `names` is a constant list at every call site.
  }, [search]);
  const set = (name: N, value: string) => {
    // Read now, not from this render: a text filter applies after a pause.
    const params = new URLSearchParams(window.location.search);
    if (value) params.set(name, value);
    else params.delete(name);
    const query = params.toString();
    navigate(window.location.pathname + (query ? `?${query}` : ''));
  };
  return { values, set };
}

/**
 * A text field's draft that applies through `apply` once typing pauses, and follows the applied
 * value when it changes from outside (Back, a link).
 */
export function useTypedFilter(applied: string, apply: (value: string) => void) {
  const [draft, setDraft] = useState(applied);
  useEffect(() => setDraft(applied), [applied]);
  useEffect(() => {
    if (draft.trim() === applied) return;
    const timer = setTimeout(() => apply(draft.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // Only typing starts the pause.
  }, [draft]);
  return { draft, setDraft };
}
