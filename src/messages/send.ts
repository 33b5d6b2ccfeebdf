import type { AppContext } from '../context.js';
import type { CreationHook } from '../db/database.js';
import { isForeignKeyViolation } from '../db/foreign-key-violation.js';
import { findDevice } from '../devices/store.js';
import type { DeviceRow } from '../devices/tables.js';
import { AppError, notFound, validation } from '../lib/errors.js';
import { encrypt, deriveKey } from '../lib/crypto.js';
import { newId } from '../lib/ids.js';
import { toE164 } from '../lib/phone.js';
import type { Plan } from '../workspaces/plans.js';
import { findContact } from '../contacts/store.js';
import type { MessageMedia } from '../media/message-media.js';
import { discardOutboundMedia, resolveOutboundMedia } from '../media/outbound.js';
import { chooseDevice } from './device-choice.js';
import { storeAcceptedAlone, storeAcceptedInTransaction } from './accept-store.js';
import { creationEntry } from './store.js';
import type { AfterCommit } from './stored-hooks.js';
import type { MessageRow, MessageSource } from './tables.js';
import { filledTemplateText, findTemplate, renderTemplate } from './templates.js';
import { priorityRank, toMessageView, type MessageView } from './views.js';
import type { SendMessageInput } from './schemas.js';
import { dispatchTopic } from './topics.js';
import { waMessageIdFor } from './wa-id.js';

export interface SendOptions {
  source: MessageSource;
  sourceId?: string;
  /** The log shows this instead of the text (e.g. a one-time code masked); the text is stored sealed. */
  displayBody?: string;
  /** Send even to an opted-out contact (verification codes when the workspace allows it, opt-out confirmations). */
  ignoreOptOut?: boolean;
  /**
   * Runs inside the accepting transaction with the new message's id (the idempotency record); on
   * PostgreSQL its write may go in the accept's statement instead, with the answer: the message's
   * view this returns.
   */
  onCreate?: CreationHook;
  /** Counts a verification in the month's usage with the message (stored by `onCreate`). */
  countsVerification?: boolean;
}

const MAX_TTL_MS = 30 * 24 * 60 * 60 * 1000;

function expiryOf(input: SendMessageInput, now: Date): string | null {
  if (input.ttlSeconds !== undefined) return new Date(now.getTime() + input.ttlSeconds * 1000).toISOString();
  if (input.expiresAt === undefined) return null;
  const at = Date.parse(input.expiresAt);
  if (Number.isNaN(at) || at <= now.getTime() || at - now.getTime() > MAX_TTL_MS) {
    throw validation('expiresAt must be a future time within 30 days', [
      { field: 'body.expiresAt', message: 'is not a future time within 30 days' },
    ]);
  }
  return new Date(at).toISOString();
}

/**
 * Refuses `text` on a message of another type and `template` on one not a template (the media
 * fields are refused the same way in media/outbound.ts): before, they were dropped without a word,
 * and an image sent with its words in `text` reached the customer without them.
 */
function refuseContentOfAnotherType(input: SendMessageInput): void {
  if (input.text !== undefined && input.type !== 'text') {
    const words = input.type === 'template' ? '' : '; the words of a media message are its "caption"';
    throw validation('text is only for type "text"', [
      { field: 'body.text', message: `is not allowed for type "${input.type}"${words}` },
    ]);
  }
  if (input.template !== undefined && input.type !== 'template')
    throw validation('template is only for type "template"', [
      { field: 'body.template', message: `is not allowed for type "${input.type}"` },
    ]);
}

/**
 * What a failed store throws: a device deleted after it was found here is a 404, as it would have
 * been a moment earlier. Before, the foreign key's refusal was a 500 (the delete locks the device,
 * so a message it did not cancel waits for it and is refused there: devices/store.ts).
 */
async function deviceGoneOr(ctx: AppContext, workspaceId: string, deviceId: string, err: unknown) {
  if (isForeignKeyViolation(err) && !(await findDevice(ctx.db, workspaceId, deviceId)))
    return notFound('Device');
  return err;
}

/** Accepts a message (202): validated, counted against the quota and queued for its device. Never sends inline. */
export async function sendMessage(
  ctx: AppContext,
  workspaceId: string,
  plan: Plan,
  input: SendMessageInput,
  options: SendOptions,
): Promise<MessageView> {
  const now = ctx.clock.now();
  const phone = toE164(input.to);
  refuseContentOfAnotherType(input);
  // Checked before a media URL is fetched: a refusal that needs no database costs no download.
  const expiresAt = expiryOf(input, now);
  const resolved = await resolveOutboundMedia(ctx, workspaceId, input);
  try {
    return await acceptMessage(ctx, workspaceId, plan, input, options, {
      now,
      phone,
      expiresAt,
      media: resolved?.media ?? null,
    });
  } catch (err) {
    // Refused, the message takes its fetched file with it. A 5xx may come after the message
    // committed (then the file is its own): only a refusal is certain to have stored nothing.
    if (resolved && err instanceof AppError)
      await discardOutboundMedia(ctx, workspaceId, resolved).catch((undo: unknown) =>
        ctx.log.warn(
          { err: undo, mediaId: resolved.media.id },
          'could not delete the file of a refused message',
        ),
      );
    throw err;
  }
}

/** The rest of `sendMessage`, once the message's file (if any) is stored. */
async function acceptMessage(
  ctx: AppContext,
  workspaceId: string,
  plan: Plan,
  input: SendMessageInput,
  options: SendOptions,
  given: { now: Date; phone: string; expiresAt: string | null; media: MessageMedia | null },
): Promise<MessageView> {
  const { now, phone, expiresAt, media } = given;
  let text: string;
  let templateId: string | null = null;
  if (media) {
    text = media.caption ?? '';
  } else if (input.type === 'template') {
    if (!input.template)
      throw validation('template is required for type "template"', [
        { field: 'body.template', message: 'is required' },
      ]);
    const template = await findTemplate(ctx.db, workspaceId, input.template);
    text = filledTemplateText(renderTemplate(template.body, input.template.variables ?? {}));
    templateId = template.id;
  } else {
    if (!input.text)
      throw validation('text is required for type "text"', [{ field: 'body.text', message: 'is required' }]);
    text = input.text.body;
  }
  const queueIfDisconnected = input.queueIfDisconnected ?? false;

  let device: DeviceRow;
  let optedOut: boolean;
  if (input.deviceId) {
    const found = await findDevice(ctx.db, workspaceId, input.deviceId);
    if (!found) throw notFound('Device');
    if (found.status === 'logged_out' || found.status === 'unlinked') {
      throw new AppError(
        'SESSION_DISCONNECTED',
        `Device ${found.id} is ${found.status}; link it again before sending`,
      );
    }
    if (found.status !== 'connected' && !queueIfDisconnected) {
      throw new AppError(
        'SESSION_DISCONNECTED',
        `Device ${found.id} is ${found.status}; reconnect it or set queueIfDisconnected`,
      );
    }
    device = found;
    optedOut = (await findContact(ctx.db, workspaceId, phone))?.opted_out_at != null;
  } else {
    // The contact comes with the candidate devices: one statement on every accepted message.
    ({ device, optedOut } = await chooseDevice(ctx, workspaceId, phone, queueIfDisconnected));
  }

  if (optedOut && !options.ignoreOptOut) {
    throw new AppError('RECIPIENT_OPTED_OUT', 'This recipient opted out of messages from this workspace');
  }

  const id = newId('msg', now.getTime());
  const at = now.toISOString();
  const sealed =
    options.displayBody !== undefined ? encrypt(deriveKey(ctx.masterKey, 'message-bodies'), text, id) : null;
  const row: MessageRow = {
    id,
    workspace_id: workspaceId,
    device_id: device.id,
    direction: 'out',
    phone,
    type: input.type,
    body: options.displayBody ?? (media && !media.caption ? null : text),
    sealed_body: sealed,
    masked: sealed ? 1 : 0,
    template_id: templateId,
    status: 'queued',
    error_code: null,
    error_message: null,
    priority: priorityRank(input.priority ?? 'normal'),
    source: options.source,
    source_id: options.sourceId ?? null,
    metadata: input.metadata ? JSON.stringify(input.metadata) : null,
    wa_message_id: waMessageIdFor(id),
    media: media ? JSON.stringify(media) : null,
    queue_if_disconnected: queueIfDisconnected ? 1 : 0,
    attempts: 0,
    expires_at: expiresAt,
    created_at: at,
    updated_at: at,
  };
  const hooks = ctx.messageStored.all();
  const view = toMessageView(row, [creationEntry(row)]);
  // On PostgreSQL the one statement alone when it can, with the creation hook's writes in it (the
  // idempotency key's record of the message, a verification born waiting on its first code),
  // else the transaction.
  const verifications = options.countsVerification ? 1 : 0;
  let afterCommit: AfterCommit;
  try {
    const alone =
      ctx.dialect !== 'postgres'
        ? undefined
        : await storeAcceptedAlone(ctx.db, row, plan, now, hooks, {
            onCreate: options.onCreate,
            answer: view,
            verifications,
          });
    afterCommit =
      alone ??
      (await storeAcceptedInTransaction(ctx, row, plan, now, hooks, {
        onCreate: options.onCreate,
        verifications,
      }));
  } catch (err) {
    throw await deviceGoneOr(ctx, workspaceId, device.id, err);
  }
  afterCommit();
  ctx.bus.wake(dispatchTopic(device.id), id);
  return view;
}
