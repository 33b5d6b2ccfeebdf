import { navigate, useSearch } from '../router';

/**
 * The open drawer's id kept in the address (`?contact=+15551234567`), so a link or a reload opens
 * it and Back closes it. Other parameters of the address are left as they are.
 */
export function useDrawerParam(name: string): { id: string; open: (id: string) => void; close: () => void } {
  const id = new URLSearchParams(useSearch()).get(name) ?? '';
  const go = (value: string) => {
    // Read now, not from this render: another parameter may have changed in between.
    const params = new URLSearchParams(window.location.search);
    if (value) params.set(name, value);
    else params.delete(name);
    const query = params.toString();
    navigate(window.location.pathname + (query ? `?${query}` : ''));
  };
  return { id, open: go, close: () => go('') };
}
