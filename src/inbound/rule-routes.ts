import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { authOf } from '../http/auth.js';
import { notFound } from '../lib/errors.js';
import { decodePosition, encodeCursor } from '../http/pagination.js';
import { errorResponses, IdParams, Page, PageQuery } from '../http/schemas.js';
import { idPattern } from '../lib/ids.js';
import { findPreset, PRESETS, PresetSchema } from './presets.js';
import { RuleCreateBody, RulePatchBody, RuleSchema } from './rule-schemas.js';
import { createRule, patchRule, requireRule, toRuleView } from './rule-service.js';
import { deleteRule, listRules } from './rule-store.js';

const tags = ['auto-replies'];
const Params = IdParams(idPattern('rule'));

/** The list's keyset position: rules are listed in the order they are tried, so (priority, id). */
function decodeRuleCursor(cursor: string | undefined): { priority: number; id: string } | undefined {
  return decodePosition(cursor, (text) => {
    const match = /^(\d+):(rule_[0-9a-z]{26})$/.exec(text);
    return match ? { priority: Number(match[1]), id: match[2]! } : undefined;
  });
}

export function ruleRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v1/auto-replies',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'Auto-reply rules in the order they are tried (priority, then oldest)',
          querystring: Type.Object(
            {
              ...PageQuery,
              deviceId: Type.Optional(Type.String({ pattern: idPattern('dev') })),
              enabled: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
          response: { 200: Page(RuleSchema), ...errorResponses() },
        },
      },
      async (request) => {
        const q = request.query;
        const limit = q.limit ?? 20;
        const rows = await listRules(
          ctx.db,
          authOf(request).workspaceId,
          { deviceId: q.deviceId, enabled: q.enabled, after: decodeRuleCursor(q.cursor) },
          limit + 1,
        );
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
          data: page.map(toRuleView),
          nextCursor: rows.length > limit && last ? encodeCursor(`${last.priority}:${last.id}`) : null,
        };
      },
    );

    app.post(
      '/v1/auto-replies',
      {
        config: { scope: 'messages', idempotent: true },
        schema: {
          tags,
          summary: 'Create an auto-reply rule',
          body: RuleCreateBody,
          response: { 201: RuleSchema, ...errorResponses(404, 409) },
        },
      },
      async (request, reply) => {
        const row = await createRule(ctx, authOf(request).workspaceId, request.body);
        return reply.status(201).send(toRuleView(row));
      },
    );

    app.get(
      '/v1/auto-replies/presets',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'Ready-made rules, like the one for an OTP-only line',
          response: { 200: Type.Object({ data: Type.Array(PresetSchema) }), ...errorResponses() },
        },
      },
      async () => ({ data: [...PRESETS] }),
    );

    app.post(
      '/v1/auto-replies/presets/:presetId',
      {
        config: { scope: 'messages', idempotent: true },
        schema: {
          tags,
          summary: 'Create a rule from a preset, for one device or the whole workspace',
          params: Type.Object(
            { presetId: Type.String({ pattern: '^[a-z0-9-]{1,50}$' }) },
            { additionalProperties: false },
          ),
          body: Type.Optional(
            Type.Object(
              { deviceId: Type.Optional(Type.String({ pattern: idPattern('dev') })) },
              { additionalProperties: false },
            ),
          ),
          response: { 201: RuleSchema, ...errorResponses(404, 409) },
        },
      },
      async (request, reply) => {
        const preset = findPreset(request.params.presetId);
        if (!preset) throw notFound('Preset');
        const input = { ...preset.rule, deviceId: request.body?.deviceId ?? null };
        const row = await createRule(ctx, authOf(request).workspaceId, input, preset.id);
        return reply.status(201).send(toRuleView(row));
      },
    );

    app.get(
      '/v1/auto-replies/:id',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'Get a rule',
          params: Params,
          response: { 200: RuleSchema, ...errorResponses(404) },
        },
      },
      async (request) => toRuleView(await requireRule(ctx, authOf(request).workspaceId, request.params.id)),
    );

    app.patch(
      '/v1/auto-replies/:id',
      {
        config: { scope: 'messages' },
        schema: {
          tags,
          summary: 'Change a rule (match and businessHours are replaced whole; null clears)',
          params: Params,
          body: RulePatchBody,
          response: { 200: RuleSchema, ...errorResponses(404) },
        },
      },
      async (request) =>
        toRuleView(await patchRule(ctx, authOf(request).workspaceId, request.params.id, request.body)),
    );

    app.delete(
      '/v1/auto-replies/:id',
      {
        config: { scope: 'messages' },
        schema: {
          tags,
          summary: 'Delete a rule',
          params: Params,
          response: { 204: Type.Null({ description: 'Deleted' }), ...errorResponses(404) },
        },
      },
      async (request, reply) => {
        if (!(await deleteRule(ctx.db, authOf(request).workspaceId, request.params.id))) {
          throw notFound('Auto-reply rule');
        }
        return reply.status(204).send(null);
      },
    );
  };
}
