import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import type { DeviceSupervisor } from '../devices/supervisor.js';
import { connectedDevices } from '../devices/store.js';
import { authOf } from '../http/auth.js';
import { creationHookOf } from '../http/idempotency.js';
import { AppError, notFound } from '../http/errors.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { errorResponses, IdParams, literalUnion, Page, PageQuery } from '../http/schemas.js';
import { idPattern } from '../lib/ids.js';
import { toE164 } from '../lib/phone.js';
import { findContact, upsertContact } from './contacts.js';
import { sendMessage } from './send.js';
import { transitionMessage } from './status.js';
import { findMessage, listMessages, messageTimeline } from './store.js';
import { MESSAGE_STATUSES, MessageSchema, PRIORITIES, toMessageView } from './views.js';

const tags = ['messages'];
const Variables = Type.Record(
  Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.]*$' }),
  Type.Union([Type.String({ maxLength: 1024 }), Type.Number(), Type.Boolean()]),
);

export const SendBody = Type.Object(
  {
    deviceId: Type.Optional(Type.String({ pattern: idPattern('dev') })),
    to: Type.String({ minLength: 5, maxLength: 32, description: 'E.164, like +15551234567' }),
    type: literalUnion(['text', 'template'] as const),
    text: Type.Optional(
      Type.Object({ body: Type.String({ minLength: 1, maxLength: 4096 }) }, { additionalProperties: false }),
    ),
    template: Type.Optional(
      Type.Object(
        {
          id: Type.Optional(Type.String({ pattern: idPattern('tpl') })),
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          variables: Type.Optional(Variables),
        },
        { additionalProperties: false },
      ),
    ),
    priority: Type.Optional(literalUnion(PRIORITIES)),
    ttlSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 * 24 * 3600 })),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
    queueIfDisconnected: Type.Optional(Type.Boolean()),
    metadata: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 50 }),
    ),
  },
  { additionalProperties: false },
);

export function messageRoutes(ctx: AppContext, supervisor: DeviceSupervisor): FastifyPluginAsyncTypebox {
  const messageView = async (request: FastifyRequest, id: string) => {
    const row = await findMessage(ctx.db, authOf(request).workspaceId, id);
    if (!row) throw notFound('Message');
    return toMessageView(row, await messageTimeline(ctx.db, row.id));
  };
  return async (app) => {
    app.post(
      '/v1/messages',
      {
        config: {
          scope: 'messages',
          idempotent: {
            replay: async (request, id) => ({ status: 202, body: await messageView(request, id) }),
          },
        },
        schema: {
          tags,
          summary: 'Send a text or template message (accepted and queued)',
          body: SendBody,
          response: { 202: MessageSchema, ...errorResponses(404, 409, 422) },
        },
      },
      async (request, reply) => {
        const auth = authOf(request);
        if (request.body.ttlSeconds !== undefined && request.body.expiresAt !== undefined) {
          throw new AppError('VALIDATION_ERROR', 'Give ttlSeconds or expiresAt, not both', [
            { field: 'body.expiresAt', message: 'conflicts with ttlSeconds' },
          ]);
        }
        const view = await sendMessage(ctx, auth.workspaceId, auth.plan, request.body, {
          source: auth.via === 'session' ? 'dashboard' : 'api',
          onCreate: creationHookOf(request),
        });
        return reply.status(202).send(view);
      },
    );

    app.get(
      '/v1/messages',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'The message log, newest first',
          querystring: Type.Object(
            {
              ...PageQuery,
              status: Type.Optional(literalUnion(MESSAGE_STATUSES)),
              to: Type.Optional(
                Type.String({ maxLength: 32, description: 'The customer number (recipient or sender)' }),
              ),
              deviceId: Type.Optional(Type.String({ pattern: idPattern('dev') })),
              direction: Type.Optional(literalUnion(['in', 'out'] as const)),
              since: Type.Optional(Type.String({ format: 'date-time' })),
              until: Type.Optional(Type.String({ format: 'date-time' })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Page(MessageSchema), ...errorResponses() },
        },
      },
      async (request) => {
        const q = request.query;
        const limit = q.limit ?? 20;
        const rows = await listMessages(
          ctx.db,
          authOf(request).workspaceId,
          {
            status: q.status,
            phone: q.to ? toE164(q.to, 'to', 'querystring') : undefined,
            deviceId: q.deviceId,
            direction: q.direction,
            since: q.since ? new Date(q.since).toISOString() : undefined,
            until: q.until ? new Date(q.until).toISOString() : undefined,
            before: decodeCursor(q.cursor),
          },
          limit + 1,
        );
        return pageOf(rows, limit, (row) => toMessageView(row));
      },
    );

    app.get(
      '/v1/messages/:id',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'A message with its status timeline',
          params: IdParams(idPattern('msg')),
          response: { 200: MessageSchema, ...errorResponses(404) },
        },
      },
      async (request) => messageView(request, request.params.id),
    );

    app.post(
      '/v1/messages/:id/cancel',
      {
        config: { scope: 'messages' },
        schema: {
          tags,
          summary: 'Cancel a queued message',
          params: IdParams(idPattern('msg')),
          response: { 200: MessageSchema, ...errorResponses(404, 409) },
        },
      },
      async (request) => {
        const { workspaceId } = authOf(request);
        const row = await findMessage(ctx.db, workspaceId, request.params.id);
        if (!row) throw notFound('Message');
        const canceled = await transitionMessage(ctx, row.id, 'canceled');
        if (!canceled)
          throw new AppError('CONFLICT', `Only queued messages can be canceled; this one is ${row.status}`);
        return toMessageView(canceled, await messageTimeline(ctx.db, row.id));
      },
    );

    app.post(
      '/v1/contacts/check',
      {
        config: { scope: 'messages' },
        schema: {
          tags: ['contacts'],
          summary: 'Is this number on WhatsApp?',
          body: Type.Object(
            {
              phone: Type.String({ minLength: 5, maxLength: 32 }),
              deviceId: Type.Optional(Type.String({ pattern: idPattern('dev') })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              phone: Type.String(),
              onWhatsApp: Type.Boolean(),
              jid: Type.Union([Type.String(), Type.Null()]),
            }),
            ...errorResponses(409),
          },
        },
      },
      async (request) => {
        const { workspaceId } = authOf(request);
        const phone = toE164(request.body.phone, 'phone');
        const devices = (await connectedDevices(ctx.db, workspaceId)).filter(
          (d) => !request.body.deviceId || d.id === request.body.deviceId,
        );
        const engine = devices.map((d) => supervisor.engineOf(d.id)).find((e) => e !== undefined);
        if (!engine) {
          const cached = await findContact(ctx.db, workspaceId, phone);
          if (cached && cached.on_whatsapp !== null)
            return { phone, onWhatsApp: cached.on_whatsapp === 1, jid: cached.jid };
          throw new AppError('SESSION_DISCONNECTED', 'No connected device to ask WhatsApp with');
        }
        const found = await engine.lookup(phone);
        const now = ctx.clock.now();
        await upsertContact(
          ctx.db,
          workspaceId,
          phone,
          { on_whatsapp: found.onWhatsApp ? 1 : 0, jid: found.jid ?? null, checked_at: now.toISOString() },
          now,
        );
        return { phone, onWhatsApp: found.onWhatsApp, jid: found.jid ?? null };
      },
    );
  };
}
