import { Type, type Static } from 'typebox';
import { literalUnion, Nullable } from '../lib/schema.js';
import { PacingSchema, parsePacing } from './pacing.js';
import type { DeviceRow } from './tables.js';

export const DEVICE_STATUSES = [
  'unlinked',
  'connecting',
  'qr',
  'connected',
  'disconnected',
  'logged_out',
] as const;
export const ENGINES = ['sandbox', 'baileys'] as const;

export const DeviceSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    engine: literalUnion(ENGINES),
    status: literalUnion(DEVICE_STATUSES),
    statusReason: Nullable(Type.String()),
    statusChangedAt: Type.String({ format: 'date-time' }),
    lastSeenAt: Nullable(
      Type.String({
        format: 'date-time',
        description:
          'When the device was last connected: the moment it connected while it is, the moment it dropped after; null if never',
      }),
    ),
    phone: Nullable(Type.String({ description: 'E.164 of the linked number' })),
    displayName: Nullable(Type.String()),
    pacing: PacingSchema,
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Device' },
);

export type DeviceView = Static<typeof DeviceSchema>;

export function toDeviceView(row: DeviceRow): DeviceView {
  return {
    id: row.id,
    name: row.name,
    engine: row.engine,
    status: row.status,
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at,
    lastSeenAt: row.last_seen_at,
    phone: row.phone,
    displayName: row.display_name,
    pacing: parsePacing(row.pacing, row.engine),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
