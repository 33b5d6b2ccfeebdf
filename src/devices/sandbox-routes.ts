import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { requireDevice } from './service.js';
import { deviceIdsOf } from './store.js';
import { deviceTopic } from './topics.js';
import type { DeviceSupervisor } from './supervisor.js';
import { toDeviceView, DeviceSchema } from './views.js';
import { authOf } from '../http/auth.js';
import { AppError, validation } from '../lib/errors.js';
import { literalUnion } from '../lib/schema.js';
import { sandboxFile } from '../media/sandbox-file.js';
import { errorResponses, IdParams } from '../http/schemas.js';
import { idPattern } from '../lib/ids.js';
import { toE164 } from '../lib/phone.js';
import { SandboxError } from '../engines/sandbox/errors.js';

const Params = IdParams(idPattern('dev'));
const tags = ['sandbox'];

function mapSandboxError(err: unknown): never {
  if (err instanceof SandboxError) {
    if (err.code === 'NOT_FOUND')
      throw new AppError('CONFLICT', 'The device is not running; POST /v1/devices/:id/connect first');
    if (err.code === 'NOT_WAITING_FOR_SCAN')
      throw new AppError('CONFLICT', 'The device is not waiting for a scan');
    throw new AppError('SESSION_DISCONNECTED', 'The device is not connected');
  }
  throw err;
}

/** The simulated WhatsApp (docs/api.md, "Sandbox"): only registered while WAPING_SANDBOX is on. */
export function sandboxRoutes(ctx: AppContext, supervisor: DeviceSupervisor): FastifyPluginAsyncTypebox {
  const hub = supervisor.hub;
  const sandboxDevice = async (workspaceId: string, id: string) => {
    const row = await requireDevice(ctx, workspaceId, id);
    if (row.engine !== 'sandbox') throw new AppError('CONFLICT', 'Only sandbox devices can be simulated');
    return row;
  };
  return async (app) => {
    app.post(
      '/v1/sandbox/devices/:id/scan',
      {
        config: { scope: 'devices' },
        schema: {
          tags,
          summary: 'Simulate scanning the QR with a phone',
          params: Params,
          body: Type.Object(
            { phone: Type.String({ minLength: 5, maxLength: 32 }) },
            { additionalProperties: false },
          ),
          response: { 200: DeviceSchema, ...errorResponses(404, 409) },
        },
      },
      async (request) => {
        const row = await sandboxDevice(authOf(request).workspaceId, request.params.id);
        const phone = toE164(request.body.phone, 'phone');
        // Answer once the device is connected, so a script can send right after the scan.
        const connected = new Promise<void>((resolve) => {
          const off = ctx.bus.subscribe(deviceTopic(row.id), (event) => {
            if (event.type === 'status' && event.device.status === 'connected') {
              off();
              resolve();
            }
          });
          setTimeout(() => {
            off();
            resolve();
          }, 3000).unref();
        });
        await hub.scan(row.id, phone).catch(mapSandboxError);
        await connected;
        return toDeviceView(await requireDevice(ctx, row.workspace_id, row.id));
      },
    );

    app.post(
      '/v1/sandbox/devices/:id/disconnect',
      {
        config: { scope: 'devices' },
        schema: {
          tags,
          summary: 'Simulate the phone dropping off (optionally coming back after a delay)',
          params: Params,
          body: Type.Object(
            {
              reason: Type.Optional(Type.String({ maxLength: 200 })),
              reconnectAfterMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 3_600_000 })),
            },
            { additionalProperties: false },
          ),
          response: { 202: Type.Object({ ok: Type.Boolean() }), ...errorResponses(404, 409) },
        },
      },
      async (request, reply) => {
        const row = await sandboxDevice(authOf(request).workspaceId, request.params.id);
        try {
          hub.disconnect(row.id, request.body);
        } catch (err) {
          mapSandboxError(err);
        }
        return reply.status(202).send({ ok: true });
      },
    );

    app.post(
      '/v1/sandbox/devices/:id/unlink',
      {
        config: { scope: 'devices' },
        schema: {
          tags,
          summary: 'Simulate removing the linked device on the phone',
          params: Params,
          response: { 202: Type.Object({ ok: Type.Boolean() }), ...errorResponses(404, 409) },
        },
      },
      async (request, reply) => {
        const row = await sandboxDevice(authOf(request).workspaceId, request.params.id);
        await hub.unlink(row.id).catch(mapSandboxError);
        return reply.status(202).send({ ok: true });
      },
    );

    app.get(
      '/v1/sandbox/typing',
      {
        config: { scope: 'devices', readOnly: true },
        schema: {
          tags,
          summary: 'What the simulated recipients see of the lines typing to them ("typing…"), newest first',
          querystring: Type.Object(
            {
              to: Type.Optional(Type.String({ maxLength: 32 })),
              deviceId: Type.Optional(Type.String({ pattern: idPattern('dev') })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              data: Type.Array(
                Type.Object({
                  deviceId: Type.String(),
                  from: Type.String(),
                  to: Type.String(),
                  state: Type.Union([Type.Literal('composing'), Type.Literal('paused')], {
                    description: 'composing: the recipient sees "typing…"',
                  }),
                  at: Type.String({ format: 'date-time' }),
                }),
              ),
            }),
            ...errorResponses(),
          },
        },
      },
      async (request) => {
        const { workspaceId } = authOf(request);
        const to = request.query.to ? toE164(request.query.to, 'to', 'querystring') : undefined;
        const mine = await deviceIdsOf(ctx.db, workspaceId);
        const data = hub.presence
          .list({ to, deviceId: request.query.deviceId }, new Date())
          .filter((p) => mine.has(p.deviceId))
          .map((p) => ({ ...p, at: p.at.toISOString() }));
        return { data };
      },
    );

    app.get(
      '/v1/sandbox/messages',
      {
        config: { scope: 'devices', readOnly: true },
        schema: {
          tags,
          summary: "The simulated recipients' inboxes, newest first",
          querystring: Type.Object(
            {
              to: Type.Optional(Type.String({ maxLength: 32 })),
              deviceId: Type.Optional(Type.String({ pattern: idPattern('dev') })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              data: Type.Array(
                Type.Object({
                  id: Type.String(),
                  deviceId: Type.String(),
                  from: Type.String(),
                  to: Type.String(),
                  text: Type.String(),
                  at: Type.String({ format: 'date-time' }),
                  status: Type.String(),
                  media: Type.Optional(
                    Type.Object({
                      type: Type.String({ description: 'image, video, audio, voice or document' }),
                      mime: Type.String(),
                      size: Type.Integer(),
                      sha256: Type.String({ description: 'Of the bytes the recipient received' }),
                      filename: Type.Optional(Type.String()),
                      voice: Type.Optional(Type.Boolean()),
                    }),
                  ),
                }),
              ),
            }),
            ...errorResponses(),
          },
        },
      },
      async (request) => {
        const { workspaceId } = authOf(request);
        const to = request.query.to ? toE164(request.query.to, 'to', 'querystring') : undefined;
        const mine = await deviceIdsOf(ctx.db, workspaceId);
        const data = hub
          .messages({ to, deviceId: request.query.deviceId, limit: 5000 })
          .filter((m) => mine.has(m.deviceId))
          .slice(0, request.query.limit ?? 100)
          .map((m) => ({ ...m, at: m.at.toISOString() }));
        return { data };
      },
    );

    app.post(
      '/v1/sandbox/inbound',
      {
        config: { scope: 'devices' },
        schema: {
          tags,
          summary: 'Simulate a customer writing to the line',
          body: Type.Object(
            {
              deviceId: Type.String({ pattern: idPattern('dev') }),
              from: Type.String({ minLength: 5, maxLength: 32 }),
              text: Type.Optional(
                Type.String({ minLength: 1, maxLength: 4096, description: 'The text, or a caption' }),
              ),
              media: Type.Optional(
                Type.Object(
                  {
                    type: literalUnion(['image', 'document'] as const),
                    data: Type.String({ maxLength: 700_000, description: 'The file, base64 (up to 512 KB)' }),
                    filename: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
                  },
                  { additionalProperties: false },
                ),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 202: Type.Object({ waMessageId: Type.String() }), ...errorResponses(404, 409, 422) },
        },
      },
      async (request, reply) => {
        const row = await sandboxDevice(authOf(request).workspaceId, request.body.deviceId);
        const from = toE164(request.body.from, 'from');
        try {
          const { text, media } = request.body;
          if (!text && !media)
            throw validation('Give text, media or both', [
              { field: 'body.text', message: 'is required without media' },
            ]);
          return reply.status(202).send(hub.inbound(row.id, from, text ?? '', media && sandboxFile(media)));
        } catch (err) {
          return mapSandboxError(err);
        }
      },
    );
  };
}
