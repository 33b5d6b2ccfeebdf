import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { auditBy } from '../http/audit-by.js';
import { authOf } from '../http/auth.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { errorResponses, IdParams, Page, PageQuery } from '../http/schemas.js';
import { idPattern } from '../lib/ids.js';
import {
  createWebhook,
  deleteWebhook,
  patchWebhook,
  requireEndpoint,
  rotateWebhookSecret,
} from './service.js';
import { listEndpoints } from './store.js';
import { CreateWebhookBody, PatchWebhookBody } from './schemas.js';
import { endpointHealth } from './health.js';
import {
  SUBSCRIBABLE_TYPES,
  toWebhookView,
  WebhookEventTypesSchema,
  WebhookHealthSchema,
  WebhookSchema,
} from './views.js';

const Params = IdParams(idPattern('whk'));
const WithSecret = Type.Object({
  secret: Type.String({ description: 'whsec_…: shown in this response only' }),
  webhook: WebhookSchema,
});

/** Webhook endpoints: create, list, read, change, delete, rotate the signing secret, health. */
export function webhookRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v1/webhooks/event-types',
      {
        config: { scope: 'webhooks', readOnly: true },
        schema: {
          tags: ['webhooks'],
          summary: 'The event types an endpoint can subscribe to',
          response: { 200: WebhookEventTypesSchema, ...errorResponses() },
        },
      },
      async () => ({ data: [...SUBSCRIBABLE_TYPES] }),
    );

    app.post(
      '/v1/webhooks',
      {
        config: { scope: 'webhooks', idempotent: true },
        schema: {
          tags: ['webhooks'],
          summary: 'Create a webhook endpoint; its signing secret is in this response only',
          body: CreateWebhookBody,
          response: { 201: WithSecret, ...errorResponses(409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createWebhook(ctx, authOf(request), request.body, auditBy(request))),
    );

    app.get(
      '/v1/webhooks',
      {
        config: { scope: 'webhooks', readOnly: true },
        schema: {
          tags: ['webhooks'],
          summary: 'List webhook endpoints, newest first',
          querystring: Type.Object(PageQuery, { additionalProperties: false }),
          response: { 200: Page(WebhookSchema), ...errorResponses() },
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 20;
        const rows = await listEndpoints(ctx.db, authOf(request).workspaceId, {
          limit: limit + 1,
          before: decodeCursor(request.query.cursor, 'whk'),
        });
        const now = ctx.clock.now();
        return pageOf(rows, limit, (row) => toWebhookView(row, now));
      },
    );

    app.get(
      '/v1/webhooks/:id',
      {
        config: { scope: 'webhooks', readOnly: true },
        schema: {
          tags: ['webhooks'],
          summary: 'A webhook endpoint',
          params: Params,
          response: { 200: WebhookSchema, ...errorResponses(404) },
        },
      },
      async (request) =>
        toWebhookView(
          await requireEndpoint(ctx, authOf(request).workspaceId, request.params.id),
          ctx.clock.now(),
        ),
    );

    app.get(
      '/v1/webhooks/:id/health',
      {
        config: { scope: 'webhooks', readOnly: true },
        schema: {
          tags: ['webhooks'],
          summary: 'Success rate over the latest deliveries, and the last failed attempt',
          params: Params,
          response: { 200: WebhookHealthSchema, ...errorResponses(404) },
        },
      },
      async (request) => {
        const endpoint = await requireEndpoint(ctx, authOf(request).workspaceId, request.params.id);
        return endpointHealth(ctx.db, endpoint.id);
      },
    );

    app.patch(
      '/v1/webhooks/:id',
      {
        config: { scope: 'webhooks' },
        schema: {
          tags: ['webhooks'],
          summary: 'Change a webhook endpoint (enabling it again clears its failure record)',
          params: Params,
          body: PatchWebhookBody,
          response: { 200: WebhookSchema, ...errorResponses(404) },
        },
      },
      async (request) =>
        patchWebhook(ctx, authOf(request).workspaceId, request.params.id, request.body, auditBy(request)),
    );

    app.delete(
      '/v1/webhooks/:id',
      {
        config: { scope: 'webhooks' },
        schema: {
          tags: ['webhooks'],
          summary: 'Delete a webhook endpoint and its delivery log',
          params: Params,
          response: { 204: Type.Null({ description: 'Deleted' }), ...errorResponses(404) },
        },
      },
      async (request, reply) => {
        await deleteWebhook(ctx, authOf(request).workspaceId, request.params.id, auditBy(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/v1/webhooks/:id/rotate-secret',
      {
        config: { scope: 'webhooks', idempotent: true },
        schema: {
          tags: ['webhooks'],
          summary: 'New signing secret; the old one keeps signing alongside it for 24 h',
          params: Params,
          response: { 200: WithSecret, ...errorResponses(404, 409) },
        },
      },
      async (request) =>
        rotateWebhookSecret(ctx, authOf(request).workspaceId, request.params.id, auditBy(request)),
    );
  };
}
