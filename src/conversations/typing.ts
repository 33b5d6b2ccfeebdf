import type { AppContext } from '../context.js';
import { parsePacing } from '../devices/pacing.js';
import { findDeviceById } from '../devices/store.js';
import type { DeviceSupervisor } from '../devices/supervisor.js';
import { typingThroughDevice } from '../devices/typing.js';
import { notFound } from '../lib/errors.js';
import { findConversation } from './store.js';

/** A composer sends "typing" often; the line passes it on at most this often per conversation. */
export const TYPING_EVERY_MS = 3_000;

/**
 * What came of a typing update: `shown` says whether the customer sees "typing…" now, `reason`
 * why nothing was sent to WhatsApp (null when something was).
 */
export interface TypingOutcome {
  shown: boolean;
  reason: 'PRESENCE_OFF' | 'NOT_CONNECTED' | 'ALREADY_SHOWN' | 'NOT_SHOWN' | null;
}

/**
 * The conversations "typing…" is shown in from this node, with when it was last passed on: the
 * server-side debounce. Per node; on a cluster two nodes may each pass one update on, which
 * WhatsApp takes as one.
 */
export class TypingGate {
  private readonly since = new Map<string, number>();

  /** Whether a composing update for `id` at `now` goes to WhatsApp. */
  start(id: string, now: number): boolean {
    const last = this.since.get(id);
    if (last !== undefined && now - last < TYPING_EVERY_MS) return false;
    this.since.set(id, now);
    if (this.since.size > 10_000) this.forgetBefore(now - 60_000);
    return true;
  }

  /** Whether a stop for `id` goes to WhatsApp: only when this node showed it. */
  stop(id: string): boolean {
    return this.since.delete(id);
  }

  private forgetBefore(cutoff: number): void {
    for (const [id, at] of this.since) if (at < cutoff) this.since.delete(id);
  }
}

/**
 * A member is typing a reply in a conversation (or stopped): "typing…" is shown to the customer on
 * the conversation's line, only when the line's presence option is on (pacing.presence) and it is
 * connected. Debounced by `gate`.
 */
export async function conversationTyping(
  ctx: AppContext,
  supervisor: DeviceSupervisor,
  gate: TypingGate,
  workspaceId: string,
  id: string,
  typing: boolean,
): Promise<TypingOutcome> {
  const conversation = await findConversation(ctx.db, workspaceId, id);
  if (!conversation) throw notFound('Conversation');
  const device = await findDeviceById(ctx.db, conversation.device_id);
  if (!device || !parsePacing(device.pacing, device.engine).presence) {
    gate.stop(id);
    return { shown: false, reason: 'PRESENCE_OFF' };
  }
  if (device.status !== 'connected') {
    gate.stop(id);
    return { shown: false, reason: 'NOT_CONNECTED' };
  }
  if (typing) {
    if (!gate.start(id, ctx.clock.now().getTime())) return { shown: true, reason: 'ALREADY_SHOWN' };
  } else if (!gate.stop(id)) {
    return { shown: false, reason: 'NOT_SHOWN' };
  }
  await typingThroughDevice(ctx, supervisor, device.id, conversation.phone, typing);
  return { shown: typing, reason: null };
}
