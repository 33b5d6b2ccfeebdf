import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import type { CreationHook } from '../db/database.js';
import { ChannelError } from '../channels/errors.js';
import { createMailer, type Mailer } from '../channels/email.js';
import { createSmsSenderFromConfig, type SmsSender } from '../channels/sms/index.js';
import { AppError, validation } from '../lib/errors.js';
import { listed } from '../lib/listed.js';
import { sendMessage } from '../messages/send.js';
import { findTemplate } from '../messages/templates.js';
import { parseSettings } from '../workspaces/settings.js';
import { findWorkspace } from '../workspaces/store.js';
import type { WorkspaceRow } from '../workspaces/tables.js';
import { maskCode } from './codes.js';
import { startedMeanwhile } from './superseding-store.js';
import type { Channel, VerificationRow } from './tables.js';
import { codeText, emailSubject, minutesLeft } from './texts.js';

/** The non-WhatsApp senders, made once from the config; null where a channel is not configured. */
export interface VerifyChannels {
  sms: SmsSender | null;
  mailer: Mailer | null;
  close(): void;
}

/** Whether this server sends on the channel at all: WhatsApp always (its devices come and go), SMS and email once configured. */
export const canSendOn = (channels: VerifyChannels, channel: Channel): boolean =>
  channel === 'whatsapp' || (channel === 'sms' ? channels.sms !== null : channels.mailer !== null);

const CHANNEL_NAMES: Record<Channel, string> = { whatsapp: 'WhatsApp', sms: 'SMS', email: 'email' };

/**
 * Refuses a send (`what`: a new verification, or a resend) none of whose channels this server
 * sends on: it could only fail, and end the verification with it. Nothing is stored or counted.
 */
export function assertSomeChannelSends(
  route: Channel[],
  channels: VerifyChannels,
  what: 'verification' | 'resend',
): void {
  if (route.some((c) => canSendOn(channels, c))) return;
  const names = listed(
    route.map((c) => CHANNEL_NAMES[c]),
    'and',
  );
  const field = what === 'verification' ? 'body.channels' : 'body.channel';
  throw validation(
    `No channel of this ${what} can send the code: ${names} ${route.length > 1 ? 'are' : 'is'} not configured on this server (docs/otp.md, Setup)`,
    [{ field, message: 'has no channel this server sends on' }],
  );
}

export function createVerifyChannels(config: Config): VerifyChannels {
  const sms = createSmsSenderFromConfig({
    provider: config.smsProvider,
    twilio: {
      accountSid: config.twilioAccountSid,
      authToken: config.twilioAuthToken,
      from: config.twilioFrom,
      baseUrl: config.twilioBaseUrl,
    },
    webhookUrl: config.smsWebhookUrl,
  });
  const mailer = config.smtpUrl ? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }) : null;
  return { sms, mailer, close: () => mailer?.close() };
}

/**
 * Thrown by an `onAccepted` hook when the verification moved on (canceled, resent, taken over)
 * before its code message was accepted: the message is undone with the accepting transaction.
 */
export class AttemptMoved extends Error {
  constructor() {
    super('The verification moved on before its code was accepted');
  }
}

export type SendOutcome =
  | { status: 'pending'; messageId: string }
  /** `onAccepted` refused: nothing was sent. */
  | { status: 'moved' }
  | { status: 'sent'; providerMessageId?: string }
  | { status: 'failed' | 'skipped'; reason: string; detail: string };

const skipped = (reason: string, detail: string): SendOutcome => ({ status: 'skipped', reason, detail });

interface CodeMessage {
  text: string;
  masked: string;
  templateId: string | null;
}

/** The text for this send; a template deleted since creation falls back to the default text rather than to no code at all. */
async function composeMessage(
  ctx: AppContext,
  row: VerificationRow,
  code: string,
  workspace: WorkspaceRow | undefined,
): Promise<CodeMessage> {
  const minutes = minutesLeft(row.expires_at, ctx.clock.now());
  const template = row.template_id
    ? await findTemplate(ctx.db, row.workspace_id, { id: row.template_id }).catch(() => undefined)
    : undefined;
  // Without a template, the workspace's own code text (Settings) replaces the localized default.
  const templateBody =
    template?.body ?? (workspace ? parseSettings(workspace.settings).verification?.messageText : undefined);
  const base = { minutes, locale: row.locale, templateBody };
  return {
    text: codeText({ ...base, code }),
    masked: codeText({ ...base, code: maskCode(row.code_length) }),
    templateId: template?.id ?? null,
  };
}

async function sendWhatsApp(
  ctx: AppContext,
  row: VerificationRow,
  code: string,
  message: CodeMessage,
  workspace: WorkspaceRow | undefined,
  onAccepted: CreationHook | undefined,
  countsVerification: boolean,
) {
  if (!workspace) return skipped('WORKSPACE_NOT_FOUND', 'The workspace no longer exists');
  const minutes = minutesLeft(row.expires_at, ctx.clock.now());
  const view = await sendMessage(
    ctx,
    row.workspace_id,
    ctx.plans.get(workspace.plan),
    {
      to: row.phone,
      deviceId: row.device_id ?? undefined,
      ...(message.templateId
        ? { type: 'template' as const, template: { id: message.templateId, variables: { code, minutes } } }
        : { type: 'text' as const, text: { body: message.text } }),
      priority: 'high',
      expiresAt: row.expires_at,
      queueIfDisconnected: false,
    },
    {
      source: 'verification',
      sourceId: row.id,
      displayBody: message.masked,
      ignoreOptOut: parseSettings(workspace.settings).allowOtpToOptedOut === true,
      onCreate: onAccepted,
      countsVerification,
    },
  );
  return { status: 'pending' as const, messageId: view.id };
}

/**
 * One send of the code on one channel. Never throws for a channel that cannot take the code: the
 * outcome says why, so the caller can fall back. Reasons and details never contain the code.
 */
export async function sendOnChannel(
  ctx: AppContext,
  channels: VerifyChannels,
  row: VerificationRow,
  channel: Channel,
  code: string,
  options: {
    /** Runs inside the transaction that accepts a WhatsApp code message, with its id. */
    onAccepted?: CreationHook;
    /** The workspace as the caller read it; read here otherwise. */
    workspace?: WorkspaceRow;
    /** A WhatsApp message counts the verification in the month's usage (`onAccepted` stores it). */
    countsVerification?: boolean;
  } = {},
): Promise<SendOutcome> {
  const { onAccepted, countsVerification = false } = options;
  try {
    // One read of the workspace for its code text and, on WhatsApp, its plan and opt-out setting.
    const workspace = options.workspace ?? (await findWorkspace(ctx.db, row.workspace_id));
    const message = await composeMessage(ctx, row, code, workspace);
    if (channel === 'whatsapp')
      return await sendWhatsApp(ctx, row, code, message, workspace, onAccepted, countsVerification);
    if (channel === 'sms') {
      if (!channels.sms) return skipped('CHANNEL_NOT_CONFIGURED', 'SMS is not configured on this server');
      const sent = await channels.sms.send({ to: row.phone, body: message.text });
      return { status: 'sent', providerMessageId: sent.providerMessageId };
    }
    if (!channels.mailer)
      return skipped('CHANNEL_NOT_CONFIGURED', 'Email (SMTP) is not configured on this server');
    if (!row.email) return skipped('NO_EMAIL', 'No email address was given for this verification');
    const sent = await channels.mailer.send({
      to: row.email,
      subject: emailSubject(row.locale),
      text: message.text,
    });
    return { status: 'sent', providerMessageId: sent.messageId };
  } catch (err) {
    if (err instanceof AttemptMoved) return { status: 'moved' };
    // Not the channel's doing: the verification the message was stored with lost to one stored
    // meanwhile for its number, and its creation starts over.
    if (startedMeanwhile(err)) throw err;
    if (err instanceof AppError || err instanceof ChannelError) {
      return { status: 'failed', reason: err.code, detail: err.message };
    }
    // Only a redacted message: an unknown error could quote what it was handed, code included.
    const why =
      err instanceof Error ? `${err.name}: ${err.message}`.split(code).join('[redacted]') : 'unknown';
    ctx.log.error({ verificationId: row.id, channel, error: why }, 'verification send failed unexpectedly');
    return { status: 'failed', reason: 'SEND_FAILED', detail: 'The send failed unexpectedly' };
  }
}
