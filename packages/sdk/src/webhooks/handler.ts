import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebhookEvent } from './events.js';
import {
  verifyWebhook,
  WebhookVerificationError,
  type VerifyOptions,
  type WebhookHeaders,
} from './verify.js';

export interface HandlerOptions extends VerifyOptions {
  /** The endpoint's signing secret (`whsec_…`), or several during your own switch-over. */
  secret: string | readonly string[];
  /** Called with each verified event; a throw answers 500 so WAPing delivers it again. */
  onEvent: (event: WebhookEvent) => unknown;
  /** Called with each refused delivery (bad signature, stale timestamp, …). */
  onError?: (error: WebhookVerificationError) => void;
}

/** A request as Node's http, Express and Fastify hand it over. */
export interface IncomingLike {
  headers: WebhookHeaders;
  /** Express `express.raw()`, Fastify with a buffer/string parser, or any `rawBody` you kept. */
  body?: unknown;
  rawBody?: unknown;
  /** Fastify: the Node request underneath. */
  raw?: IncomingMessage;
}

/** Node's ServerResponse (http, Express) or a Fastify reply. */
export type ReplyLike = Pick<ServerResponse, 'statusCode' | 'end' | 'setHeader'> | FastifyReplyLike;
export interface FastifyReplyLike {
  code(status: number): { send(body?: unknown): unknown };
}

/**
 * A request handler for webhook deliveries: verifies the signature over the raw body, calls
 * `onEvent`, answers 204 (400 for a refused delivery). Mount it on the raw body:
 *
 *   http.createServer(handler)                                      // Node http: reads the stream
 *   app.post('/waping', express.raw({ type: 'application/json' }), handler)        // Express
 *   fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_r, b, done) => done(null, b));
 *   fastify.post('/waping', handler)                                // Fastify
 */
export function webhookHandler(options: HandlerOptions) {
  return async (req: IncomingLike | IncomingMessage, res: ReplyLike): Promise<void> => {
    const request = req as IncomingLike;
    let event: WebhookEvent;
    try {
      const raw = await rawBody(request);
      event = verifyWebhook(raw, request.headers, options.secret, options);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) {
        // Mounted on a parsed body, or the stream failed: say so in the answer WAPing logs.
        const message = error instanceof Error ? error.message : String(error);
        return answer(res, 500, { error: { code: 'handler_misconfigured', message } });
      }
      options.onError?.(error);
      return answer(res, 400, { error: { code: error.reason, message: error.message } });
    }
    try {
      await options.onEvent(event);
    } catch {
      return answer(res, 500, { error: { code: 'handler_failed', message: 'The event handler failed' } });
    }
    return answer(res, 204);
  };
}

async function rawBody(req: IncomingLike): Promise<string | Uint8Array> {
  for (const candidate of [req.rawBody, req.body]) {
    if (typeof candidate === 'string' || candidate instanceof Uint8Array) return candidate;
  }
  if (req.body !== undefined && req.body !== null && typeof req.body === 'object') {
    throw new TypeError(
      'The webhook body was already parsed as JSON: mount the handler on the raw body (express.raw(), or a Fastify buffer parser)',
    );
  }
  const stream = req.raw ?? (req as unknown as IncomingMessage);
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

function answer(res: ReplyLike, status: number, body?: object): void {
  if ('code' in res && typeof res.code === 'function') {
    res.code(status).send(body);
    return;
  }
  const node = res as Pick<ServerResponse, 'statusCode' | 'end' | 'setHeader'>;
  node.statusCode = status;
  if (!body) {
    node.end();
    return;
  }
  node.setHeader('content-type', 'application/json');
  node.end(JSON.stringify(body));
}
