import { Type, type Static } from 'typebox';
import { literalUnion, Nullable } from '../lib/schema.js';
import { UserSettingsSchema } from '../workspaces/user-settings.js';
import type { ActiveSession } from './sessions.js';

export const RoleSchema = literalUnion(['owner', 'admin', 'agent', 'viewer'] as const);

export const PendingStepSchema = literalUnion(['two_factor_code', 'two_factor_enrolment'] as const, {
  description:
    'The password was right and sign-in is not done: `two_factor_code` asks for a code (POST /auth/two-factor/verify), `two_factor_enrolment` for enrolling an app first because the workspace requires it',
});
export type PendingStep = Static<typeof PendingStepSchema>;

export const AuthStateSchema = Type.Object(
  {
    needsSetup: Type.Boolean({ description: 'No user exists yet: POST /auth/setup creates the owner' }),
    user: Nullable(Type.Object({ id: Type.String(), email: Type.String(), name: Nullable(Type.String()) })),
    workspace: Nullable(Type.Object({ id: Type.String(), name: Type.String(), plan: Type.String() })),
    role: Nullable(RoleSchema),
    csrfToken: Nullable(Type.String({ description: 'Send it as x-csrf-token on every write' })),
    pendingStep: Nullable(PendingStepSchema),
    // The signed-in member's own preferences (PATCH /auth/settings); null when signed out.
    settings: Nullable(UserSettingsSchema),
  },
  { $id: 'AuthState' },
);

export type AuthState = Static<typeof AuthStateSchema>;

export function signedOutState(needsSetup: boolean, pendingStep: PendingStep | null = null): AuthState {
  return {
    needsSetup,
    user: null,
    workspace: null,
    role: null,
    csrfToken: null,
    pendingStep,
    settings: null,
  };
}

export function stateOf(session: ActiveSession): AuthState {
  return {
    needsSetup: false,
    user: { id: session.userId, email: session.email, name: session.name },
    workspace: { id: session.workspaceId, name: session.workspaceName, plan: session.plan },
    role: session.role,
    csrfToken: session.csrfToken,
    pendingStep: null,
    settings: session.settings,
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
