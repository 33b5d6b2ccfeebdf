import { Type, type Static } from 'typebox';
import { Nullable } from '../lib/schema.js';
import type { ContactRow } from './tables.js';

export const ContactSchema = Type.Object(
  {
    phone: Type.String({ description: 'E.164' }),
    jid: Nullable(Type.String()),
    displayName: Nullable(Type.String({ description: "The customer's WhatsApp name, or one you set" })),
    onWhatsApp: Nullable(Type.Boolean({ description: 'null = not looked up yet' })),
    firstInboundAt: Nullable(Type.String({ format: 'date-time' })),
    lastInboundAt: Nullable(Type.String({ format: 'date-time' })),
    optedOut: Type.Boolean(),
    optedOutAt: Nullable(Type.String({ format: 'date-time' })),
    notes: Nullable(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Contact' },
);

export type ContactView = Static<typeof ContactSchema>;

export function toContactView(row: ContactRow): ContactView {
  return {
    phone: row.phone,
    jid: row.jid,
    displayName: row.display_name,
    onWhatsApp: row.on_whatsapp === null ? null : row.on_whatsapp === 1,
    firstInboundAt: row.first_inbound_at,
    lastInboundAt: row.last_inbound_at,
    optedOut: row.opted_out_at !== null,
    optedOutAt: row.opted_out_at,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
