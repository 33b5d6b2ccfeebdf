import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { errorMessage } from '../api';

export interface Resource<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
  /** Replaces the data in place (after a write or a live event) without a round trip. */
  update: (change: (current: T | undefined) => T | undefined) => void;
}

/** Loads something from the API when `key` changes; answers arriving late for an old key are dropped. */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
    keyRef.current = key;
  });
  const generation = useRef(0);
  // The key the data on screen was loaded for: a failed load for another key (new filters) must
  // not leave the old data looking like its answer.
  const loadedKey = useRef<string | null>(null);
  const keyRef = useRef(key);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (mine !== generation.current) return;
      loadedKey.current = keyRef.current;
      setData(value);
      setError(null);
    } catch (err) {
      if (mine !== generation.current) return;
      setError(errorMessage(err));
      if (loadedKey.current !== keyRef.current) setData(undefined);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [key, reload]);

  return { data, error, loading, reload, update: setData };
}
