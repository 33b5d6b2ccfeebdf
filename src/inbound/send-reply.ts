import type { AppContext } from '../context.js';
import { AppError } from '../lib/errors.js';
import { sendMessage } from '../messages/send.js';
import { findWorkspace } from '../workspaces/store.js';

/** Auto-replies are only useful while the conversation is fresh; an old one would confuse. */
const REPLY_TTL_SECONDS = 15 * 60;

export interface ReplyInput {
  workspaceId: string;
  deviceId: string;
  phone: string;
  text: string;
  /** The rule id, or `opt_out` / `opt_in` for consent confirmations. */
  sourceId: string;
  inReplyTo: string;
  ignoreOptOut?: boolean;
}

/**
 * Queues a reply on the device that received the message, like any other message (quota, log,
 * receipts). Returns its id, or null when it could not be queued (quota, device gone): an
 * auto-reply is best effort and must not fail the inbound message.
 */
export async function sendReply(ctx: AppContext, input: ReplyInput): Promise<string | null> {
  const workspace = await findWorkspace(ctx.db, input.workspaceId);
  if (!workspace) return null;
  try {
    const view = await sendMessage(
      ctx,
      input.workspaceId,
      ctx.plans.get(workspace.plan),
      {
        deviceId: input.deviceId,
        to: input.phone,
        type: 'text',
        text: { body: input.text },
        ttlSeconds: REPLY_TTL_SECONDS,
        queueIfDisconnected: true,
        metadata: { autoReply: input.sourceId, inReplyTo: input.inReplyTo },
      },
      { source: 'auto_reply', sourceId: input.sourceId, ignoreOptOut: input.ignoreOptOut },
    );
    return view.id;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    ctx.log.warn({ code: err.code, inReplyTo: input.inReplyTo }, `auto-reply not sent: ${err.message}`);
    return null;
  }
}
