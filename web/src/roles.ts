import type { Role, Scope } from './api';

// Mirrors the server's mapping (src/dashboard/resolver.ts); the server enforces it, this only
// keeps the dashboard from offering buttons that would be refused.
const ROLE_SCOPES: Record<Role, Scope[]> = {
  owner: ['messages', 'devices', 'verify', 'webhooks', 'admin'],
  admin: ['messages', 'devices', 'verify', 'webhooks', 'admin'],
  agent: ['messages', 'verify'],
  viewer: [],
};

export function can(role: Role | null, scope: Scope): boolean {
  return role !== null && ROLE_SCOPES[role].includes(scope);
}

export const ROLE_HELP: Record<Role, string> = {
  owner: 'Everything, including managing owners',
  admin: 'Everything except managing owners',
  agent: 'Send messages and verifications; read the rest',
  viewer: 'Read only',
};
