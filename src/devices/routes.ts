import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { auditBy } from '../http/audit-by.js';
import { authOf } from '../http/auth.js';
import { creationHookOf, type IdempotentReplay } from '../http/idempotency.js';
import { AppError } from '../lib/errors.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { errorResponses, IdParams, MediaResponse, Page, PageQuery } from '../http/schemas.js';
import { DisplayName, literalUnion } from '../lib/schema.js';
import { openEventStream } from '../http/sse.js';
import { idPattern } from '../lib/ids.js';
import { toE164 } from '../lib/phone.js';
import { cancelQueuedInTransaction } from '../messages/status.js';
import { PacingPatchSchema } from './pacing.js';
import { qrDataUrl, qrPng } from './qr.js';
import {
  connectDevice,
  createDevice,
  deleteDevice,
  logoutDevice,
  requireDevice,
  updateDevice,
} from './service.js';
import { deviceTopic } from './topics.js';
import { listDevices } from './store.js';
import type { DeviceSupervisor } from './supervisor.js';
import { DeviceSchema, ENGINES, toDeviceView } from './views.js';

const Params = IdParams(idPattern('dev'));

/** Resolves with the next pairing code the device reports, or fails after `timeoutMs`. */
function nextPairingCode(ctx: AppContext, deviceId: string, timeoutMs: number) {
  let cancel = () => undefined as void;
  const code = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new AppError('CONFLICT', 'WhatsApp did not return a pairing code in time; try again'));
    }, timeoutMs);
    const off = ctx.bus.subscribe(deviceTopic(deviceId), (event) => {
      if (event.type !== 'pairing_code') return;
      clearTimeout(timer);
      off();
      resolve(event.code);
    });
    cancel = () => {
      clearTimeout(timer);
      off();
    };
  });
  return { code, cancel };
}

export function deviceRoutes(ctx: AppContext, supervisor: DeviceSupervisor): FastifyPluginAsyncTypebox {
  // A retry whose first request created the device but never answered: the device as it is now.
  const replayDevice: IdempotentReplay = {
    replay: async (request, id) => ({
      status: 201,
      body: toDeviceView(await requireDevice(ctx, authOf(request).workspaceId, id)),
    }),
  };
  return async (app) => {
    const tags = ['devices'];
    app.post(
      '/v1/devices',
      {
        config: { scope: 'devices', idempotent: replayDevice },
        schema: {
          tags,
          summary: 'Add a WhatsApp device (a business number to link)',
          body: Type.Object(
            {
              name: DisplayName(),
              engine: Type.Optional(
                literalUnion(ENGINES, {
                  description: 'sandbox (default while WAPING_SANDBOX is on) or baileys (real WhatsApp)',
                }),
              ),
              pacing: Type.Optional(PacingPatchSchema),
            },
            { additionalProperties: false },
          ),
          response: { 201: DeviceSchema, ...errorResponses() },
        },
      },
      async (request, reply) => {
        const auth = authOf(request);
        const engine = request.body.engine ?? (ctx.config.sandbox ? 'sandbox' : 'baileys');
        const row = await createDevice(
          ctx,
          auth.workspaceId,
          auth.plan,
          { name: request.body.name, engine, pacing: request.body.pacing },
          creationHookOf(request),
          auditBy(request),
        );
        return reply.status(201).send(toDeviceView(row));
      },
    );

    app.get(
      '/v1/devices',
      {
        config: { scope: 'devices', readOnly: true },
        schema: {
          tags,
          summary: 'List devices',
          querystring: Type.Object(PageQuery, { additionalProperties: false }),
          response: { 200: Page(DeviceSchema), ...errorResponses() },
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 20;
        const rows = await listDevices(ctx.db, authOf(request).workspaceId, {
          limit: limit + 1,
          before: decodeCursor(request.query.cursor, 'dev'),
        });
        return pageOf(rows, limit, toDeviceView);
      },
    );

    app.get(
      '/v1/devices/:id',
      {
        config: { scope: 'devices', readOnly: true },
        schema: {
          tags,
          summary: 'Get a device',
          params: Params,
          response: { 200: DeviceSchema, ...errorResponses(404) },
        },
      },
      async (request) =>
        toDeviceView(await requireDevice(ctx, authOf(request).workspaceId, request.params.id)),
    );

    app.patch(
      '/v1/devices/:id',
      {
        config: { scope: 'devices' },
        schema: {
          tags,
          summary: 'Rename a device or change its pacing',
          params: Params,
          body: Type.Object(
            {
              name: Type.Optional(DisplayName()),
              pacing: Type.Optional(PacingPatchSchema),
            },
            { additionalProperties: false },
          ),
          response: { 200: DeviceSchema, ...errorResponses(404) },
        },
      },
      async (request) => {
        const row = await requireDevice(ctx, authOf(request).workspaceId, request.params.id);
        return toDeviceView(await updateDevice(ctx, supervisor, row, request.body, auditBy(request)));
      },
    );

    app.delete(
      '/v1/devices/:id',
      {
        config: { scope: 'devices' },
        schema: {
          tags,
          summary: 'Delete a device (unlinks it; queued messages are canceled)',
          params: Params,
          response: { 204: Type.Null(), ...errorResponses(404) },
        },
      },
      async (request, reply) => {
        const row = await requireDevice(ctx, authOf(request).workspaceId, request.params.id);
        // Queued messages have nowhere to go once their device is gone.
        await deleteDevice(
          ctx,
          supervisor,
          row,
          (trx) => cancelQueuedInTransaction(ctx, trx, row.id, 'DEVICE_DELETED', 'Its device was deleted'),
          auditBy(request),
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/v1/devices/:id/connect',
      {
        config: { scope: 'devices' },
        schema: {
          tags,
          summary: 'Start linking (QR) or reconnect',
          params: Params,
          response: { 200: DeviceSchema, ...errorResponses(404) },
        },
      },
      async (request) => {
        const row = await requireDevice(ctx, authOf(request).workspaceId, request.params.id);
        return toDeviceView(await connectDevice(ctx, supervisor, row));
      },
    );

    app.post(
      '/v1/devices/:id/pairing-code',
      {
        config: { scope: 'devices' },
        schema: {
          tags,
          summary: 'Link by an 8-character code typed on the phone instead of a QR',
          params: Params,
          body: Type.Object(
            { phone: Type.String({ minLength: 5, maxLength: 32 }) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ code: Type.String(), device: DeviceSchema }),
            ...errorResponses(404, 409),
          },
        },
      },
      async (request) => {
        const row = await requireDevice(ctx, authOf(request).workspaceId, request.params.id);
        if (row.status === 'connected') throw new AppError('CONFLICT', 'The device is already linked');
        const phone = toE164(request.body.phone, 'phone');
        // Listen first: the code arrives as an engine event, possibly from the node that runs the device.
        const next = nextPairingCode(ctx, row.id, 20_000);
        try {
          // A fresh start in pairing mode: WhatsApp hands out a code only to a socket asking for one.
          await connectDevice(ctx, supervisor, row, phone);
        } catch (err) {
          next.cancel();
          throw err;
        }
        const code = await next.code;
        return { code, device: toDeviceView(await requireDevice(ctx, row.workspace_id, row.id)) };
      },
    );

    app.get(
      '/v1/devices/:id/qr',
      {
        // Not readOnly: whoever scans this QR links their phone as the business line.
        config: { scope: 'devices' },
        schema: {
          tags,
          summary: 'The QR code to scan: PNG, or JSON with Accept: application/json',
          params: Params,
          response: {
            200: MediaResponse('PNG image by default; JSON with Accept: application/json', {
              'image/png': Type.String({ contentMediaType: 'image/png' }),
              'application/json': Type.Object({
                qr: Type.String(),
                dataUrl: Type.String(),
                expiresAt: Type.String({ format: 'date-time' }),
              }),
            }),
            ...errorResponses(404, 409),
          },
        },
      },
      async (request, reply) => {
        const row = await requireDevice(ctx, authOf(request).workspaceId, request.params.id);
        const current = supervisor.currentQr(row.id);
        if (!current || row.status !== 'qr') {
          throw new AppError(
            'CONFLICT',
            `No QR to scan: the device is ${row.status}${row.status === 'unlinked' ? '; POST /v1/devices/:id/connect first' : ''}`,
          );
        }
        if ((request.headers.accept ?? '').includes('application/json')) {
          return { qr: current.qr, dataUrl: await qrDataUrl(current.qr), expiresAt: current.expiresAt };
        }
        const png = await qrPng(current.qr);
        // Buffers bypass the JSON serializer; the typed reply only knows the JSON variant.
        return reply
          .type('image/png')
          .header('cache-control', 'no-store')
          .send(png as never);
      },
    );

    app.post(
      '/v1/devices/:id/logout',
      {
        config: { scope: 'devices' },
        schema: {
          tags,
          summary: 'Unlink the device from the phone',
          params: Params,
          response: { 200: DeviceSchema, ...errorResponses(404) },
        },
      },
      async (request) => {
        const row = await requireDevice(ctx, authOf(request).workspaceId, request.params.id);
        return toDeviceView(await logoutDevice(ctx, supervisor, row, auditBy(request)));
      },
    );

    app.get(
      '/v1/devices/:id/events',
      {
        config: { scope: 'devices', readOnly: true },
        schema: {
          tags,
          summary: 'Server-Sent Events: status changes, QR refreshes, pairing codes',
          params: Params,
          response: {
            200: MediaResponse('Server-Sent Events', { 'text/event-stream': Type.String() }),
            ...errorResponses(404),
          },
        },
      },
      async (request, reply) => {
        const auth = authOf(request);
        const row = await requireDevice(ctx, auth.workspaceId, request.params.id);
        // QR codes and pairing codes link a phone: only callers who may link one see them.
        const mayLink = auth.scopes.has('devices');
        const initial: Array<{ event: string; data: unknown }> = [
          { event: 'status', data: { type: 'status', device: toDeviceView(row) } },
        ];
        const qr = supervisor.currentQr(row.id);
        if (qr && mayLink) initial.push({ event: 'qr', data: { type: 'qr', ...qr } });
        openEventStream(request, reply, initial, (send) =>
          ctx.bus.subscribe(deviceTopic(row.id), (event) => {
            if (mayLink || event.type === 'status') send(event.type, event);
          }),
        );
      },
    );
  };
}
