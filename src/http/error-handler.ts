import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../lib/errors.js';
import { codesFor, ERROR_STATUS, errorHeaders } from './errors.js';
import { validationDetails, withUnknownFieldHints, type ValidationIssue } from './validation-details.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What to add to "is not a known field" for a field a client of another API sends to this
     * route, by its name in `details` (`body.image`): what this route takes instead.
     */
    unknownFieldHints?: Readonly<Record<string, string>>;
  }
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: ErrorCode,
  message: string,
  details?: unknown,
) {
  const error: Record<string, unknown> = { code, message, requestId: request.id };
  if (details !== undefined) error.details = details;
  return reply.status(status).type('application/json; charset=utf-8').send({ error });
}

function fastifyErrorCode(err: FastifyError): { status: number; code: ErrorCode; message: string } | null {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'VALIDATION_ERROR', message: 'The JSON body is empty' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'VALIDATION_ERROR', message: 'The body is not valid JSON' };
  }
  if (err instanceof SyntaxError)
    return { status: 400, code: 'VALIDATION_ERROR', message: 'The body is not valid JSON' };
  return null;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      reply.headers(errorHeaders(err, request));
      return send(reply, request, ERROR_STATUS[err.code], err.code, err.message, err.details);
    }
    if (err.validation) {
      const details = withUnknownFieldHints(
        validationDetails(err.validationContext, err.validation as ValidationIssue[]),
        request.routeOptions.config.unknownFieldHints,
      );
      const first = details[0];
      const message = first ? `${first.field} ${first.message}` : 'Invalid request';
      return send(reply, request, 400, 'VALIDATION_ERROR', message, details);
    }
    const known = fastifyErrorCode(err);
    if (known) return send(reply, request, known.status, known.code, known.message);
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = codesFor(status)[0] ?? 'VALIDATION_ERROR';
      return send(reply, request, status, code, err.message);
    }
    request.log.error({ err }, 'request failed');
    return send(
      reply,
      request,
      500,
      'SERVER_ERROR',
      'Something went wrong on our side; the request id helps us find it',
    );
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`),
  );
}
