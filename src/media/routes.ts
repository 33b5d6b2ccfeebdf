import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import type { AppContext } from '../context.js';
import { authOf } from '../http/auth.js';
import { errorResponses, IdParams, MediaResponse } from '../http/schemas.js';
import { AppError, validation } from '../lib/errors.js';
import { idPattern } from '../lib/ids.js';
import { literalUnion } from '../lib/schema.js';
import { MAX_ANY_BYTES } from './kinds.js';
import { deleteMedia, openMedia, requireMedia, storeMedia } from './service.js';
import { DETECTED_MIMES } from './sniff.js';
import { storedFromUpload, uploadedFile } from './upload-body.js';
import { MediaSchema, SENDABLE_KINDS, toMediaView } from './views.js';

const tags = ['media'];
/** Room for the multipart framing and the form fields around the largest file. */
const FRAMING_BYTES = 64 * 1024;

/** `attachment; filename="…"` with an ASCII fallback and the exact name in RFC 5987 form. */
function contentDisposition(filename: string | null, id: string): string {
  const name = filename ?? id;
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const UploadBody = Type.Object(
  {
    type: Type.Optional(literalUnion(SENDABLE_KINDS)),
    file: Type.Optional(Type.Unsafe<unknown>({ type: 'string', format: 'binary' })),
  },
  {
    description:
      'multipart/form-data: an optional `type` field (before the file), then the `file` part (required). ' +
      'The type of the content is detected from its bytes; its name must not contradict it.',
  },
);

export function mediaRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(multipart, {
      limits: { files: 1, fields: 4, fieldSize: 1024, parts: 6, fileSize: MAX_ANY_BYTES + 1 },
    });

    app.post(
      '/v1/media',
      {
        config: {
          scope: 'messages',
          body: { limitBytes: MAX_ANY_BYTES + FRAMING_BYTES, timeoutMs: ctx.config.mediaUploadTimeoutMs },
        },
        schema: {
          tags,
          summary: 'Upload a file to send later (multipart, streamed to storage)',
          consumes: ['multipart/form-data'],
          body: UploadBody,
          response: { 201: MediaSchema, ...errorResponses(422) },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload the file as multipart/form-data');
        }
        const file = await uploadedFile(request);
        if (!file) throw validation('No file in the form', [{ field: 'body.file', message: 'is required' }]);
        const typeField = file.fields.type;
        const declared = typeField && 'value' in typeField ? String(typeField.value) : undefined;
        if (declared !== undefined && !(SENDABLE_KINDS as readonly string[]).includes(declared)) {
          file.file.resume();
          throw validation(`type must be one of ${SENDABLE_KINDS.join(', ')}`, [
            { field: 'body.type', message: 'is not a media type' },
          ]);
        }
        const row = await storedFromUpload(file.file, () =>
          storeMedia(ctx, authOf(request).workspaceId, file.file, {
            source: 'upload',
            kind: declared as (typeof SENDABLE_KINDS)[number] | undefined,
            filename: file.filename,
          }),
        );
        return reply.status(201).send(toMediaView(row));
      },
    );

    app.get(
      '/v1/media/:id',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: 'Download a file',
          params: IdParams(idPattern('med')),
          response: {
            200: MediaResponse(
              'The file, with its detected content type (a file a customer sent keeps the type WhatsApp gave it)',
              Object.fromEntries(
                [...DETECTED_MIMES, '*/*'].map((mime) => [mime, Type.String({ format: 'binary' })]),
              ),
            ),
            ...errorResponses(404),
          },
        },
      },
      async (request, reply) => {
        const row = await requireMedia(ctx, authOf(request).workspaceId, request.params.id);
        const stream = await openMedia(ctx, row);
        return reply
          .header('content-type', row.mime)
          .header('content-length', String(row.size))
          .header('content-disposition', contentDisposition(row.filename, row.id))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=86400, immutable')
          .send(stream);
      },
    );

    app.get(
      '/v1/media/:id/info',
      {
        config: { scope: 'messages', readOnly: true },
        schema: {
          tags,
          summary: "A file's metadata",
          params: IdParams(idPattern('med')),
          response: { 200: MediaSchema, ...errorResponses(404) },
        },
      },
      async (request) => toMediaView(await requireMedia(ctx, authOf(request).workspaceId, request.params.id)),
    );

    app.delete(
      '/v1/media/:id',
      {
        config: { scope: 'messages' },
        schema: {
          tags,
          summary: 'Delete a file (messages that carried it keep its metadata)',
          params: IdParams(idPattern('med')),
          response: { 204: Type.Null(), ...errorResponses(404) },
        },
      },
      async (request, reply) => {
        await deleteMedia(ctx, authOf(request).workspaceId, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
