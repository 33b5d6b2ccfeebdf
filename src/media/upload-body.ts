import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { AppError, validation } from '../lib/errors.js';

/**
 * The multipart parser reports a body it cannot read (no boundary, a part cut short, the closing
 * boundary missing) as plain errors: those are the client's, answered 400. Its limits come with a
 * status of their own (413), kept, as are WAPing's own errors.
 */
function malformed(err: unknown): unknown {
  if (err instanceof AppError || !(err instanceof Error) || 'statusCode' in err) return err;
  return validation(`The multipart body is malformed: ${err.message}`, [
    { field: 'body', message: 'is not a complete multipart/form-data body' },
  ]);
}

/** The upload's file part, when it has one. */
export async function uploadedFile(request: FastifyRequest): Promise<MultipartFile | undefined> {
  try {
    return await request.file();
  } catch (err) {
    throw malformed(err);
  }
}

/**
 * Runs `store` over a file part's stream. When the stream itself failed (the body ended inside
 * the file), whatever `store` then throws is that failure, the client's; a failure of the
 * storage behind it stays the server's.
 */
export async function storedFromUpload<T>(file: Readable, store: () => Promise<T>): Promise<T> {
  let cut: Error | undefined;
  file.once('error', (err) => (cut = err));
  try {
    return await store();
  } catch (err) {
    // It may have failed before it was handed over, its 'error' already emitted.
    const failed = cut ?? file.errored;
    throw failed ? malformed(failed) : err;
  }
}
