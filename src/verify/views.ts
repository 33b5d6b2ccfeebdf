import { Type, type Static } from 'typebox';
import { literalUnion, Nullable } from '../lib/schema.js';
import { MAX_CHECKS, parseAttempts } from './store.js';
import {
  CHANNELS,
  VERIFICATION_STATUSES,
  type Channel,
  type VerificationRow,
  type VerificationStatus,
} from './tables.js';
import { routeOf } from './transitions.js';

const Time = Type.String({ format: 'date-time' });

export const SendAttemptSchema = Type.Object({
  channel: literalUnion(CHANNELS),
  status: literalUnion(
    ['pending', 'delivered', 'sent', 'failed', 'timed_out', 'skipped', 'canceled'] as const,
    {
      description:
        'pending: WhatsApp message out, not yet delivered; sent: accepted by the SMS or email provider; skipped: channel not configured',
    },
  ),
  messageId: Type.Optional(
    Type.String({ description: 'The WhatsApp message in the message log (code masked there)' }),
  ),
  providerMessageId: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String({ examples: ['SESSION_DISCONNECTED', 'RECIPIENT_NOT_ON_WHATSAPP'] })),
  detail: Type.Optional(Type.String()),
  at: Time,
});

export const VerificationSchema = Type.Object(
  {
    id: Type.String(),
    to: Type.String({ description: 'E.164' }),
    email: Nullable(Type.String()),
    status: literalUnion(VERIFICATION_STATUSES),
    channel: Nullable(
      literalUnion(CHANNELS, { description: 'The channel the code went (or is going) out on' }),
    ),
    channels: Type.Array(literalUnion(CHANNELS)),
    locale: Type.String(),
    codeLength: Type.Integer(),
    remainingAttempts: Type.Integer({ description: 'Checks left (5 in all)' }),
    sendAttempts: Type.Array(SendAttemptSchema),
    deviceId: Nullable(Type.String()),
    templateId: Nullable(Type.String()),
    failureReason: Nullable(Type.String()),
    expiresAt: Time,
    approvedAt: Nullable(Time),
    createdAt: Time,
    updatedAt: Time,
  },
  { $id: 'Verification' },
);

export const CheckResultSchema = Type.Object({
  id: Type.String(),
  status: literalUnion(VERIFICATION_STATUSES),
  remainingAttempts: Type.Integer(),
});

/** Expiry is a fact of the clock: a pending verification past expiresAt reads as expired before the worker marks it. */
export function effectiveStatus(row: VerificationRow, now: Date): VerificationStatus {
  return row.status === 'pending' && row.expires_at <= now.toISOString() ? 'expired' : row.status;
}

export const remainingChecks = (row: VerificationRow) => Math.max(0, MAX_CHECKS - row.check_attempts);

export type VerificationView = Static<typeof VerificationSchema>;

export function toVerificationView(row: VerificationRow, now: Date): VerificationView {
  const route = routeOf(row);
  return {
    id: row.id,
    to: row.phone,
    email: row.email,
    status: effectiveStatus(row, now),
    channel: (route[row.route_index] ?? route[route.length - 1] ?? null) as Channel | null,
    channels: JSON.parse(row.channels) as Channel[],
    locale: row.locale,
    codeLength: row.code_length,
    remainingAttempts: remainingChecks(row),
    sendAttempts: parseAttempts(row),
    deviceId: row.device_id,
    templateId: row.template_id,
    failureReason: row.failure_reason,
    expiresAt: row.expires_at,
    approvedAt: row.approved_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
