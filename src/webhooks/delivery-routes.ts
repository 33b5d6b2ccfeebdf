import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { authOf } from '../http/auth.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { errorResponses, IdParams, Page, PageQuery } from '../http/schemas.js';
import { literalUnion } from '../lib/schema.js';
import { idPattern } from '../lib/ids.js';
import { listAttempts, listDeliveries } from './delivery-log.js';
import { deliveryDetail } from './delivery-detail.js';
import { requireEndpoint, retryDelivery, sendTestEvent } from './service.js';
import type { AttemptRow } from './tables.js';
import { DeliveryDetailSchema, DeliverySchema, toDeliveryView } from './views.js';

const DeliveryParams = Type.Object(
  {
    id: Type.String({ pattern: idPattern('whk') }),
    deliveryId: Type.String({ pattern: idPattern('dlv') }),
  },
  { additionalProperties: false },
);

/** The delivery log of an endpoint, manual retries and test events. */
export function deliveryRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/v1/webhooks/:id/deliveries',
      {
        config: { scope: 'webhooks', readOnly: true },
        schema: {
          tags: ['webhooks'],
          summary: 'Deliveries to this endpoint, newest first, with every attempt',
          params: IdParams(idPattern('whk')),
          querystring: Type.Object(
            {
              ...PageQuery,
              status: Type.Optional(literalUnion(['pending', 'succeeded', 'failed'] as const)),
            },
            { additionalProperties: false },
          ),
          response: { 200: Page(DeliverySchema), ...errorResponses(404) },
        },
      },
      async (request) => {
        const endpoint = await requireEndpoint(ctx, authOf(request).workspaceId, request.params.id);
        const limit = request.query.limit ?? 20;
        const rows = await listDeliveries(ctx.db, endpoint.id, {
          limit: limit + 1,
          before: decodeCursor(request.query.cursor, 'dlv'),
          status: request.query.status,
        });
        const attempts = new Map<string, AttemptRow[]>();
        for (const a of await listAttempts(
          ctx.db,
          rows.slice(0, limit).map((r) => r.id),
        )) {
          attempts.set(a.delivery_id, [...(attempts.get(a.delivery_id) ?? []), a]);
        }
        return pageOf(rows, limit, (row) => toDeliveryView(row, attempts.get(row.id) ?? []));
      },
    );

    app.get(
      '/v1/webhooks/:id/deliveries/:deliveryId',
      {
        config: { scope: 'webhooks', readOnly: true },
        schema: {
          tags: ['webhooks'],
          summary: 'One delivery with every attempt and the body it sends',
          params: DeliveryParams,
          response: { 200: DeliveryDetailSchema, ...errorResponses(404) },
        },
      },
      async (request) =>
        deliveryDetail(ctx, authOf(request).workspaceId, request.params.id, request.params.deliveryId),
    );

    app.post(
      '/v1/webhooks/:id/deliveries/:deliveryId/retry',
      {
        config: { scope: 'webhooks' },
        schema: {
          tags: ['webhooks'],
          summary:
            'Send a delivery again now (a failed one gets a fresh retry schedule; a delivered one is replayed)',
          params: DeliveryParams,
          response: { 202: DeliverySchema, ...errorResponses(404, 409) },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(
            await retryDelivery(
              ctx,
              authOf(request).workspaceId,
              request.params.id,
              request.params.deliveryId,
            ),
          ),
    );

    app.post(
      '/v1/webhooks/:id/test',
      {
        config: { scope: 'webhooks', idempotent: true },
        schema: {
          tags: ['webhooks'],
          summary: 'Send a webhook.test event to this endpoint only',
          params: IdParams(idPattern('whk')),
          response: {
            202: Type.Object({ eventId: Type.String(), delivery: DeliverySchema }),
            ...errorResponses(404, 409),
          },
        },
      },
      async (request, reply) => {
        const { event, delivery } = await sendTestEvent(ctx, authOf(request).workspaceId, request.params.id);
        return reply.status(202).send({ eventId: event.id, delivery });
      },
    );
  };
}
