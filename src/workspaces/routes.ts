import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../context.js';
import { countDevices } from '../devices/store.js';
import { recordAudit } from '../audit/record.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { auditBy } from '../http/audit-by.js';
import { authOf } from '../http/auth.js';
import { AppError, conflict, forbidden, notFound } from '../lib/errors.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { errorResponses, IdParams, Page, PageQuery } from '../http/schemas.js';
import { DisplayName, literalUnion } from '../lib/schema.js';
import { idPattern } from '../lib/ids.js';
import { optOutWordsToStore } from '../inbound/keywords.js';
import { ApiKeySchema, createApiKey, listApiKeys, revokeApiKey, toApiKeyView } from './api-keys.js';
import { patchVerificationSettings, VerificationSettingsPatch } from '../verify/settings.js';
import { SCOPES } from './scopes.js';
import { parseSettings, settingsChanges, type WorkspaceSettings } from './settings.js';
import { findWorkspace, lockWorkspace, readUsage, updateWorkspace } from './store.js';
import { toWorkspaceView, WorkspaceSchema } from './views.js';

const ScopeSchema = literalUnion(SCOPES);

const WorkspacePatch = Type.Object(
  {
    name: Type.Optional(DisplayName({ description: 'The workspace name shown in the dashboard' })),
    alertRecipients: Type.Optional(
      Type.Union([
        Type.Array(Type.String({ format: 'email', maxLength: 254 }), { maxItems: 20 }),
        Type.Null(),
      ]),
    ),
    retentionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
    allowOtpToOptedOut: Type.Optional(Type.Boolean()),
    requireTwoFactor: Type.Optional(
      Type.Boolean({
        description:
          'Owners only. Every member must sign in to the dashboard with a second factor; members without one enrol at their next sign-in',
      }),
    ),
    optOutWords: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: 50 }),
    ),
    verification: Type.Optional(VerificationSettingsPatch),
  },
  { additionalProperties: false },
);

/** The settings after a PATCH: only the fields sent change. */
function patchedSettings(current: WorkspaceSettings, body: Static<typeof WorkspacePatch>): WorkspaceSettings {
  const settings: WorkspaceSettings = { ...current };
  if (body.alertRecipients !== undefined) {
    if (body.alertRecipients === null) delete settings.alertRecipients;
    else settings.alertRecipients = body.alertRecipients;
  }
  if (body.retentionDays !== undefined) settings.retentionDays = body.retentionDays;
  if (body.allowOtpToOptedOut !== undefined) settings.allowOtpToOptedOut = body.allowOtpToOptedOut;
  if (body.requireTwoFactor !== undefined) settings.requireTwoFactor = body.requireTwoFactor;
  if (body.optOutWords !== undefined) settings.optOutWords = optOutWordsToStore(body.optOutWords);
  if (body.verification !== undefined)
    settings.verification = patchVerificationSettings(settings.verification, body.verification);
  return settings;
}

export async function workspaceView(ctx: AppContext, workspaceId: string) {
  const row = await findWorkspace(ctx.db, workspaceId);
  if (!row) throw notFound('Workspace');
  const now = ctx.clock.now();
  const usage = await readUsage(ctx.db, workspaceId, now);
  const devices = await countDevices(ctx.db, workspaceId);
  return toWorkspaceView(row, ctx.plans.get(row.plan), { ...usage, devices });
}

export function workspaceRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v1/workspace',
      {
        config: { scope: 'admin', readOnly: true },
        schema: {
          tags: ['workspace'],
          summary: 'The workspace: plan, limits, usage this month, settings',
          response: { 200: WorkspaceSchema, ...errorResponses() },
        },
      },
      async (request) => workspaceView(ctx, authOf(request).workspaceId),
    );

    app.patch(
      '/v1/workspace',
      {
        config: { scope: 'admin' },
        schema: {
          tags: ['workspace'],
          summary: 'Rename the workspace or change its settings (only the fields sent)',
          body: WorkspacePatch,
          response: { 200: WorkspaceSchema, ...errorResponses() },
        },
      },
      async (request) => {
        const auth = authOf(request);
        const { workspaceId } = auth;
        const body = request.body;
        // Who must use a second factor is the owner's call: an admin cannot weaken it, nor can a key.
        if (body.requireTwoFactor !== undefined && auth.role !== 'owner') {
          throw forbidden('Only an owner signed in to the dashboard can change requireTwoFactor');
        }
        const name = body.name?.trim();
        const now = ctx.clock.now();
        await ctx.db
          .transaction()
          .execute(async (trx) => {
            // Read where it is written, after the workspace's lock: read before, two PATCHes at
            // once each wrote back the settings it had read, and one of the changes was lost.
            await lockWorkspace(trx, ctx.dialect, workspaceId);
            const row = await findWorkspace(trx, workspaceId);
            if (!row) throw notFound('Workspace');
            const before = parseSettings(row.settings);
            const settings = patchedSettings(before, body);
            const changes: Record<string, { from: unknown; to: unknown }> = settingsChanges(before, settings);
            if (name !== undefined && name !== row.name) changes.name = { from: row.name, to: name };
            await updateWorkspace(trx, workspaceId, {
              ...(name !== undefined ? { name } : {}),
              settings: JSON.stringify(settings),
              now,
            });
            // A PATCH that changes nothing leaves no trace.
            if (Object.keys(changes).length === 0) return;
            await recordAudit(trx, auditBy(request), {
              workspaceId,
              action: 'settings.updated',
              target: { type: 'workspace', id: workspaceId },
              changes,
              now,
            });
          })
          .catch((err: unknown) => {
            // Names are unique on the server (the operator's CLI finds a workspace by its name).
            throw isUniqueViolation(err)
              ? conflict('Another workspace on this server has this name; choose another')
              : err;
          });
        return workspaceView(ctx, workspaceId);
      },
    );

    app.get(
      '/v1/api-keys',
      {
        config: { scope: 'admin', readOnly: true },
        schema: {
          tags: ['api-keys'],
          summary: 'List API keys (never their values)',
          querystring: Type.Object(PageQuery, { additionalProperties: false }),
          response: { 200: Page(ApiKeySchema), ...errorResponses() },
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 20;
        const rows = await listApiKeys(ctx.db, authOf(request).workspaceId, {
          limit: limit + 1,
          before: decodeCursor(request.query.cursor, 'key'),
        });
        return pageOf(rows, limit, toApiKeyView);
      },
    );

    app.post(
      '/v1/api-keys',
      {
        config: { scope: 'admin', idempotent: true },
        schema: {
          tags: ['api-keys'],
          summary: 'Create an API key; its value is in this response only',
          body: Type.Object(
            {
              name: DisplayName(),
              scopes: Type.Optional(
                Type.Array(ScopeSchema, { minItems: 1, maxItems: SCOPES.length, uniqueItems: true }),
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            201: Type.Object({ key: Type.String({ description: 'Shown once' }), apiKey: ApiKeySchema }),
            ...errorResponses(409),
          },
        },
      },
      async (request, reply) => {
        const auth = authOf(request);
        if (!auth.plan.api)
          throw new AppError('FORBIDDEN', `The ${auth.plan.name} plan does not include API access`);
        // A key grants at most what its creator holds; "all scopes" (the default) means all of those.
        const scopes = request.body.scopes ?? SCOPES.filter((s) => auth.scopes.has(s));
        const beyond = scopes.filter((s) => !auth.scopes.has(s));
        if (beyond.length > 0) {
          throw new AppError(
            'FORBIDDEN',
            `A key can only grant scopes its creator holds; not ${beyond.join(', ')}`,
          );
        }
        const created = await createApiKey(
          ctx.db,
          { workspaceId: auth.workspaceId, name: request.body.name, scopes, now: ctx.clock.now() },
          auditBy(request),
        );
        return reply.status(201).send(created);
      },
    );

    app.delete(
      '/v1/api-keys/:id',
      {
        config: { scope: 'admin' },
        schema: {
          tags: ['api-keys'],
          summary: 'Revoke an API key (it stops working at once)',
          params: IdParams(idPattern('key')),
          response: { 200: ApiKeySchema, ...errorResponses(404) },
        },
      },
      async (request) =>
        revokeApiKey(
          ctx.db,
          authOf(request).workspaceId,
          request.params.id,
          ctx.clock.now(),
          auditBy(request),
        ),
    );
  };
}
