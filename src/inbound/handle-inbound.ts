import type { AppContext } from '../context.js';
import { findDevice, isOwnLine } from '../devices/store.js';
import type { EngineEvents } from '../engines/engine.js';
import { findContact, markOptedIn, markOptedOut, touchInboundContact } from '../contacts/store.js';
import { cancelQueuedForOptOut } from '../messages/erase.js';
import type { MessageRow } from '../messages/tables.js';
import { parseSettings } from '../workspaces/settings.js';
import { findWorkspace } from '../workspaces/store.js';
import { chooseReply } from './auto-reply.js';
import { keywordOf, optOutWordsOf } from './keywords.js';
import { sendReply } from './send-reply.js';

export const OPT_OUT_CONFIRMATION =
  'You are unsubscribed and will get no more messages from this number. Reply START to subscribe again.';
export const OPT_IN_CONFIRMATION = 'You are subscribed again. Reply STOP to unsubscribe.';

/** The device a message came in on. */
export interface InboundDevice {
  id: string;
  workspaceId: string;
}

export interface InboundOutcome {
  messageId: string;
  workspaceId: string;
  action: 'opted_out' | 'opted_in' | 'replied' | 'none';
  reason?: string;
  ruleId?: string;
  replyId?: string | null;
}

type Decision = Omit<InboundOutcome, 'messageId' | 'workspaceId'>;

async function decide(
  ctx: AppContext,
  device: InboundDevice,
  message: MessageRow,
  payload: EngineEvents['inbound'],
): Promise<Decision> {
  const now = ctx.clock.now();
  const { workspaceId } = device;
  const phone = message.phone;
  const { first } = await touchInboundContact(ctx.db, {
    workspaceId,
    phone,
    jid: payload.jid,
    deviceId: device.id,
    pushName: payload.pushName,
    now,
  });
  // One of our own lines writing to another: answering could start two bots talking forever.
  if (await isOwnLine(ctx.db, workspaceId, phone)) return { action: 'none', reason: 'own_number' };

  const workspace = await findWorkspace(ctx.db, workspaceId);
  if (!workspace) return { action: 'none', reason: 'no_workspace' };
  const base = { workspaceId, deviceId: device.id, phone, inReplyTo: message.id };
  const keyword = keywordOf(payload.text, optOutWordsOf(parseSettings(workspace.settings)));
  if (keyword === 'opt_out') {
    // What was queued for them before goes with the opt-out, before the confirmation is queued.
    const announceCanceled = await ctx.db.transaction().execute(async (trx) => {
      if (!(await markOptedOut(trx, workspaceId, phone, now))) return undefined;
      return cancelQueuedForOptOut(ctx, trx, workspaceId, phone);
    });
    if (!announceCanceled) return { action: 'none', reason: 'opted_out' };
    announceCanceled();
    const text = OPT_OUT_CONFIRMATION;
    const replyId = await sendReply(ctx, { ...base, text, sourceId: 'opt_out', ignoreOptOut: true });
    return { action: 'opted_out', replyId };
  }
  if (keyword === 'opt_in' && (await markOptedIn(ctx.db, workspaceId, phone, now))) {
    const replyId = await sendReply(ctx, { ...base, text: OPT_IN_CONFIRMATION, sourceId: 'opt_in' });
    return { action: 'opted_in', replyId };
  }

  const contact = await findContact(ctx.db, workspaceId, phone);
  if (contact?.opted_out_at) return { action: 'none', reason: 'opted_out' };
  const deviceRow = await findDevice(ctx.db, workspaceId, device.id);
  const decision = await chooseReply(ctx, {
    workspaceId,
    deviceId: device.id,
    phone,
    text: payload.text,
    first,
    now,
    values: {
      'contact.name': contact?.display_name,
      'contact.phone': phone,
      'device.name': deviceRow?.name,
      'device.phone': deviceRow?.phone,
    },
  });
  if (decision.kind === 'none') return { action: 'none', reason: 'no_rule' };
  if (decision.kind === 'silent')
    return { action: 'none', reason: decision.reason, ruleId: decision.rule.id };
  const replyId = await sendReply(ctx, { ...base, text: decision.text, sourceId: decision.rule.id });
  return { action: 'replied', ruleId: decision.rule.id, replyId };
}

/**
 * Answers inbound messages once they are stored: contact bookkeeping, then consent keywords, then
 * auto-reply rules — in that order, so STOP is never answered by a rule and an opted-out contact
 * never hears one. One per app; it remembers what is in flight so closing can wait for it.
 */
export class InboundHandler {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly ctx: AppContext) {}

  async handle(device: InboundDevice, message: MessageRow, payload: EngineEvents['inbound']): Promise<void> {
    const work = decide(this.ctx, device, message, payload);
    this.pending.add(work);
    let decision: Decision = { action: 'none', reason: 'error' };
    try {
      decision = await work;
    } finally {
      this.pending.delete(work);
      const outcome: InboundOutcome = { messageId: message.id, workspaceId: device.workspaceId, ...decision };
      this.ctx.bus.publish('inbound.handled', outcome);
    }
  }

  /** Waits for inbound messages still being handled (the app is closing). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }
}
