import { useCallback, useEffect, useRef } from 'react';
import { api } from '../../api';

/** A new "typing" goes out at most this often while the member keeps typing (the server takes closer ones as one). */
const RENEW_MS = 3_000;
/** No key for this long and the customer stops seeing "typing…". */
const IDLE_MS = 4_000;

/**
 * Tells the server a member is typing a reply in the conversation, debounced: one update when
 * typing starts and one every RENEW_MS while it goes on, a stop after IDLE_MS without a key, on
 * send, and when the thread closes. Sent even when the line's presence option is off (the server
 * answers PRESENCE_OFF): an admin may switch it on while the thread is open. Failures are ignored:
 * "typing…" is cosmetic.
 */
export function useTypingSignal(conversationId: string): { typed: () => void; stopped: () => void } {
  const state = useRef({ active: false, lastSent: 0, idle: undefined as number | undefined });

  const post = useCallback(
    (typing: boolean) => {
      api
        .post('/v1/conversations/{id}/typing', { path: { id: conversationId }, body: { typing } })
        .catch(() => undefined);
    },
    [conversationId],
  );

  const stopped = useCallback(() => {
    const s = state.current;
    window.clearTimeout(s.idle);
    if (!s.active) return;
    s.active = false;
    post(false);
  }, [post]);

  const typed = useCallback(() => {
    const s = state.current;
    window.clearTimeout(s.idle);
    s.idle = window.setTimeout(stopped, IDLE_MS);
    const now = Date.now();
    if (s.active && now - s.lastSent < RENEW_MS) return;
    s.active = true;
    s.lastSent = now;
    post(true);
  }, [post, stopped]);

  useEffect(() => {
    state.current = { active: false, lastSent: 0, idle: undefined };
    return stopped;
  }, [conversationId, stopped]);

  return { typed, stopped };
}
