/** Every change the audit log records, as `<target>.<verb>`. */
export const AUDIT_ACTIONS = [
  'api_key.created',
  'api_key.revoked',
  'member.added',
  'member.role_changed',
  'member.removed',
  'member.password_reset',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.secret_rotated',
  'device.created',
  'device.renamed',
  'device.updated',
  'device.deleted',
  'device.logged_out',
  'settings.updated',
  'two_factor.enabled',
  'two_factor.disabled',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit event is about; its id is the resource's id (a member and a user share `usr_…`). */
export const AUDIT_TARGETS = ['api_key', 'member', 'webhook', 'device', 'workspace', 'user'] as const;
export type AuditTargetType = (typeof AUDIT_TARGETS)[number];
