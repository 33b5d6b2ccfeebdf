import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { authOf } from '../http/auth.js';
import { creationHookOf, type IdempotentReplay } from '../http/idempotency.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { errorResponses, IdParams, Page, PageQuery } from '../http/schemas.js';
import { literalUnion } from '../lib/schema.js';
import { idPattern } from '../lib/ids.js';
import { toE164 } from '../lib/phone.js';
import type { VerifyChannels } from './channels.js';
import { checkVerification } from './check.js';
import { resendVerification } from './resend.js';
import { cancelVerification, createVerification, requireVerification } from './service.js';
import { listVerifications } from './store.js';
import { CHANNELS, VERIFICATION_STATUSES } from './tables.js';
import { CreateBody, Phone } from './schemas.js';
import { CheckResultSchema, toVerificationView, VerificationSchema } from './views.js';

const tags = ['verifications'];
const Code = Type.String({ pattern: '^[0-9]{4,10}$', description: 'The digits the user typed' });
const Params = IdParams(idPattern('ver'));

export function verifyRoutes(ctx: AppContext, channels: VerifyChannels): FastifyPluginAsyncTypebox {
  // A retry whose first request committed but never answered gets the verification as it is now.
  const replayFrom = (status: number): IdempotentReplay => ({
    replay: async (request, id) => ({
      status,
      body: toVerificationView(
        await requireVerification(ctx, authOf(request).workspaceId, id),
        ctx.clock.now(),
      ),
    }),
  });
  return async (app) => {
    app.post(
      '/v1/verifications',
      {
        config: { scope: 'verify', idempotent: replayFrom(201) },
        schema: {
          tags,
          summary: 'Send a one-time code (WhatsApp first, then the fallback channels)',
          body: CreateBody,
          response: { 201: VerificationSchema, ...errorResponses(404) },
        },
      },
      async (request, reply) => {
        const auth = authOf(request);
        const row = await createVerification(
          ctx,
          channels,
          auth.workspaceId,
          request.body,
          creationHookOf(request, { reply, status: 201 }),
          auth.workspace,
        );
        return reply.status(201).send(toVerificationView(row, ctx.clock.now()));
      },
    );

    app.get(
      '/v1/verifications',
      {
        config: { scope: 'verify', readOnly: true },
        schema: {
          tags,
          summary: 'Verifications, newest first (codes never included)',
          querystring: Type.Object(
            {
              ...PageQuery,
              to: Type.Optional(Type.String({ maxLength: 32 })),
              status: Type.Optional(literalUnion(VERIFICATION_STATUSES)),
            },
            { additionalProperties: false },
          ),
          response: { 200: Page(VerificationSchema), ...errorResponses() },
        },
      },
      async (request) => {
        const q = request.query;
        const limit = q.limit ?? 20;
        const filter = {
          phone: q.to ? toE164(q.to, 'to', 'querystring') : undefined,
          status: q.status,
          before: decodeCursor(q.cursor, 'ver'),
        };
        const rows = await listVerifications(ctx.db, authOf(request).workspaceId, filter, limit + 1);
        const now = ctx.clock.now();
        return pageOf(rows, limit, (row) => toVerificationView(row, now));
      },
    );

    app.get(
      '/v1/verifications/:id',
      {
        config: { scope: 'verify', readOnly: true },
        schema: {
          tags,
          summary: 'A verification',
          params: Params,
          response: { 200: VerificationSchema, ...errorResponses(404) },
        },
      },
      async (request) => {
        const row = await requireVerification(ctx, authOf(request).workspaceId, request.params.id);
        return toVerificationView(row, ctx.clock.now());
      },
    );

    app.post(
      '/v1/verifications/check',
      {
        config: { scope: 'verify' },
        schema: {
          tags,
          summary: "Check a code against the number's latest pending verification",
          body: Type.Object({ to: Phone, code: Code }, { additionalProperties: false }),
          response: { 200: CheckResultSchema, ...errorResponses(404, 409) },
        },
      },
      async (request) =>
        checkVerification(ctx, authOf(request).workspaceId, { to: request.body.to }, request.body.code),
    );

    app.post(
      '/v1/verifications/:id/check',
      {
        config: { scope: 'verify' },
        schema: {
          tags,
          summary: 'Check a code',
          params: Params,
          body: Type.Object({ code: Code }, { additionalProperties: false }),
          response: { 200: CheckResultSchema, ...errorResponses(404, 409) },
        },
      },
      async (request) =>
        checkVerification(ctx, authOf(request).workspaceId, { id: request.params.id }, request.body.code),
    );

    app.post(
      '/v1/verifications/:id/resend',
      {
        config: { scope: 'verify', idempotent: replayFrom(200) },
        // A bare POST (no body) is the common call: treat it as {}.
        preValidation: async (request) => {
          request.body ??= {};
        },
        schema: {
          tags,
          summary: 'Send the same code again (from the given channel, or from the first)',
          params: Params,
          body: Type.Object(
            { channel: Type.Optional(literalUnion(CHANNELS)) },
            { additionalProperties: false },
          ),
          response: { 200: VerificationSchema, ...errorResponses(404, 409) },
        },
      },
      async (request) => {
        const { workspaceId } = authOf(request);
        const row = await resendVerification(
          ctx,
          channels,
          workspaceId,
          request.params.id,
          request.body.channel,
          creationHookOf(request),
        );
        return toVerificationView(row, ctx.clock.now());
      },
    );

    app.post(
      '/v1/verifications/:id/cancel',
      {
        config: { scope: 'verify' },
        schema: {
          tags,
          summary: 'Cancel a pending verification',
          params: Params,
          response: { 200: VerificationSchema, ...errorResponses(404, 409) },
        },
      },
      async (request) => {
        const row = await cancelVerification(ctx, authOf(request).workspaceId, request.params.id);
        return toVerificationView(row, ctx.clock.now());
      },
    );
  };
}
