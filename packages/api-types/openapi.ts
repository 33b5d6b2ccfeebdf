/**
 * The WAPing API's types, generated from /openapi.json by openapi-typescript: do not edit.
 * Regenerate with `npm run api-types`; test/http/api-types.test.ts fails when this file drifts.
 */
export interface paths {
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The process is up */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok';
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The database answers */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok';
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspace': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workspace: plan, limits, usage this month, settings */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              plan: {
                name: string;
                /** @description null = unlimited */
                devices: number | null;
                /** @description null = unlimited */
                messagesPerMonth: number | null;
                api: boolean;
                /** @description null = unlimited */
                requestsPerMinute: number | null;
              };
              usage: {
                /** @description Calendar month, UTC (YYYY-MM) */
                period: string;
                messagesSent: number;
                /** @description null = unlimited */
                messagesRemaining: number | null;
                verifications: number;
                devices: number;
              };
              settings: {
                /** @description null = the workspace owners and admins */
                alertRecipients: string[] | null;
                retentionDays: number;
                allowOtpToOptedOut: boolean;
                /** @description Every member signs in to the dashboard with a second factor */
                requireTwoFactor: boolean;
                optOutWords: string[];
                verification: {
                  codeLength: number;
                  ttlSeconds: number;
                  messageText: string | null;
                  channels: ('whatsapp' | 'sms' | 'email')[];
                };
              };
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename the workspace or change its settings (only the fields sent) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The workspace name shown in the dashboard */
            name?: string;
            alertRecipients?: string[] | null;
            retentionDays?: number;
            allowOtpToOptedOut?: boolean;
            /** @description Owners only. Every member must sign in to the dashboard with a second factor; members without one enrol at their next sign-in */
            requireTwoFactor?: boolean;
            optOutWords?: string[];
            verification?: {
              codeLength?: number;
              ttlSeconds?: number;
              messageText?: string | null;
              /** @description Tried in this order when a request names no channels */
              channels?: ('whatsapp' | 'sms' | 'email')[];
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              plan: {
                name: string;
                /** @description null = unlimited */
                devices: number | null;
                /** @description null = unlimited */
                messagesPerMonth: number | null;
                api: boolean;
                /** @description null = unlimited */
                requestsPerMinute: number | null;
              };
              usage: {
                /** @description Calendar month, UTC (YYYY-MM) */
                period: string;
                messagesSent: number;
                /** @description null = unlimited */
                messagesRemaining: number | null;
                verifications: number;
                devices: number;
              };
              settings: {
                /** @description null = the workspace owners and admins */
                alertRecipients: string[] | null;
                retentionDays: number;
                allowOtpToOptedOut: boolean;
                /** @description Every member signs in to the dashboard with a second factor */
                requireTwoFactor: boolean;
                optOutWords: string[];
                verification: {
                  codeLength: number;
                  ttlSeconds: number;
                  messageText: string | null;
                  channels: ('whatsapp' | 'sms' | 'email')[];
                };
              };
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List API keys (never their values) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['ApiKey'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    /** Create an API key; its value is in this response only */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
          /** @description Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency") */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            scopes?: ('messages' | 'devices' | 'verify' | 'webhooks' | 'admin')[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            /** @description Present when this is a replay */
            'Idempotent-Replayed'?: 'true';
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Shown once */
              key: string;
              apiKey: components['schemas']['ApiKey'];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key (it stops working at once) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              scopes: ('messages' | 'devices' | 'verify' | 'webhooks' | 'admin')[];
              /** @description Last 4 characters of the key */
              hint: string;
              /** Format: date-time */
              createdAt: string;
              lastUsedAt: string | null;
              revokedAt: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who changed what in this workspace, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          action?:
            | 'api_key.created'
            | 'api_key.revoked'
            | 'member.added'
            | 'member.role_changed'
            | 'member.removed'
            | 'member.password_reset'
            | 'webhook.created'
            | 'webhook.updated'
            | 'webhook.deleted'
            | 'webhook.secret_rotated'
            | 'device.created'
            | 'device.renamed'
            | 'device.updated'
            | 'device.deleted'
            | 'device.logged_out'
            | 'settings.updated'
            | 'two_factor.enabled'
            | 'two_factor.disabled';
          /** @description A user id (`usr_…`) or an API key id (`key_…`) */
          actor?: string;
          /** @description The id of the changed resource */
          target?: string;
          since?: string;
          until?: string;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['AuditEvent'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/event-types': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The event types an endpoint can subscribe to */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Every event type an endpoint can subscribe to (or "*" for all of them) */
              data: string[];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List webhook endpoints, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Webhook'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    /** Create a webhook endpoint; its signing secret is in this response only */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
          /** @description Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency") */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            url: string;
            /** @description Event types to receive, or ["*"] for all of them */
            events: (
              | 'message.sent'
              | 'message.delivered'
              | 'message.read'
              | 'message.failed'
              | 'message.expired'
              | 'message.canceled'
              | 'message.received'
              | 'device.connected'
              | 'device.disconnected'
              | 'device.logged_out'
              | 'device.qr'
              | 'device.unlinked'
              | 'verification.approved'
              | 'verification.failed'
              | 'verification.fallback'
              | 'conversation.created'
              | 'conversation.assigned'
              | 'conversation.status_changed'
              | '*'
            )[];
            description?: string | null;
            /** @default true */
            enabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            /** @description Present when this is a replay */
            'Idempotent-Replayed'?: 'true';
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description whsec_…: shown in this response only */
              secret: string;
              webhook: components['schemas']['Webhook'];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A webhook endpoint */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              url: string;
              description: string | null;
              events: string[];
              enabled: boolean;
              disabledReason: string | null;
              previousSecretExpiresAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a webhook endpoint and its delivery log */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a webhook endpoint (enabling it again clears its failure record) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            url?: string;
            /** @description Event types to receive, or ["*"] for all of them */
            events?: (
              | 'message.sent'
              | 'message.delivered'
              | 'message.read'
              | 'message.failed'
              | 'message.expired'
              | 'message.canceled'
              | 'message.received'
              | 'device.connected'
              | 'device.disconnected'
              | 'device.logged_out'
              | 'device.qr'
              | 'device.unlinked'
              | 'verification.approved'
              | 'verification.failed'
              | 'verification.fallback'
              | 'conversation.created'
              | 'conversation.assigned'
              | 'conversation.status_changed'
              | '*'
            )[];
            description?: string | null;
            enabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              url: string;
              description: string | null;
              events: string[];
              enabled: boolean;
              disabledReason: string | null;
              previousSecretExpiresAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/webhooks/{id}/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Success rate over the latest deliveries, and the last failed attempt */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The most recent deliveries looked at, at most */
              window: number;
              /** @description Deliveries in the window */
              deliveries: number;
              succeeded: number;
              /** @description Given up after the whole retry schedule */
              failed: number;
              /** @description Still pending after at least one failed attempt */
              retrying: number;
              /** @description Pending, not tried yet */
              waiting: number;
              successRate: number | null;
              lastSuccessAt: string | null;
              lastError: {
                /** Format: date-time */
                at: string;
                deliveryId: string;
                eventType: string;
                statusCode: number | null;
                responseSnippet: string | null;
                error: string | null;
              } | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** New signing secret; the old one keeps signing alongside it for 24 h */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
          /** @description Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency") */
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            /** @description Present when this is a replay */
            'Idempotent-Replayed'?: 'true';
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description whsec_…: shown in this response only */
              secret: string;
              webhook: components['schemas']['Webhook'];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Deliveries to this endpoint, newest first, with every attempt */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          status?: 'pending' | 'succeeded' | 'failed';
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['WebhookDelivery'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}/deliveries/{deliveryId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One delivery with every attempt and the body it sends */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
          deliveryId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              webhookId: string;
              eventId: string;
              eventType: string;
              status: 'pending' | 'succeeded' | 'failed';
              attemptCount: number;
              nextAttemptAt: string | null;
              lastAttemptAt: string | null;
              lastStatusCode: number | null;
              responseSnippet: string | null;
              lastError: string | null;
              attempts: {
                number: number;
                /** Format: date-time */
                at: string;
                durationMs: number;
                statusCode: number | null;
                responseSnippet: string | null;
                error: string | null;
              }[];
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              /** @description The JSON body every attempt POSTed, exactly as sent (what the signature covers) */
              payload: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}/deliveries/{deliveryId}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a delivery again now (a failed one gets a fresh retry schedule; a delivered one is replayed) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
          deliveryId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              webhookId: string;
              eventId: string;
              eventType: string;
              status: 'pending' | 'succeeded' | 'failed';
              attemptCount: number;
              nextAttemptAt: string | null;
              lastAttemptAt: string | null;
              lastStatusCode: number | null;
              responseSnippet: string | null;
              lastError: string | null;
              attempts: {
                number: number;
                /** Format: date-time */
                at: string;
                durationMs: number;
                statusCode: number | null;
                responseSnippet: string | null;
                error: string | null;
              }[];
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a webhook.test event to this endpoint only */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
          /** @description Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency") */
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            /** @description Present when this is a replay */
            'Idempotent-Replayed'?: 'true';
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              eventId: string;
              delivery: components['schemas']['WebhookDelivery'];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/devices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List devices */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Device'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    /** Add a WhatsApp device (a business number to link) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
          /** @description Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency") */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @description sandbox (default while WAPING_SANDBOX is on) or baileys (real WhatsApp) */
            engine?: 'sandbox' | 'baileys';
            pacing?: {
              /** @description Minimum gap between two sends */
              minIntervalMs?: number;
              /** @description Random ± added to the gap */
              jitterMs?: number;
              /** @description null = no cap */
              perMinute?: number | null;
              /** @description null = no cap */
              perDay?: number | null;
              /** @description Show "typing…" briefly before a send (real numbers) */
              presence?: boolean;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            /** @description Present when this is a replay */
            'Idempotent-Replayed'?: 'true';
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              engine: 'sandbox' | 'baileys';
              status: 'unlinked' | 'connecting' | 'qr' | 'connected' | 'disconnected' | 'logged_out';
              statusReason: string | null;
              /** Format: date-time */
              statusChangedAt: string;
              lastSeenAt: string | null;
              phone: string | null;
              displayName: string | null;
              pacing: components['schemas']['Pacing'];
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/devices/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a device */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              engine: 'sandbox' | 'baileys';
              status: 'unlinked' | 'connecting' | 'qr' | 'connected' | 'disconnected' | 'logged_out';
              statusReason: string | null;
              /** Format: date-time */
              statusChangedAt: string;
              lastSeenAt: string | null;
              phone: string | null;
              displayName: string | null;
              pacing: components['schemas']['Pacing'];
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a device (unlinks it; queued messages are canceled) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Rename a device or change its pacing */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            pacing?: {
              /** @description Minimum gap between two sends */
              minIntervalMs?: number;
              /** @description Random ± added to the gap */
              jitterMs?: number;
              /** @description null = no cap */
              perMinute?: number | null;
              /** @description null = no cap */
              perDay?: number | null;
              /** @description Show "typing…" briefly before a send (real numbers) */
              presence?: boolean;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              engine: 'sandbox' | 'baileys';
              status: 'unlinked' | 'connecting' | 'qr' | 'connected' | 'disconnected' | 'logged_out';
              statusReason: string | null;
              /** Format: date-time */
              statusChangedAt: string;
              lastSeenAt: string | null;
              phone: string | null;
              displayName: string | null;
              pacing: components['schemas']['Pacing'];
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/devices/{id}/connect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start linking (QR) or reconnect */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              engine: 'sandbox' | 'baileys';
              status: 'unlinked' | 'connecting' | 'qr' | 'connected' | 'disconnected' | 'logged_out';
              statusReason: string | null;
              /** Format: date-time */
              statusChangedAt: string;
              lastSeenAt: string | null;
              phone: string | null;
              displayName: string | null;
              pacing: components['schemas']['Pacing'];
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/devices/{id}/pairing-code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Link by an 8-character code typed on the phone instead of a QR */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            phone: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              device: components['schemas']['Device'];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/devices/{id}/qr': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The QR code to scan: PNG, or JSON with Accept: application/json */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description PNG image by default; JSON with Accept: application/json */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'image/png': string;
            'application/json': {
              qr: string;
              dataUrl: string;
              /** Format: date-time */
              expiresAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/devices/{id}/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Unlink the device from the phone */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              engine: 'sandbox' | 'baileys';
              status: 'unlinked' | 'connecting' | 'qr' | 'connected' | 'disconnected' | 'logged_out';
              statusReason: string | null;
              /** Format: date-time */
              statusChangedAt: string;
              lastSeenAt: string | null;
              phone: string | null;
              displayName: string | null;
              pacing: components['schemas']['Pacing'];
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/devices/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Server-Sent Events: status changes, QR refreshes, pairing codes */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Server-Sent Events */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': string;
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sandbox/devices/{id}/scan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Simulate scanning the QR with a phone */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            phone: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              engine: 'sandbox' | 'baileys';
              status: 'unlinked' | 'connecting' | 'qr' | 'connected' | 'disconnected' | 'logged_out';
              statusReason: string | null;
              /** Format: date-time */
              statusChangedAt: string;
              lastSeenAt: string | null;
              phone: string | null;
              displayName: string | null;
              pacing: components['schemas']['Pacing'];
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sandbox/devices/{id}/disconnect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Simulate the phone dropping off (optionally coming back after a delay) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
            reconnectAfterMs?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sandbox/devices/{id}/unlink': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Simulate removing the linked device on the phone */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sandbox/typing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the simulated recipients see of the lines typing to them ("typing…"), newest first */
    get: {
      parameters: {
        query?: {
          to?: string;
          deviceId?: string;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                deviceId: string;
                from: string;
                to: string;
                /** @description composing: the recipient sees "typing…" */
                state: 'composing' | 'paused';
                /** Format: date-time */
                at: string;
              }[];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sandbox/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The simulated recipients' inboxes, newest first */
    get: {
      parameters: {
        query?: {
          to?: string;
          deviceId?: string;
          limit?: number;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                deviceId: string;
                from: string;
                to: string;
                text: string;
                /** Format: date-time */
                at: string;
                status: string;
                media?: {
                  /** @description image, video, audio, voice or document */
                  type: string;
                  mime: string;
                  size: number;
                  /** @description Of the bytes the recipient received */
                  sha256: string;
                  filename?: string;
                  voice?: boolean;
                };
              }[];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sandbox/inbound': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Simulate a customer writing to the line */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            deviceId: string;
            from: string;
            /** @description The text, or a caption */
            text?: string;
            media?: {
              type: 'image' | 'document';
              /** @description The file, base64 (up to 512 KB) */
              data: string;
              filename?: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              waMessageId: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The recipient opted out (RECIPIENT_OPTED_OUT) */
        422: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/media': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload a file to send later (multipart, streamed to storage) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      /** @description multipart/form-data: an optional `type` field (before the file), then the `file` part (required). The type of the content is detected from its bytes; its name must not contradict it. */
      requestBody: {
        content: {
          'multipart/form-data': {
            type?: 'image' | 'video' | 'audio' | 'document';
            /** Format: binary */
            file?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              type: 'image' | 'video' | 'audio' | 'document' | 'sticker';
              /** @description Detected from the content, not from the name */
              mime: string;
              /** @description Bytes */
              size: number;
              sha256: string | null;
              filename: string | null;
              /** @description Download path (GET, with the API key) */
              url: string;
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The recipient opted out (RECIPIENT_OPTED_OUT) */
        422: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/media/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a file */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file, with its detected content type (a file a customer sent keeps the type WhatsApp gave it) */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'image/jpeg': string;
            'image/png': string;
            'image/webp': string;
            'video/mp4': string;
            'video/3gpp': string;
            'audio/mp4': string;
            'audio/ogg': string;
            'audio/mpeg': string;
            'audio/aac': string;
            'application/pdf': string;
            'application/zip': string;
            'application/octet-stream': string;
            '*/*': string;
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a file (messages that carried it keep its metadata) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/media/{id}/info': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A file's metadata */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              type: 'image' | 'video' | 'audio' | 'document' | 'sticker';
              /** @description Detected from the content, not from the name */
              mime: string;
              /** @description Bytes */
              size: number;
              sha256: string | null;
              filename: string | null;
              /** @description Download path (GET, with the API key) */
              url: string;
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The message log, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          status?:
            | 'queued'
            | 'sending'
            | 'sent'
            | 'delivered'
            | 'read'
            | 'failed'
            | 'expired'
            | 'canceled'
            | 'received';
          /** @description The customer number (recipient or sender): a whole number matches exactly, part of one matches too (`+4915` from the start, `5557` anywhere; 3 digits at least) */
          to?: string;
          deviceId?: string;
          direction?: 'in' | 'out';
          source?: 'api' | 'dashboard' | 'verification' | 'auto_reply' | 'inbound';
          /** @description Text anywhere in the body or caption, case-insensitive. One-time codes are never found: the log holds them masked. */
          q?: string;
          since?: string;
          /** @description Exclusive */
          until?: string;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Message'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    /** Send a text or template message (accepted and queued) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
          /** @description Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency") */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            deviceId?: string;
            /** @description E.164, like +15551234567 */
            to: string;
            type: 'text' | 'template' | 'image' | 'video' | 'audio' | 'document';
            text?: {
              body: string;
            };
            template?: {
              id?: string;
              name?: string;
              variables?: {
                [key: string]: string | number | boolean;
              };
            };
            /** @description For image, video, audio and document: id or url */
            media?: {
              /** @description An uploaded file */
              id?: string;
              /** @description A file the server fetches (public http(s) only) */
              url?: string;
            };
            /** @description image, video, document */
            caption?: string;
            /** @description document */
            filename?: string;
            /** @description audio: send as a voice note */
            voice?: boolean;
            priority?: 'low' | 'normal' | 'high';
            ttlSeconds?: number;
            /** Format: date-time */
            expiresAt?: string;
            queueIfDisconnected?: boolean;
            /** @description Up to 50 keys of 1–100 characters; at most 16384 bytes as JSON */
            metadata?: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            /** @description Present when this is a replay */
            'Idempotent-Replayed'?: 'true';
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              deviceId: string | null;
              direction: 'out' | 'in';
              to: string | null;
              from: string | null;
              type:
                | 'text'
                | 'template'
                | 'image'
                | 'video'
                | 'audio'
                | 'document'
                | 'sticker'
                | 'location'
                | 'contacts'
                | 'poll'
                | 'reaction'
                | 'unsupported';
              body: string | null;
              media?: {
                id: string;
                type: 'image' | 'video' | 'audio' | 'document' | 'sticker';
                mime: string;
                size: number;
                sha256: string | null;
                filename: string | null;
                caption: string | null;
                /** @description Audio sent or received as a voice note */
                voice: boolean;
                /** @description Download path; 404 once the file is deleted (retention, erasure) */
                url: string;
              } | null;
              templateId: string | null;
              status:
                | 'queued'
                | 'sending'
                | 'sent'
                | 'delivered'
                | 'read'
                | 'failed'
                | 'expired'
                | 'canceled'
                | 'received';
              error: {
                code: string;
                message: string | null;
              } | null;
              priority: 'low' | 'normal' | 'high';
              /** @description api, dashboard, verification, auto_reply or inbound */
              source: string;
              metadata: {
                [key: string]: unknown;
              } | null;
              expiresAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              timeline?: {
                status: string;
                /** Format: date-time */
                at: string;
                errorCode: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The recipient opted out (RECIPIENT_OPTED_OUT) */
        422: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A message with its status timeline */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              deviceId: string | null;
              direction: 'out' | 'in';
              to: string | null;
              from: string | null;
              type:
                | 'text'
                | 'template'
                | 'image'
                | 'video'
                | 'audio'
                | 'document'
                | 'sticker'
                | 'location'
                | 'contacts'
                | 'poll'
                | 'reaction'
                | 'unsupported';
              body: string | null;
              media?: {
                id: string;
                type: 'image' | 'video' | 'audio' | 'document' | 'sticker';
                mime: string;
                size: number;
                sha256: string | null;
                filename: string | null;
                caption: string | null;
                /** @description Audio sent or received as a voice note */
                voice: boolean;
                /** @description Download path; 404 once the file is deleted (retention, erasure) */
                url: string;
              } | null;
              templateId: string | null;
              status:
                | 'queued'
                | 'sending'
                | 'sent'
                | 'delivered'
                | 'read'
                | 'failed'
                | 'expired'
                | 'canceled'
                | 'received';
              error: {
                code: string;
                message: string | null;
              } | null;
              priority: 'low' | 'normal' | 'high';
              /** @description api, dashboard, verification, auto_reply or inbound */
              source: string;
              metadata: {
                [key: string]: unknown;
              } | null;
              expiresAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              timeline?: {
                status: string;
                /** Format: date-time */
                at: string;
                errorCode: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a queued message */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              deviceId: string | null;
              direction: 'out' | 'in';
              to: string | null;
              from: string | null;
              type:
                | 'text'
                | 'template'
                | 'image'
                | 'video'
                | 'audio'
                | 'document'
                | 'sticker'
                | 'location'
                | 'contacts'
                | 'poll'
                | 'reaction'
                | 'unsupported';
              body: string | null;
              media?: {
                id: string;
                type: 'image' | 'video' | 'audio' | 'document' | 'sticker';
                mime: string;
                size: number;
                sha256: string | null;
                filename: string | null;
                caption: string | null;
                /** @description Audio sent or received as a voice note */
                voice: boolean;
                /** @description Download path; 404 once the file is deleted (retention, erasure) */
                url: string;
              } | null;
              templateId: string | null;
              status:
                | 'queued'
                | 'sending'
                | 'sent'
                | 'delivered'
                | 'read'
                | 'failed'
                | 'expired'
                | 'canceled'
                | 'received';
              error: {
                code: string;
                message: string | null;
              } | null;
              priority: 'low' | 'normal' | 'high';
              /** @description api, dashboard, verification, auto_reply or inbound */
              source: string;
              metadata: {
                [key: string]: unknown;
              } | null;
              expiresAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              timeline?: {
                status: string;
                /** Format: date-time */
                at: string;
                errorCode: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages/count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many messages match the log filters */
    get: {
      parameters: {
        query?: {
          status?:
            | 'queued'
            | 'sending'
            | 'sent'
            | 'delivered'
            | 'read'
            | 'failed'
            | 'expired'
            | 'canceled'
            | 'received';
          /** @description The customer number (recipient or sender): a whole number matches exactly, part of one matches too (`+4915` from the start, `5557` anywhere; 3 digits at least) */
          to?: string;
          deviceId?: string;
          direction?: 'in' | 'out';
          source?: 'api' | 'dashboard' | 'verification' | 'auto_reply' | 'inbound';
          /** @description Text anywhere in the body or caption, case-insensitive. One-time codes are never found: the log holds them masked. */
          q?: string;
          since?: string;
          /** @description Exclusive */
          until?: string;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Exact up to 10000 */
              total: number;
              /** @description True when more than 10000 match: total is then 10000 */
              capped: boolean;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages/export.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The messages matching the log filters as CSV, newest first (streamed) */
    get: {
      parameters: {
        query?: {
          status?:
            | 'queued'
            | 'sending'
            | 'sent'
            | 'delivered'
            | 'read'
            | 'failed'
            | 'expired'
            | 'canceled'
            | 'received';
          /** @description The customer number (recipient or sender): a whole number matches exactly, part of one matches too (`+4915` from the start, `5557` anywhere; 3 digits at least) */
          to?: string;
          deviceId?: string;
          direction?: 'in' | 'out';
          source?: 'api' | 'dashboard' | 'verification' | 'auto_reply' | 'inbound';
          /** @description Text anywhere in the body or caption, case-insensitive. One-time codes are never found: the log holds them masked. */
          q?: string;
          since?: string;
          /** @description Exclusive */
          until?: string;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One line per message, with a header line */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel queued messages, by id or by the log filters */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
          /** @description Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency") */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description 1–100 message ids */
            ids?: string[];
            /** @description The log's filters (status is always queued); cancels up to 500 per request, oldest first */
            filter?: {
              /** @description The customer number (recipient or sender): a whole number matches exactly, part of one matches too (`+4915` from the start, `5557` anywhere; 3 digits at least) */
              to?: string;
              deviceId?: string;
              direction?: 'in' | 'out';
              source?: 'api' | 'dashboard' | 'verification' | 'auto_reply' | 'inbound';
              /** @description Text anywhere in the body or caption, case-insensitive. One-time codes are never found: the log holds them masked. */
              q?: string;
              /** Format: date-time */
              since?: string;
              /**
               * Format: date-time
               * @description Exclusive
               */
              until?: string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            /** @description Present when this is a replay */
            'Idempotent-Replayed'?: 'true';
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              canceled: string[];
              /** @description Messages left alone, each with why */
              skipped: {
                id: string;
                status:
                  | (
                      | 'queued'
                      | 'sending'
                      | 'sent'
                      | 'delivered'
                      | 'read'
                      | 'failed'
                      | 'expired'
                      | 'canceled'
                      | 'received'
                    )
                  | null;
                /** @description NOT_FOUND, NOT_QUEUED, NOT_FAILED, ONE_TIME_CODE, BODY_ERASED, or the error code of a send refused now */
                reason: string;
                message: string;
              }[];
              /** @description The filter matches more queued messages: send it again */
              more: boolean;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send failed messages again, each as a new message */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
          /** @description Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency") */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description 1–100 message ids */
            ids: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            /** @description Present when this is a replay */
            'Idempotent-Replayed'?: 'true';
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              retried: {
                /** @description The failed message */
                id: string;
                /** @description The new message, queued */
                messageId: string;
              }[];
              /** @description Messages left alone, each with why */
              skipped: {
                id: string;
                status:
                  | (
                      | 'queued'
                      | 'sending'
                      | 'sent'
                      | 'delivered'
                      | 'read'
                      | 'failed'
                      | 'expired'
                      | 'canceled'
                      | 'received'
                    )
                  | null;
                /** @description NOT_FOUND, NOT_QUEUED, NOT_FAILED, ONE_TIME_CODE, BODY_ERASED, or the error code of a send refused now */
                reason: string;
                message: string;
              }[];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List templates */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Template'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    /** Create a template; {{name}} marks a variable */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
          /** @description Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency") */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            body: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            /** @description Present when this is a replay */
            'Idempotent-Replayed'?: 'true';
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              body: string;
              /** @description The {{variables}} found in the body */
              variables: string[];
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/templates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a template */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              body: string;
              /** @description The {{variables}} found in the body */
              variables: string[];
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a template */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a template */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            body?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              body: string;
              /** @description The {{variables}} found in the body */
              variables: string[];
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/contacts/check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Is this number on WhatsApp? */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            phone: string;
            deviceId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              phone: string;
              onWhatsApp: boolean;
              jid: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Contacts, by phone number */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          optedOut?: boolean;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Contact'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{phone}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A contact */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          /** @description E.164, URL-encoded (%2B for +) */
          phone: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description E.164 */
              phone: string;
              jid: string | null;
              displayName: string | null;
              onWhatsApp: boolean | null;
              firstInboundAt: string | null;
              lastInboundAt: string | null;
              optedOut: boolean;
              optedOutAt: string | null;
              notes: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Forget a contact: deletes it, erases the bodies of its messages and deletes its conversations */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          /** @description E.164, URL-encoded (%2B for +) */
          phone: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              phone: string;
              /** @enum {boolean} */
              deleted: true;
              /** @description Messages whose body was erased now */
              messagesErased: number;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Name, notes or opt-out state of a contact (created if new, e.g. to opt a number out) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          /** @description E.164, URL-encoded (%2B for +) */
          phone: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            displayName?: null | string;
            notes?: null | string;
            optedOut?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description E.164 */
              phone: string;
              jid: string | null;
              displayName: string | null;
              onWhatsApp: boolean | null;
              firstInboundAt: string | null;
              lastInboundAt: string | null;
              optedOut: boolean;
              optedOutAt: string | null;
              notes: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/auto-replies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Auto-reply rules in the order they are tried (priority, then oldest) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          deviceId?: string;
          enabled?: boolean;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['AutoReplyRule'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    /** Create an auto-reply rule */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
          /** @description Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency") */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            deviceId?: null | string;
            /** @description Lower is tried first (default 100) */
            priority?: number;
            match: {
              type: 'exact' | 'contains' | 'regex' | 'any';
              /** @description Not used with type "any" */
              pattern?: string;
            };
            /** @description Text with {{contact.name}}, {{contact.phone}}, {{device.name}}, {{device.phone}} */
            reply: string;
            /** @description Do not repeat this rule to one contact within this many minutes (default 0) */
            cooldownMinutes?: number;
            businessHours?: null | {
              /** @description IANA time zone, like Europe/Berlin */
              timeZone: string;
              /** @description 1 = Monday … 7 = Sunday */
              days: number[];
              /** @description Local opening time, HH:MM */
              start: string;
              /** @description Local closing time, HH:MM (before start = overnight) */
              end: string;
              /** @description Sent outside the hours instead */
              awayReply?: string;
            };
            /** @description Only answer a contact's first message ever (default false) */
            welcome?: boolean;
            /** @description Default true */
            enabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            /** @description Present when this is a replay */
            'Idempotent-Replayed'?: 'true';
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              deviceId: string | null;
              priority: number;
              match: {
                type: 'exact' | 'contains' | 'regex' | 'any';
                pattern: string | null;
              };
              reply: string;
              cooldownMinutes: number;
              businessHours: {
                /** @description IANA time zone, like Europe/Berlin */
                timeZone: string;
                /** @description 1 = Monday … 7 = Sunday */
                days: number[];
                /** @description Local opening time, HH:MM */
                start: string;
                /** @description Local closing time, HH:MM (before start = overnight) */
                end: string;
                /** @description Sent outside the hours instead */
                awayReply?: string;
              } | null;
              welcome: boolean;
              enabled: boolean;
              preset: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auto-replies/presets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Ready-made rules, like the one for an OTP-only line */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                name: string;
                description: string;
                rule: {
                  name: string;
                  priority: number;
                  match: {
                    type: string;
                    pattern?: string;
                  };
                  reply: string;
                  cooldownMinutes: number;
                  welcome: boolean;
                  enabled: boolean;
                };
              }[];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auto-replies/presets/{presetId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a rule from a preset, for one device or the whole workspace */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
          /** @description Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency") */
          'idempotency-key'?: string;
        };
        path: {
          presetId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            deviceId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            /** @description Present when this is a replay */
            'Idempotent-Replayed'?: 'true';
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              deviceId: string | null;
              priority: number;
              match: {
                type: 'exact' | 'contains' | 'regex' | 'any';
                pattern: string | null;
              };
              reply: string;
              cooldownMinutes: number;
              businessHours: {
                /** @description IANA time zone, like Europe/Berlin */
                timeZone: string;
                /** @description 1 = Monday … 7 = Sunday */
                days: number[];
                /** @description Local opening time, HH:MM */
                start: string;
                /** @description Local closing time, HH:MM (before start = overnight) */
                end: string;
                /** @description Sent outside the hours instead */
                awayReply?: string;
              } | null;
              welcome: boolean;
              enabled: boolean;
              preset: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auto-replies/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a rule */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              deviceId: string | null;
              priority: number;
              match: {
                type: 'exact' | 'contains' | 'regex' | 'any';
                pattern: string | null;
              };
              reply: string;
              cooldownMinutes: number;
              businessHours: {
                /** @description IANA time zone, like Europe/Berlin */
                timeZone: string;
                /** @description 1 = Monday … 7 = Sunday */
                days: number[];
                /** @description Local opening time, HH:MM */
                start: string;
                /** @description Local closing time, HH:MM (before start = overnight) */
                end: string;
                /** @description Sent outside the hours instead */
                awayReply?: string;
              } | null;
              welcome: boolean;
              enabled: boolean;
              preset: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a rule */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a rule (match and businessHours are replaced whole; null clears) */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name?: string;
            deviceId?: null | string;
            /** @description Lower is tried first (default 100) */
            priority?: number;
            match?: {
              type: 'exact' | 'contains' | 'regex' | 'any';
              /** @description Not used with type "any" */
              pattern?: string;
            };
            /** @description Text with {{contact.name}}, {{contact.phone}}, {{device.name}}, {{device.phone}} */
            reply?: string;
            /** @description Do not repeat this rule to one contact within this many minutes (default 0) */
            cooldownMinutes?: number;
            businessHours?: null | {
              /** @description IANA time zone, like Europe/Berlin */
              timeZone: string;
              /** @description 1 = Monday … 7 = Sunday */
              days: number[];
              /** @description Local opening time, HH:MM */
              start: string;
              /** @description Local closing time, HH:MM (before start = overnight) */
              end: string;
              /** @description Sent outside the hours instead */
              awayReply?: string;
            };
            /** @description Only answer a contact's first message ever (default false) */
            welcome?: boolean;
            /** @description Default true */
            enabled?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              name: string;
              deviceId: string | null;
              priority: number;
              match: {
                type: 'exact' | 'contains' | 'regex' | 'any';
                pattern: string | null;
              };
              reply: string;
              cooldownMinutes: number;
              businessHours: {
                /** @description IANA time zone, like Europe/Berlin */
                timeZone: string;
                /** @description 1 = Monday … 7 = Sunday */
                days: number[];
                /** @description Local opening time, HH:MM */
                start: string;
                /** @description Local closing time, HH:MM (before start = overnight) */
                end: string;
                /** @description Sent outside the hours instead */
                awayReply?: string;
              } | null;
              welcome: boolean;
              enabled: boolean;
              preset: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/verifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Verifications, newest first (codes never included) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          to?: string;
          status?: 'pending' | 'approved' | 'canceled' | 'expired' | 'max_attempts_reached' | 'failed';
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Verification'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    /** Send a one-time code (WhatsApp first, then the fallback channels) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
          /** @description Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency") */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description E.164, like +15551234567 */
            to: string;
            /** @description Tried in order; default ["whatsapp"] */
            channels?: ('whatsapp' | 'sms' | 'email')[];
            /** Format: email */
            email?: string;
            deviceId?: string;
            templateId?: string;
            templateName?: string;
            locale?: 'en' | 'es' | 'pt' | 'fr' | 'de' | 'id' | 'hi';
            codeLength?: number;
            ttlSeconds?: number;
            /** @description Fall back when WhatsApp has not delivered by then */
            channelTimeoutSeconds?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            /** @description Present when this is a replay */
            'Idempotent-Replayed'?: 'true';
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description E.164 */
              to: string;
              email: string | null;
              status: 'pending' | 'approved' | 'canceled' | 'expired' | 'max_attempts_reached' | 'failed';
              channel: ('whatsapp' | 'sms' | 'email') | null;
              channels: ('whatsapp' | 'sms' | 'email')[];
              locale: string;
              codeLength: number;
              /** @description Checks left (5 in all) */
              remainingAttempts: number;
              sendAttempts: {
                channel: 'whatsapp' | 'sms' | 'email';
                /** @description pending: WhatsApp message out, not yet delivered; sent: accepted by the SMS or email provider; skipped: channel not configured */
                status: 'pending' | 'delivered' | 'sent' | 'failed' | 'timed_out' | 'skipped' | 'canceled';
                /** @description The WhatsApp message in the message log (code masked there) */
                messageId?: string;
                providerMessageId?: string;
                /**
                 * @example SESSION_DISCONNECTED
                 * @example RECIPIENT_NOT_ON_WHATSAPP
                 */
                reason?: string;
                detail?: string;
                /** Format: date-time */
                at: string;
              }[];
              deviceId: string | null;
              templateId: string | null;
              failureReason: string | null;
              /** Format: date-time */
              expiresAt: string;
              approvedAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/verifications/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A verification */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description E.164 */
              to: string;
              email: string | null;
              status: 'pending' | 'approved' | 'canceled' | 'expired' | 'max_attempts_reached' | 'failed';
              channel: ('whatsapp' | 'sms' | 'email') | null;
              channels: ('whatsapp' | 'sms' | 'email')[];
              locale: string;
              codeLength: number;
              /** @description Checks left (5 in all) */
              remainingAttempts: number;
              sendAttempts: {
                channel: 'whatsapp' | 'sms' | 'email';
                /** @description pending: WhatsApp message out, not yet delivered; sent: accepted by the SMS or email provider; skipped: channel not configured */
                status: 'pending' | 'delivered' | 'sent' | 'failed' | 'timed_out' | 'skipped' | 'canceled';
                /** @description The WhatsApp message in the message log (code masked there) */
                messageId?: string;
                providerMessageId?: string;
                /**
                 * @example SESSION_DISCONNECTED
                 * @example RECIPIENT_NOT_ON_WHATSAPP
                 */
                reason?: string;
                detail?: string;
                /** Format: date-time */
                at: string;
              }[];
              deviceId: string | null;
              templateId: string | null;
              failureReason: string | null;
              /** Format: date-time */
              expiresAt: string;
              approvedAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/verifications/check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check a code against the number's latest pending verification */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description E.164, like +15551234567 */
            to: string;
            /** @description The digits the user typed */
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              status: 'pending' | 'approved' | 'canceled' | 'expired' | 'max_attempts_reached' | 'failed';
              remainingAttempts: number;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/verifications/{id}/check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check a code */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The digits the user typed */
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              status: 'pending' | 'approved' | 'canceled' | 'expired' | 'max_attempts_reached' | 'failed';
              remainingAttempts: number;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/verifications/{id}/resend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send the same code again (from the given channel, or from the first) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
          /** @description Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency") */
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            channel?: 'whatsapp' | 'sms' | 'email';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            /** @description Present when this is a replay */
            'Idempotent-Replayed'?: 'true';
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description E.164 */
              to: string;
              email: string | null;
              status: 'pending' | 'approved' | 'canceled' | 'expired' | 'max_attempts_reached' | 'failed';
              channel: ('whatsapp' | 'sms' | 'email') | null;
              channels: ('whatsapp' | 'sms' | 'email')[];
              locale: string;
              codeLength: number;
              /** @description Checks left (5 in all) */
              remainingAttempts: number;
              sendAttempts: {
                channel: 'whatsapp' | 'sms' | 'email';
                /** @description pending: WhatsApp message out, not yet delivered; sent: accepted by the SMS or email provider; skipped: channel not configured */
                status: 'pending' | 'delivered' | 'sent' | 'failed' | 'timed_out' | 'skipped' | 'canceled';
                /** @description The WhatsApp message in the message log (code masked there) */
                messageId?: string;
                providerMessageId?: string;
                /**
                 * @example SESSION_DISCONNECTED
                 * @example RECIPIENT_NOT_ON_WHATSAPP
                 */
                reason?: string;
                detail?: string;
                /** Format: date-time */
                at: string;
              }[];
              deviceId: string | null;
              templateId: string | null;
              failureReason: string | null;
              /** Format: date-time */
              expiresAt: string;
              approvedAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/verifications/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a pending verification */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description E.164 */
              to: string;
              email: string | null;
              status: 'pending' | 'approved' | 'canceled' | 'expired' | 'max_attempts_reached' | 'failed';
              channel: ('whatsapp' | 'sms' | 'email') | null;
              channels: ('whatsapp' | 'sms' | 'email')[];
              locale: string;
              codeLength: number;
              /** @description Checks left (5 in all) */
              remainingAttempts: number;
              sendAttempts: {
                channel: 'whatsapp' | 'sms' | 'email';
                /** @description pending: WhatsApp message out, not yet delivered; sent: accepted by the SMS or email provider; skipped: channel not configured */
                status: 'pending' | 'delivered' | 'sent' | 'failed' | 'timed_out' | 'skipped' | 'canceled';
                /** @description The WhatsApp message in the message log (code masked there) */
                messageId?: string;
                providerMessageId?: string;
                /**
                 * @example SESSION_DISCONNECTED
                 * @example RECIPIENT_NOT_ON_WHATSAPP
                 */
                reason?: string;
                detail?: string;
                /** Format: date-time */
                at: string;
              }[];
              deviceId: string | null;
              templateId: string | null;
              failureReason: string | null;
              /** Format: date-time */
              expiresAt: string;
              approvedAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/verifications/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Counts by status and channel, and the conversion rate, of the codes created in a window */
    get: {
      parameters: {
        query?: {
          /** @description Default: 7 days before `until` */
          since?: string;
          /** @description Default: now */
          until?: string;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: date-time */
              since: string;
              /** Format: date-time */
              until: string;
              total: number;
              byStatus: {
                pending: number;
                approved: number;
                canceled: number;
                expired: number;
                max_attempts_reached: number;
                failed: number;
              };
              conversionRate: number | null;
              channels: {
                channel: 'whatsapp' | 'sms' | 'email';
                attempts: number;
                delivered: number;
                failed: number;
                approved: number;
              }[];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The team inbox: conversations, newest activity first, with counts per status
     * @description Counts per status (under the same filters, status aside) come with the first page only; later pages answer `counts: null`.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          status?: 'open' | 'pending' | 'resolved';
          /** @description `me` (the signed-in member), `none` (unassigned) or a user id */
          assignee?: string;
          deviceId?: string;
          tag?: string;
          /** @description Text in the customer's name or number, or in a message of the thread */
          q?: string;
          /** @description Only conversations with unread customer messages */
          unread?: boolean;
          /** @description Also list threads holding only verification codes (left out by default) */
          includeOtpOnly?: boolean;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Conversation'][];
              nextCursor: string | null;
              counts: {
                open: number;
                pending: number;
                resolved: number;
              } | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A conversation */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description The line (device) the customer writes to */
              deviceId: string;
              /** @description The customer, E.164 */
              phone: string;
              contactName: string | null;
              status: 'open' | 'pending' | 'resolved';
              assigneeId: string | null;
              /** @description Customer messages the team has not read */
              unreadCount: number;
              /** @description Every message so far is a verification code */
              otpOnly: boolean;
              tags: string[];
              lastMessage: {
                id: string | null;
                /** Format: date-time */
                at: string;
                direction: 'in' | 'out';
                preview: string | null;
              } | null;
              lastInboundAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change the status, the assignee or the tags
     * @description Agents may assign a conversation to themselves only (or unassign their own).
     */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            status?: 'open' | 'pending' | 'resolved';
            assigneeId?: string | null;
            tags?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description The line (device) the customer writes to */
              deviceId: string;
              /** @description The customer, E.164 */
              phone: string;
              contactName: string | null;
              status: 'open' | 'pending' | 'resolved';
              assigneeId: string | null;
              /** @description Customer messages the team has not read */
              unreadCount: number;
              /** @description Every message so far is a verification code */
              otpOnly: boolean;
              tags: string[];
              lastMessage: {
                id: string | null;
                /** Format: date-time */
                at: string;
                direction: 'in' | 'out';
                preview: string | null;
              } | null;
              lastInboundAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/conversations/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The conversation's messages, both directions, oldest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Message'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    /** Reply to the customer on the conversation's line (accepted and queued) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
          /** @description Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency") */
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            type: 'text' | 'template' | 'image' | 'video' | 'audio' | 'document';
            text?: {
              body: string;
            };
            template?: {
              id?: string;
              name?: string;
              variables?: {
                [key: string]: string | number | boolean;
              };
            };
            /** @description For image, video, audio and document: id or url */
            media?: {
              /** @description An uploaded file */
              id?: string;
              /** @description A file the server fetches (public http(s) only) */
              url?: string;
            };
            /** @description image, video, document */
            caption?: string;
            /** @description document */
            filename?: string;
            /** @description audio: send as a voice note */
            voice?: boolean;
            queueIfDisconnected?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            /** @description Present when this is a replay */
            'Idempotent-Replayed'?: 'true';
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              deviceId: string | null;
              direction: 'out' | 'in';
              to: string | null;
              from: string | null;
              type:
                | 'text'
                | 'template'
                | 'image'
                | 'video'
                | 'audio'
                | 'document'
                | 'sticker'
                | 'location'
                | 'contacts'
                | 'poll'
                | 'reaction'
                | 'unsupported';
              body: string | null;
              media?: {
                id: string;
                type: 'image' | 'video' | 'audio' | 'document' | 'sticker';
                mime: string;
                size: number;
                sha256: string | null;
                filename: string | null;
                caption: string | null;
                /** @description Audio sent or received as a voice note */
                voice: boolean;
                /** @description Download path; 404 once the file is deleted (retention, erasure) */
                url: string;
              } | null;
              templateId: string | null;
              status:
                | 'queued'
                | 'sending'
                | 'sent'
                | 'delivered'
                | 'read'
                | 'failed'
                | 'expired'
                | 'canceled'
                | 'received';
              error: {
                code: string;
                message: string | null;
              } | null;
              priority: 'low' | 'normal' | 'high';
              /** @description api, dashboard, verification, auto_reply or inbound */
              source: string;
              metadata: {
                [key: string]: unknown;
              } | null;
              expiresAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              timeline?: {
                status: string;
                /** Format: date-time */
                at: string;
                errorCode: string | null;
              }[];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The recipient opted out (RECIPIENT_OPTED_OUT) */
        422: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/typing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Show the customer "typing…" while a member writes a reply, or stop
     * @description Only when the conversation's line has its presence option on (`pacing.presence`) and is connected; otherwise nothing is sent and `reason` says why. Updates closer than 3 s are taken as one, and "typing…" ends by itself 10 s after the last one.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description true while the member types, false once they stop */
            typing: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Whether the customer sees "typing…" now */
              shown: boolean;
              /** @description Why nothing was sent to WhatsApp; null when the update was sent */
              reason: 'PRESENCE_OFF' | 'NOT_CONNECTED' | 'ALREADY_SHOWN' | 'NOT_SHOWN' | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark the conversation read (its unread count back to zero) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              /** @description The line (device) the customer writes to */
              deviceId: string;
              /** @description The customer, E.164 */
              phone: string;
              contactName: string | null;
              status: 'open' | 'pending' | 'resolved';
              assigneeId: string | null;
              /** @description Customer messages the team has not read */
              unreadCount: number;
              /** @description Every message so far is a verification code */
              otpOnly: boolean;
              tags: string[];
              lastMessage: {
                id: string | null;
                /** Format: date-time */
                at: string;
                direction: 'in' | 'out';
                preview: string | null;
              } | null;
              lastInboundAt: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/conversations/{id}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The team's internal notes on the conversation, oldest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['ConversationNote'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    /** Add an internal note (never sent to WhatsApp) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            body: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: string;
              conversationId: string;
              /** @description A user id, or the API key id for notes written through the API */
              authorId: string;
              authorName: string | null;
              body: string | null;
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/state': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is signed in to the dashboard, and whether setup is still needed */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description No user exists yet: POST /auth/setup creates the owner */
              needsSetup: boolean;
              user: {
                id: string;
                email: string;
                name: string | null;
              } | null;
              workspace: {
                id: string;
                name: string;
                plan: string;
              } | null;
              role: ('owner' | 'admin' | 'agent' | 'viewer') | null;
              csrfToken: string | null;
              pendingStep: ('two_factor_code' | 'two_factor_enrolment') | null;
              settings: {
                /** @description Show a browser notification for a new customer message in a conversation assigned to me or to nobody */
                inboxNotifications: boolean;
              } | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** First start: create the owner of the default workspace and sign in */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            password: string;
            name?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description No user exists yet: POST /auth/setup creates the owner */
              needsSetup: boolean;
              user: {
                id: string;
                email: string;
                name: string | null;
              } | null;
              workspace: {
                id: string;
                name: string;
                plan: string;
              } | null;
              role: ('owner' | 'admin' | 'agent' | 'viewer') | null;
              csrfToken: string | null;
              pendingStep: ('two_factor_code' | 'two_factor_enrolment') | null;
              settings: {
                /** @description Show a browser notification for a new customer message in a conversation assigned to me or to nobody */
                inboxNotifications: boolean;
              } | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with email and password (sets the session cookie, or the sign-in step cookie when a code is due)
     * @description Five attempts per email and address in 15 minutes (and more generous limits per email and per address), counted before the password is checked; then 429 with Retry-After. With two-factor on, the answer has `pendingStep` set and no session yet.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description No user exists yet: POST /auth/setup creates the owner */
              needsSetup: boolean;
              user: {
                id: string;
                email: string;
                name: string | null;
              } | null;
              workspace: {
                id: string;
                name: string;
                plan: string;
              } | null;
              role: ('owner' | 'admin' | 'agent' | 'viewer') | null;
              csrfToken: string | null;
              pendingStep: ('two_factor_code' | 'two_factor_enrolment') | null;
              settings: {
                /** @description Show a browser notification for a new customer message in a conversation assigned to me or to nobody */
                inboxNotifications: boolean;
              } | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out: ends the session and clears the cookie */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change your password; your other sessions are signed out */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string;
            newPassword: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/two-factor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether two-factor sign-in is on for you, and how many recovery codes are left */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              enabled: boolean;
              enabledAt: string | null;
              recoveryCodesLeft: number;
              requiredByWorkspace: boolean;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/two-factor/enrol': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start enrolling an authenticator app: a new secret and its QR code
     * @description Nothing changes until POST /auth/two-factor/confirm checks a code from the app.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Base32, for typing into an app that cannot scan */
              secret: string;
              /** @description The otpauth:// URI the QR code holds */
              uri: string;
              /** @description The URI as a PNG QR code, a data: URL */
              qrCode: string;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/two-factor/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Turn two-factor on with a code from the app; answers the recovery codes once
     * @description During sign-in (a workspace that requires two-factor) this also completes the sign-in: `state` is the signed-in state and the session cookie is set.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The 6-digit code from the app, or one of the recovery codes */
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Shown once: each signs in once in place of a code */
              recoveryCodes: string[];
              state: components['schemas']['AuthState'] | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/two-factor/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Second sign-in step: the code from the app (or a recovery code); sets the session cookie
     * @description Counted by the same throttle as the password: five tries per email and address in 15 minutes.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The 6-digit code from the app, or one of the recovery codes */
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description No user exists yet: POST /auth/setup creates the owner */
              needsSetup: boolean;
              user: {
                id: string;
                email: string;
                name: string | null;
              } | null;
              workspace: {
                id: string;
                name: string;
                plan: string;
              } | null;
              role: ('owner' | 'admin' | 'agent' | 'viewer') | null;
              csrfToken: string | null;
              pendingStep: ('two_factor_code' | 'two_factor_enrolment') | null;
              settings: {
                /** @description Show a browser notification for a new customer message in a conversation assigned to me or to nobody */
                inboxNotifications: boolean;
              } | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/two-factor/recovery-codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** New recovery codes (the old ones stop working); needs a current code */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The 6-digit code from the app, or one of the recovery codes */
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Shown once: each signs in once in place of a code */
              recoveryCodes: string[];
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/two-factor/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn two-factor off: needs your password and a current code */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
            /** @description The 6-digit code from the app, or one of the recovery codes */
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change your own preferences (only the fields sent); answers with all of them */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Show a browser notification for a new customer message in a conversation assigned to me or to nobody */
            inboxNotifications?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Show a browser notification for a new customer message in a conversation assigned to me or to nobody */
              inboxNotifications: boolean;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/team': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Dashboard users of this workspace and their roles, oldest member first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['TeamMember'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    /** Add a dashboard user to this workspace */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
          /** @description Makes a retry safe: the same key and body within 24 h replay the first answer (see docs/api.md "Idempotency") */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            password: string;
            role: 'owner' | 'admin' | 'agent' | 'viewer';
            name?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            /** @description Present when this is a replay */
            'Idempotent-Replayed'?: 'true';
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The user id */
              id: string;
              email: string;
              name: string | null;
              role: 'owner' | 'admin' | 'agent' | 'viewer';
              /** Format: date-time */
              joinedAt: string;
              lastSeenAt: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/team/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a member from this workspace (their sessions end) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a member's role */
    patch: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            role: 'owner' | 'admin' | 'agent' | 'viewer';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The user id */
              id: string;
              email: string;
              name: string | null;
              role: 'owner' | 'admin' | 'agent' | 'viewer';
              /** Format: date-time */
              joinedAt: string;
              lastSeenAt: string | null;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Conflict (IDEMPOTENCY_CONFLICT, IDEMPOTENCY_IN_PROGRESS, SESSION_DISCONNECTED, CONFLICT) */
        409: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/team/{userId}/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reset a member's password (their sessions end); not your own: change that in Settings */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description No such resource in this workspace (NOT_FOUND) */
        404: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The body did not arrive within the deadline (REQUEST_TIMEOUT) */
        408: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body too large (PAYLOAD_TOO_LARGE) */
        413: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description A path parameter is longer than any id (URI_TOO_LONG) */
        414: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE) */
        415: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/dashboard/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Server-Sent Events for the dashboard: `message` (a message view), `device` (a device view) and `conversation` (`kind` and a conversation view) */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Server-Sent Events */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': string;
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/dashboard/capabilities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What this server is configured for: verification channels and alert emails */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description Your id for this request, echoed back and logged; one is made when absent or malformed */
          'x-request-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channels: {
                whatsapp: boolean;
                /** @description An SMS provider is configured (WAPING_SMS_PROVIDER, Twilio or webhook) */
                sms: boolean;
                /** @description An SMTP server is configured (WAPING_SMTP_URL) */
                email: boolean;
              };
              /** @description Alert emails can go out (WAPING_SMTP_URL is set) */
              alertEmails: boolean;
            };
          };
        };
        /** @description Invalid input (VALIDATION_ERROR) */
        400: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Missing, malformed, unknown or revoked API key (UNAUTHORIZED) */
        401: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description The plan or the key scope does not allow this (FORBIDDEN) */
        403: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Rate limit or monthly quota reached (RATE_LIMITED, QUOTA_EXCEEDED) */
        429: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Unexpected failure (SERVER_ERROR) */
        500: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
        /** @description Not ready, or shutting down (SERVICE_UNAVAILABLE) */
        503: {
          headers: {
            /** @description The request id: yours, or the one made for you */
            'X-Request-Id'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorEnvelope'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description Every failure, always JSON */
    ErrorEnvelope: {
      error: {
        /** @example VALIDATION_ERROR */
        code: string;
        message: string;
        details?: unknown;
        requestId: string;
      };
    };
    ApiKey: {
      id: string;
      name: string;
      scopes: ('messages' | 'devices' | 'verify' | 'webhooks' | 'admin')[];
      /** @description Last 4 characters of the key */
      hint: string;
      /** Format: date-time */
      createdAt: string;
      lastUsedAt: string | null;
      revokedAt: string | null;
    };
    AuditEvent: {
      id: string;
      /** Format: date-time */
      at: string;
      actor: {
        type: 'user' | 'api_key' | 'system';
        id: string | null;
        /** @description The name when it acted (a user name or email, an API key name) */
        name: string;
      };
      action:
        | 'api_key.created'
        | 'api_key.revoked'
        | 'member.added'
        | 'member.role_changed'
        | 'member.removed'
        | 'member.password_reset'
        | 'webhook.created'
        | 'webhook.updated'
        | 'webhook.deleted'
        | 'webhook.secret_rotated'
        | 'device.created'
        | 'device.renamed'
        | 'device.updated'
        | 'device.deleted'
        | 'device.logged_out'
        | 'settings.updated'
        | 'two_factor.enabled'
        | 'two_factor.disabled';
      target: {
        type: 'api_key' | 'member' | 'webhook' | 'device' | 'workspace' | 'user';
        id: string;
      };
      /** @description What changed; never a secret, password, key or token */
      changes: {
        [key: string]: unknown;
      };
      requestId: string | null;
      ip: string | null;
    };
    Webhook: {
      id: string;
      url: string;
      description: string | null;
      events: string[];
      enabled: boolean;
      disabledReason: string | null;
      previousSecretExpiresAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    WebhookDelivery: {
      id: string;
      webhookId: string;
      eventId: string;
      eventType: string;
      status: 'pending' | 'succeeded' | 'failed';
      attemptCount: number;
      nextAttemptAt: string | null;
      lastAttemptAt: string | null;
      lastStatusCode: number | null;
      responseSnippet: string | null;
      lastError: string | null;
      attempts: {
        number: number;
        /** Format: date-time */
        at: string;
        durationMs: number;
        statusCode: number | null;
        responseSnippet: string | null;
        error: string | null;
      }[];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    Pacing: {
      /** @description Minimum gap between two sends */
      minIntervalMs: number;
      /** @description Random ± added to the gap */
      jitterMs: number;
      /** @description null = no cap */
      perMinute: number | null;
      /** @description null = no cap */
      perDay: number | null;
      /** @description Show "typing…" briefly before a send (real numbers) */
      presence: boolean;
    };
    Device: {
      id: string;
      name: string;
      engine: 'sandbox' | 'baileys';
      status: 'unlinked' | 'connecting' | 'qr' | 'connected' | 'disconnected' | 'logged_out';
      statusReason: string | null;
      /** Format: date-time */
      statusChangedAt: string;
      lastSeenAt: string | null;
      phone: string | null;
      displayName: string | null;
      pacing: components['schemas']['Pacing'];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    Message: {
      id: string;
      deviceId: string | null;
      direction: 'out' | 'in';
      to: string | null;
      from: string | null;
      type:
        | 'text'
        | 'template'
        | 'image'
        | 'video'
        | 'audio'
        | 'document'
        | 'sticker'
        | 'location'
        | 'contacts'
        | 'poll'
        | 'reaction'
        | 'unsupported';
      body: string | null;
      media?: {
        id: string;
        type: 'image' | 'video' | 'audio' | 'document' | 'sticker';
        mime: string;
        size: number;
        sha256: string | null;
        filename: string | null;
        caption: string | null;
        /** @description Audio sent or received as a voice note */
        voice: boolean;
        /** @description Download path; 404 once the file is deleted (retention, erasure) */
        url: string;
      } | null;
      templateId: string | null;
      status:
        'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'expired' | 'canceled' | 'received';
      error: {
        code: string;
        message: string | null;
      } | null;
      priority: 'low' | 'normal' | 'high';
      /** @description api, dashboard, verification, auto_reply or inbound */
      source: string;
      metadata: {
        [key: string]: unknown;
      } | null;
      expiresAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      timeline?: {
        status: string;
        /** Format: date-time */
        at: string;
        errorCode: string | null;
      }[];
    };
    Template: {
      id: string;
      name: string;
      body: string;
      /** @description The {{variables}} found in the body */
      variables: string[];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    Contact: {
      /** @description E.164 */
      phone: string;
      jid: string | null;
      displayName: string | null;
      onWhatsApp: boolean | null;
      firstInboundAt: string | null;
      lastInboundAt: string | null;
      optedOut: boolean;
      optedOutAt: string | null;
      notes: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    AutoReplyRule: {
      id: string;
      name: string;
      deviceId: string | null;
      priority: number;
      match: {
        type: 'exact' | 'contains' | 'regex' | 'any';
        pattern: string | null;
      };
      reply: string;
      cooldownMinutes: number;
      businessHours: {
        /** @description IANA time zone, like Europe/Berlin */
        timeZone: string;
        /** @description 1 = Monday … 7 = Sunday */
        days: number[];
        /** @description Local opening time, HH:MM */
        start: string;
        /** @description Local closing time, HH:MM (before start = overnight) */
        end: string;
        /** @description Sent outside the hours instead */
        awayReply?: string;
      } | null;
      welcome: boolean;
      enabled: boolean;
      preset: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    Verification: {
      id: string;
      /** @description E.164 */
      to: string;
      email: string | null;
      status: 'pending' | 'approved' | 'canceled' | 'expired' | 'max_attempts_reached' | 'failed';
      channel: ('whatsapp' | 'sms' | 'email') | null;
      channels: ('whatsapp' | 'sms' | 'email')[];
      locale: string;
      codeLength: number;
      /** @description Checks left (5 in all) */
      remainingAttempts: number;
      sendAttempts: {
        channel: 'whatsapp' | 'sms' | 'email';
        /** @description pending: WhatsApp message out, not yet delivered; sent: accepted by the SMS or email provider; skipped: channel not configured */
        status: 'pending' | 'delivered' | 'sent' | 'failed' | 'timed_out' | 'skipped' | 'canceled';
        /** @description The WhatsApp message in the message log (code masked there) */
        messageId?: string;
        providerMessageId?: string;
        /**
         * @example SESSION_DISCONNECTED
         * @example RECIPIENT_NOT_ON_WHATSAPP
         */
        reason?: string;
        detail?: string;
        /** Format: date-time */
        at: string;
      }[];
      deviceId: string | null;
      templateId: string | null;
      failureReason: string | null;
      /** Format: date-time */
      expiresAt: string;
      approvedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    Conversation: {
      id: string;
      /** @description The line (device) the customer writes to */
      deviceId: string;
      /** @description The customer, E.164 */
      phone: string;
      contactName: string | null;
      status: 'open' | 'pending' | 'resolved';
      assigneeId: string | null;
      /** @description Customer messages the team has not read */
      unreadCount: number;
      /** @description Every message so far is a verification code */
      otpOnly: boolean;
      tags: string[];
      lastMessage: {
        id: string | null;
        /** Format: date-time */
        at: string;
        direction: 'in' | 'out';
        preview: string | null;
      } | null;
      lastInboundAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    ConversationNote: {
      id: string;
      conversationId: string;
      /** @description A user id, or the API key id for notes written through the API */
      authorId: string;
      authorName: string | null;
      body: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    AuthState: {
      /** @description No user exists yet: POST /auth/setup creates the owner */
      needsSetup: boolean;
      user: {
        id: string;
        email: string;
        name: string | null;
      } | null;
      workspace: {
        id: string;
        name: string;
        plan: string;
      } | null;
      role: ('owner' | 'admin' | 'agent' | 'viewer') | null;
      csrfToken: string | null;
      pendingStep: ('two_factor_code' | 'two_factor_enrolment') | null;
      settings: {
        /** @description Show a browser notification for a new customer message in a conversation assigned to me or to nobody */
        inboxNotifications: boolean;
      } | null;
    };
    TeamMember: {
      /** @description The user id */
      id: string;
      email: string;
      name: string | null;
      role: 'owner' | 'admin' | 'agent' | 'viewer';
      /** Format: date-time */
      joinedAt: string;
      lastSeenAt: string | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
