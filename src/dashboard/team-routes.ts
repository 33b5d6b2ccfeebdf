import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import type { AuthContext } from '../http/auth.js';
import { recordAudit } from '../audit/record.js';
import { auditBy } from '../http/audit-by.js';
import { authOf } from '../http/auth.js';
import { AppError, conflict, notFound } from '../lib/errors.js';
import { decodePosition, encodeCursor, timeAndId } from '../http/pagination.js';
import { errorResponses, PageQuery } from '../http/schemas.js';
import { DisplayName, Nullable } from '../lib/schema.js';
import { idPattern } from '../lib/ids.js';
import type { DbOrTx } from '../db/database.js';
import type { Role } from '../workspaces/tables.js';
import { lockWorkspace } from '../workspaces/store.js';
import { createUser } from '../workspaces/users.js';
import { findMember, listMembers, removeMember, setRole, type Member } from '../workspaces/members.js';
import { lastSeenByUser } from './sessions.js';
import { roleReach } from './resolver.js';
import { SCOPES, type Scope } from '../workspaces/scopes.js';
import { deleteUserSessions } from './sessions.js';
import { MemberSchema, RoleSchema, type MemberView } from './views.js';

const tags = ['team'];
export const UserParams = Type.Object(
  { userId: Type.String({ pattern: idPattern('usr') }) },
  { additionalProperties: false },
);

/** An API key with the admin scope acts as an admin: it manages the team but never owners. */
const actingRole = (auth: AuthContext): Role => auth.role ?? 'admin';

export function assertMayTouch(auth: AuthContext, roles: Array<Role | undefined>): void {
  if (roles.includes('owner') && actingRole(auth) !== 'owner') {
    throw new AppError('FORBIDDEN', 'Only an owner can add, change or remove owners');
  }
}

/** The scopes a member of the role uses (if only to read) that the caller does not hold. */
const beyondCaller = (auth: AuthContext, role: Role): Scope[] => {
  const reach = roleReach(role);
  return SCOPES.filter((s) => reach.has(s) && !auth.scopes.has(s));
};

/** A role grants its scopes through the dashboard: nobody hands out more than they hold. */
function assertMayGrant(auth: AuthContext, role: Role): void {
  const beyond = beyondCaller(auth, role);
  if (beyond.length > 0) {
    throw new AppError(
      'FORBIDDEN',
      `The ${role} role grants scopes you do not hold, if only to read (${beyond.join(', ')})`,
    );
  }
}

/**
 * Who sets a member's password can sign in as them: only someone who could give the member's role.
 * Before, an `admin`-only key reset an admin's password, signed in as them and made an all-scope key.
 */
export function assertMayActAs(auth: AuthContext, member: Member): void {
  const beyond = beyondCaller(auth, member.role);
  if (beyond.length > 0) {
    throw new AppError(
      'FORBIDDEN',
      `This member's role (${member.role}) reaches scopes you do not hold (${beyond.join(', ')})`,
    );
  }
}

/**
 * The member as they are now, read in the transaction that changes them, after the workspace's
 * lock: every change to the team takes it first, so they run one after the other and each sees
 * the last one's outcome. Read before, on PostgreSQL an admin demoted or removed a member an owner
 * promoted at that moment, and identical changes at once each recorded theirs.
 */
export async function lockedMember(
  ctx: AppContext,
  trx: DbOrTx,
  workspaceId: string,
  userId: string,
): Promise<Member> {
  await lockWorkspace(trx, ctx.dialect, workspaceId);
  const member = await findMember(trx, workspaceId, userId);
  if (!member) throw notFound('Team member');
  return member;
}

/**
 * Refuses to take away the workspace's last owner, in the transaction that would, after the
 * workspace's lock (`lockedMember`): checked before it, two owners demoting each other at once on
 * PostgreSQL each saw the other still an owner, and the workspace was left with none.
 */
async function assertNotLastOwner(trx: DbOrTx, workspaceId: string, userId: string) {
  const owners = (await listMembers(trx, workspaceId)).filter((m) => m.role === 'owner');
  if (owners.some((m) => m.userId === userId) && owners.length <= 1)
    throw conflict('A workspace keeps at least one owner');
}

async function memberView(ctx: AppContext, workspaceId: string, userId: string) {
  const member = await findMember(ctx.db, workspaceId, userId);
  if (!member) throw notFound('Team member');
  const seen = await lastSeenByUser(ctx.db, workspaceId);
  return toView(member, seen);
}

const toView = (m: Member, seen: Map<string, string>): MemberView => ({
  id: m.userId,
  email: m.email,
  name: m.name,
  role: m.role,
  joinedAt: m.joinedAt,
  lastSeenAt: seen.get(m.userId) ?? null,
});

/** Whether a member comes after a position in the list's order: join time, then id. */
const isAfter = (m: Member, p: { at: string; id: string }) =>
  m.joinedAt > p.at || (m.joinedAt === p.at && m.userId > p.id);

export function teamRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v1/team',
      {
        config: { scope: 'admin', readOnly: true },
        schema: {
          tags,
          summary: 'Dashboard users of this workspace and their roles, oldest member first',
          querystring: Type.Object(PageQuery, { additionalProperties: false }),
          response: {
            200: Type.Object({ data: Type.Array(MemberSchema), nextCursor: Nullable(Type.String()) }),
            ...errorResponses(),
          },
        },
      },
      async (request) => {
        const { workspaceId } = authOf(request);
        const seen = await lastSeenByUser(ctx.db, workspaceId);
        const members = await listMembers(ctx.db, workspaceId);
        // A team is small: the page is cut from the whole list, after the place the cursor names
        // (join time and id, the list's order), which holds when that member has left since.
        const after = decodePosition(request.query.cursor, (text) => timeAndId(text, 'usr'));
        const start = after === undefined ? 0 : members.filter((m) => !isAfter(m, after)).length;
        const limit = request.query.limit ?? 20;
        const page = members.slice(start, start + limit);
        const last = page.at(-1);
        const more = start + limit < members.length;
        return {
          data: page.map((m) => toView(m, seen)),
          nextCursor: more && last ? encodeCursor(`${last.joinedAt}|${last.userId}`) : null,
        };
      },
    );

    app.post(
      '/v1/team',
      {
        config: { scope: 'admin', idempotent: true },
        schema: {
          tags,
          summary: 'Add a dashboard user to this workspace',
          body: Type.Object(
            {
              email: Type.String({ minLength: 3, maxLength: 254 }),
              password: Type.String({ minLength: 1, maxLength: 200 }),
              role: RoleSchema,
              name: Type.Optional(DisplayName()),
            },
            { additionalProperties: false },
          ),
          response: { 201: MemberSchema, ...errorResponses(409) },
        },
      },
      async (request, reply) => {
        const auth = authOf(request);
        assertMayTouch(auth, [request.body.role]);
        assertMayGrant(auth, request.body.role);
        const now = ctx.clock.now();
        const user = await ctx.db.transaction().execute(async (trx) => {
          const created = await createUser(trx, { ...request.body, workspaceId: auth.workspaceId, now });
          await recordAudit(trx, auditBy(request), {
            workspaceId: auth.workspaceId,
            action: 'member.added',
            target: { type: 'member', id: created.id },
            changes: { email: created.email, role: request.body.role },
            now,
          });
          return created;
        });
        return reply.status(201).send(await memberView(ctx, auth.workspaceId, user.id));
      },
    );

    app.patch(
      '/v1/team/:userId',
      {
        config: { scope: 'admin' },
        schema: {
          tags,
          summary: "Change a member's role",
          params: UserParams,
          body: Type.Object({ role: RoleSchema }, { additionalProperties: false }),
          response: { 200: MemberSchema, ...errorResponses(404, 409) },
        },
      },
      async (request) => {
        const auth = authOf(request);
        const role = request.body.role;
        assertMayTouch(auth, [role]);
        assertMayGrant(auth, role);
        await ctx.db.transaction().execute(async (trx) => {
          const member = await lockedMember(ctx, trx, auth.workspaceId, request.params.userId);
          assertMayTouch(auth, [member.role]);
          // A change that changes nothing records nothing.
          if (role === member.role) return;
          if (role !== 'owner') await assertNotLastOwner(trx, auth.workspaceId, member.userId);
          await setRole(trx, auth.workspaceId, member.userId, role);
          await recordAudit(trx, auditBy(request), {
            workspaceId: auth.workspaceId,
            action: 'member.role_changed',
            target: { type: 'member', id: member.userId },
            changes: { email: member.email, role: { from: member.role, to: role } },
            now: ctx.clock.now(),
          });
        });
        return memberView(ctx, auth.workspaceId, request.params.userId);
      },
    );

    app.delete(
      '/v1/team/:userId',
      {
        config: { scope: 'admin' },
        schema: {
          tags,
          summary: 'Remove a member from this workspace (their sessions end)',
          params: UserParams,
          response: { 204: Type.Null(), ...errorResponses(404, 409) },
        },
      },
      async (request, reply) => {
        const auth = authOf(request);
        await ctx.db.transaction().execute(async (trx) => {
          const member = await lockedMember(ctx, trx, auth.workspaceId, request.params.userId);
          assertMayTouch(auth, [member.role]);
          await assertNotLastOwner(trx, auth.workspaceId, member.userId);
          await deleteUserSessions(trx, member.userId, { workspaceId: auth.workspaceId });
          await removeMember(trx, auth.workspaceId, member.userId);
          await recordAudit(trx, auditBy(request), {
            workspaceId: auth.workspaceId,
            action: 'member.removed',
            target: { type: 'member', id: member.userId },
            changes: { email: member.email, role: member.role },
            now: ctx.clock.now(),
          });
        });
        return reply.status(204).send(null);
      },
    );
  };
}
