import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { api } from './api';
import { useResource } from './hooks/useResource';
import { useLiveEvent, useLiveOpened } from './live';
import type { Device } from './api';

interface DevicesValue {
  devices: Device[];
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
  /** Puts a device's newest view in place (from a write's answer or a stream). */
  upsert: (device: Device) => void;
  remove: (id: string) => void;
}

const DevicesContext = createContext<DevicesValue | null>(null);

/** The workspace's devices, shared by the banner, Overview, Devices and Compose; kept fresh by live events. */
export function DevicesProvider({ children }: { children: ReactNode }) {
  const resource = useResource(() => api.get('/v1/devices', { query: { limit: 100 } }), 'devices');
  const { update } = resource;
  const upsert = useCallback(
    (device: Device) =>
      update((page) => {
        if (!page) return page;
        const known = page.data.some((d) => d.id === device.id);
        // A stream can deliver an older view after a newer one: keep whichever changed last.
        const data = known
          ? page.data.map((d) => (d.id === device.id && d.updatedAt <= device.updatedAt ? device : d))
          : [device, ...page.data];
        return { ...page, data };
      }),
    [update],
  );
  const remove = useCallback(
    (id: string) => update((page) => page && { ...page, data: page.data.filter((d) => d.id !== id) }),
    [update],
  );
  useLiveEvent('device', upsert);
  useLiveOpened(() => void resource.reload());

  const value = useMemo(
    () => ({
      devices: resource.data?.data ?? [],
      loading: resource.loading && !resource.data,
      error: resource.error,
      reload: resource.reload,
      upsert,
      remove,
    }),
    [resource.data, resource.loading, resource.error, resource.reload, upsert, remove],
  );
  return <DevicesContext.Provider value={value}>{children}</DevicesContext.Provider>;
}

export function useDevices(): DevicesValue {
  const value = useContext(DevicesContext);
  if (!value) throw new Error('useDevices outside DevicesProvider');
  return value;
}

export const isDown = (d: Device) => d.status === 'disconnected' || d.status === 'logged_out';
