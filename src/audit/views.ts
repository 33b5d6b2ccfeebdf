import { Type, type Static } from 'typebox';
import { literalUnion, Nullable } from '../lib/schema.js';
import { AUDIT_ACTIONS, AUDIT_TARGETS } from './actions.js';
import type { AuditEventRow } from './tables.js';

export const AuditEventSchema = Type.Object(
  {
    id: Type.String(),
    at: Type.String({ format: 'date-time' }),
    actor: Type.Object({
      type: literalUnion(['user', 'api_key', 'system'] as const),
      id: Nullable(Type.String()),
      name: Type.String({ description: 'The name when it acted (a user name or email, an API key name)' }),
    }),
    action: literalUnion(AUDIT_ACTIONS),
    target: Type.Object({ type: literalUnion(AUDIT_TARGETS), id: Type.String() }),
    changes: Type.Record(Type.String(), Type.Unknown(), {
      description: 'What changed; never a secret, password, key or token',
    }),
    requestId: Nullable(Type.String()),
    ip: Nullable(Type.String()),
  },
  { $id: 'AuditEvent' },
);

export type AuditEventView = Static<typeof AuditEventSchema>;

export function toAuditEventView(row: AuditEventRow): AuditEventView {
  return {
    id: row.id,
    at: row.at,
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    action: row.action as AuditEventView['action'],
    target: { type: row.target_type as AuditEventView['target']['type'], id: row.target_id },
    changes: JSON.parse(row.changes) as Record<string, unknown>,
    requestId: row.request_id,
    ip: row.ip,
  };
}
