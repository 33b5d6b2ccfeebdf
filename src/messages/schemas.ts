import { Type, type Static } from 'typebox';
import { idPattern } from '../lib/ids.js';
import { literalUnion } from '../lib/schema.js';
import { PRIORITIES } from './views.js';

const Variables = Type.Record(
  Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.]*$' }),
  Type.Union([Type.String({ maxLength: 1024 }), Type.Number(), Type.Boolean()]),
);

/** Metadata is stored with every message and sent in each of its webhook events: keep it small. */
export const METADATA_MAX_BYTES = 16_384;

/** The body of POST /v1/messages; internal senders (verification codes, auto-replies) use it too. */
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
      // TypeBox drops a Record's key constraints, so the key rule is stated as propertyNames.
      Type.Record(Type.String(), Type.Unknown(), {
        maxProperties: 50,
        propertyNames: { minLength: 1, maxLength: 100 },
        description: `Up to 50 keys of 1–100 characters; at most ${METADATA_MAX_BYTES} bytes as JSON`,
      }),
    ),
  },
  { additionalProperties: false },
);
export type SendMessageInput = Static<typeof SendBody>;
