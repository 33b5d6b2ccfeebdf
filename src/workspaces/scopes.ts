export const SCOPES = ['messages', 'devices', 'verify', 'webhooks', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];
