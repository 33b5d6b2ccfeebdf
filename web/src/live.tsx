import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { ConversationChange, Device, Message } from './api';

interface LiveEvents {
  message: Message;
  device: Device;
  conversation: ConversationChange;
  /** The stream opened (`useLiveOpened`). */
  open: null;
}
type LiveName = keyof LiveEvents;
type Listener = (payload: never) => void;

class LiveHub {
  private listeners = new Map<LiveName, Set<Listener>>();
  on<K extends LiveName>(name: K, listener: (payload: LiveEvents[K]) => void): () => void {
    const set = this.listeners.get(name) ?? new Set<Listener>();
    this.listeners.set(name, set);
    set.add(listener as Listener);
    return () => {
      set.delete(listener as Listener);
    };
  }
  emit<K extends LiveName>(name: K, payload: LiveEvents[K]): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as (p: LiveEvents[K]) => void)(payload);
  }
}

const LiveContext = createContext<{ hub: LiveHub; connected: boolean } | null>(null);

/** One Server-Sent Events stream for the tab: message changes and device health for the workspace. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [hub] = useState(() => new LiveHub());
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource('/v1/dashboard/events');
    source.onopen = () => {
      setConnected(true);
      hub.emit('open', null);
    };
    // EventSource reconnects by itself; the flag only tells pages to fall back to refreshing.
    source.onerror = () => setConnected(false);
    for (const name of ['message', 'device', 'conversation'] as const) {
      source.addEventListener(name, (event) =>
        hub.emit(name, JSON.parse((event as MessageEvent<string>).data)),
      );
    }
    return () => source.close();
  }, [hub]);
  return <LiveContext.Provider value={{ hub, connected }}>{children}</LiveContext.Provider>;
}

/** Calls `handler` for each live event of this name while the component is mounted. */
export function useLiveEvent<K extends LiveName>(name: K, handler: (payload: LiveEvents[K]) => void): void {
  const live = useContext(LiveContext);
  const ref = useRef(handler);
  useLayoutEffect(() => {
    ref.current = handler;
  });
  useEffect(() => live?.hub.on(name, (payload) => ref.current(payload)), [live, name]);
}

/**
 * Calls `handler` each time the live stream opens, the first time included. Whatever happened
 * before the stream was open (between a page's first load and the stream's start, or while it
 * reconnected) reached no listener, so a page that keeps its data fresh from live events loads it
 * again here.
 */
export function useLiveOpened(handler: () => void): void {
  useLiveEvent('open', handler);
}

export function useLiveConnected(): boolean {
  return useContext(LiveContext)?.connected ?? false;
}
