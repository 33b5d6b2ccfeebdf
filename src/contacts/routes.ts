import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { AppError, notFound, validation } from '../lib/errors.js';
import { authOf } from '../http/auth.js';
import { decodePosition, encodeCursor } from '../http/pagination.js';
import { errorResponses, Page, PageQuery } from '../http/schemas.js';
import { toE164 } from '../lib/phone.js';
import type { DeviceSupervisor } from '../devices/supervisor.js';
import { eraseContact } from '../inbound/erase.js';
import { eraseConversationsOf } from '../conversations/erase.js';
import { cancelQueuedForOptOut } from '../messages/erase.js';
import { idPattern } from '../lib/ids.js';
import { checkNumber } from './check.js';
import { findContact, listContacts, upsertContact } from './store.js';
import { ContactSchema, toContactView } from './views.js';

const tags = ['contacts'];
const PhoneParams = Type.Object(
  { phone: Type.String({ minLength: 5, maxLength: 40, description: 'E.164, URL-encoded (%2B for +)' }) },
  { additionalProperties: false },
);

function phoneParam(raw: string): string {
  try {
    return toE164(raw, 'phone');
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    throw validation('phone must be an E.164 number, URL-encoded, like %2B15551234567', [
      { field: 'params.phone', message: 'is not a possible phone number with country code' },
    ]);
  }
}

/** All of /v1/contacts: the list, one contact, its name, notes and consent, forgetting it, and the WhatsApp check. */
export function contactRoutes(ctx: AppContext, supervisor: DeviceSupervisor): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/contacts/check',
      {
        config: { scope: 'messages' },
        schema: {
          tags,
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
            ...errorResponses(404, 409),
          },
        },
      },
      async (request) =>
        checkNumber(
          ctx,
          supervisor,
          authOf(request).workspaceId,
          toE164(request.body.phone, 'phone'),
          request.body.deviceId,
        ),
    );

    app.get(
      '/v1/contacts',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'Contacts, by phone number',
          querystring: Type.Object(
            { ...PageQuery, optedOut: Type.Optional(Type.Boolean()) },
            { additionalProperties: false },
          ),
          response: { 200: Page(ContactSchema), ...errorResponses() },
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 20;
        const after = decodePosition(request.query.cursor, (text) =>
          /^\+[0-9]+$/.test(text) ? text : undefined,
        );
        const rows = await listContacts(
          ctx.db,
          authOf(request).workspaceId,
          { optedOut: request.query.optedOut, after },
          limit + 1,
        );
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
          data: page.map(toContactView),
          nextCursor: rows.length > limit && last ? encodeCursor(last.phone) : null,
        };
      },
    );

    app.get(
      '/v1/contacts/:phone',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'A contact',
          params: PhoneParams,
          response: { 200: ContactSchema, ...errorResponses(404) },
        },
      },
      async (request) => {
        const contact = await findContact(
          ctx.db,
          authOf(request).workspaceId,
          phoneParam(request.params.phone),
        );
        if (!contact) throw notFound('Contact');
        return toContactView(contact);
      },
    );

    app.patch(
      '/v1/contacts/:phone',
      {
        config: { scope: 'messages' },
        schema: {
          tags,
          summary: 'Name, notes or opt-out state of a contact (created if new, e.g. to opt a number out)',
          params: PhoneParams,
          body: Type.Object(
            {
              displayName: Type.Optional(
                Type.Union([Type.Null(), Type.String({ minLength: 1, maxLength: 200 })]),
              ),
              notes: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 5000 })])),
              optedOut: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false, minProperties: 1 },
          ),
          response: { 200: ContactSchema, ...errorResponses() },
        },
      },
      async (request) => {
        const { workspaceId } = authOf(request);
        const phone = phoneParam(request.params.phone);
        const body = request.body;
        const now = ctx.clock.now();
        const current = await findContact(ctx.db, workspaceId, phone);
        const fields: Parameters<typeof upsertContact>[3] = {};
        if (body.displayName !== undefined) fields.display_name = body.displayName;
        if (body.notes !== undefined) fields.notes = body.notes;
        // Keep the original opt-out time when it is confirmed again.
        if (body.optedOut === true && !current?.opted_out_at) fields.opted_out_at = now.toISOString();
        if (body.optedOut === false) fields.opted_out_at = null;
        // Opting out also cancels what is still queued for the number, in the same commit.
        const optingOut = typeof fields.opted_out_at === 'string';
        const announceCanceled = await ctx.db.transaction().execute(async (trx) => {
          await upsertContact(trx, workspaceId, phone, fields, now);
          return optingOut ? cancelQueuedForOptOut(ctx, trx, workspaceId, phone) : undefined;
        });
        announceCanceled?.();
        const updated = await findContact(ctx.db, workspaceId, phone);
        if (!updated) throw notFound('Contact');
        return toContactView(updated);
      },
    );

    app.delete(
      '/v1/contacts/:phone',
      {
        config: { scope: 'messages' },
        schema: {
          tags,
          summary:
            'Forget a contact: deletes it, erases the bodies of its messages and deletes its conversations',
          params: PhoneParams,
          response: {
            200: Type.Object({
              phone: Type.String(),
              deleted: Type.Literal(true),
              messagesErased: Type.Integer({ description: 'Messages whose body was erased now' }),
            }),
            ...errorResponses(404),
          },
        },
      },
      async (request) => {
        const phone = phoneParam(request.params.phone);
        const { workspaceId } = authOf(request);
        const result = await eraseContact(ctx, workspaceId, phone, (trx) =>
          eraseConversationsOf(trx, workspaceId, phone),
        );
        if (!result) throw notFound('Contact');
        return { phone, deleted: true as const, ...result };
      },
    );
  };
}
