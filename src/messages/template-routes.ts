import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { authOf } from '../http/auth.js';
import { creationHookOf, type IdempotentReplay } from '../http/idempotency.js';
import { notFound } from '../lib/errors.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { errorResponses, IdParams, Page, PageQuery } from '../http/schemas.js';
import { idPattern } from '../lib/ids.js';
import { createTemplate, deleteTemplate, findTemplate, listTemplates, updateTemplate } from './templates.js';
import { TemplateSchema, toTemplateView } from './template-views.js';

const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9 _.-]*$' });
const Body = Type.String({ minLength: 1, maxLength: 4096 });
const Params = IdParams(idPattern('tpl'));
const tags = ['templates'];

export function templateRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  // A retry whose first request created the template but never answered: the template as it is now.
  const replayTemplate: IdempotentReplay = {
    replay: async (request, id) => {
      const row = await findTemplate(ctx.db, authOf(request).workspaceId, { id });
      if (!row) throw notFound('Template');
      return { status: 201, body: toTemplateView(row) };
    },
  };
  return async (app) => {
    app.post(
      '/v1/templates',
      {
        config: { scope: 'messages', idempotent: replayTemplate },
        schema: {
          tags,
          summary: 'Create a template; {{name}} marks a variable',
          body: Type.Object({ name: Name, body: Body }, { additionalProperties: false }),
          response: { 201: TemplateSchema, ...errorResponses(409) },
        },
      },
      async (request, reply) => {
        const row = await createTemplate(
          ctx.db,
          authOf(request).workspaceId,
          request.body,
          ctx.clock.now(),
          creationHookOf(request),
        );
        return reply.status(201).send(toTemplateView(row));
      },
    );
    app.get(
      '/v1/templates',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'List templates',
          querystring: Type.Object(PageQuery, { additionalProperties: false }),
          response: { 200: Page(TemplateSchema), ...errorResponses() },
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 20;
        const rows = await listTemplates(ctx.db, authOf(request).workspaceId, {
          limit: limit + 1,
          before: decodeCursor(request.query.cursor, 'tpl'),
        });
        return pageOf(rows, limit, toTemplateView);
      },
    );
    app.get(
      '/v1/templates/:id',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'Get a template',
          params: Params,
          response: { 200: TemplateSchema, ...errorResponses(404) },
        },
      },
      async (request) =>
        toTemplateView(await findTemplate(ctx.db, authOf(request).workspaceId, { id: request.params.id })),
    );
    app.patch(
      '/v1/templates/:id',
      {
        config: { scope: 'messages' },
        schema: {
          tags,
          summary: 'Change a template',
          params: Params,
          body: Type.Object(
            { name: Type.Optional(Name), body: Type.Optional(Body) },
            { additionalProperties: false },
          ),
          response: { 200: TemplateSchema, ...errorResponses(404, 409) },
        },
      },
      async (request) =>
        toTemplateView(
          await updateTemplate(
            ctx.db,
            authOf(request).workspaceId,
            request.params.id,
            request.body,
            ctx.clock.now(),
          ),
        ),
    );
    app.delete(
      '/v1/templates/:id',
      {
        config: { scope: 'messages' },
        schema: {
          tags,
          summary: 'Delete a template',
          params: Params,
          response: { 204: Type.Null(), ...errorResponses(404) },
        },
      },
      async (request, reply) => {
        await deleteTemplate(ctx.db, authOf(request).workspaceId, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
