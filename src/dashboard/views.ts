import { Type, type Static } from 'typebox';
import { literalUnion, Nullable } from '../lib/schema.js';
import type { ActiveSession } from './sessions.js';

export const RoleSchema = literalUnion(['owner', 'admin', 'agent', 'viewer'] as const);

export const AuthStateSchema = Type.Object(
  {
    needsSetup: Type.Boolean({ description: 'No user exists yet: POST /auth/setup creates the owner' }),
    user: Nullable(Type.Object({ id: Type.String(), email: Type.String(), name: Nullable(Type.String()) })),
    workspace: Nullable(Type.Object({ id: Type.String(), name: Type.String(), plan: Type.String() })),
    role: Nullable(RoleSchema),
    csrfToken: Nullable(Type.String({ description: 'Send it as x-csrf-token on every write' })),
  },
  { $id: 'AuthState' },
);

export type AuthState = Static<typeof AuthStateSchema>;

export function signedOutState(needsSetup: boolean): AuthState {
  return { needsSetup, user: null, workspace: null, role: null, csrfToken: null };
}

export function stateOf(session: ActiveSession): AuthState {
  return {
    needsSetup: false,
    user: { id: session.userId, email: session.email, name: session.name },
    workspace: { id: session.workspaceId, name: session.workspaceName, plan: session.plan },
    role: session.role,
    csrfToken: session.csrfToken,
  };
}

export const MemberSchema = Type.Object(
  {
    id: Type.String({ description: 'The user id' }),
    email: Type.String(),
    name: Nullable(Type.String()),
    role: RoleSchema,
    joinedAt: Type.String({ format: 'date-time' }),
    lastSeenAt: Nullable(Type.String({ format: 'date-time' })),
  },
  { $id: 'TeamMember' },
);
export type MemberView = Static<typeof MemberSchema>;
