import { Type, type Static } from 'typebox';
import { idPattern } from '../lib/ids.js';
import { literalUnion } from '../lib/schema.js';
import { CHANNELS } from './tables.js';
import { LOCALES } from './texts.js';

export const Phone = Type.String({ minLength: 5, maxLength: 32, description: 'E.164, like +15551234567' });

/** The body of POST /v1/verifications. */
export const CreateBody = Type.Object(
  {
    to: Phone,
    channels: Type.Optional(
      Type.Array(literalUnion(CHANNELS), {
        minItems: 1,
        maxItems: 3,
        description: 'Tried in order; default ["whatsapp"]',
      }),
    ),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    deviceId: Type.Optional(Type.String({ pattern: idPattern('dev') })),
    templateId: Type.Optional(Type.String({ pattern: idPattern('tpl') })),
    templateName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    locale: Type.Optional(literalUnion(LOCALES)),
    codeLength: Type.Optional(Type.Integer({ minimum: 4, maximum: 10 })),
    ttlSeconds: Type.Optional(Type.Integer({ minimum: 60, maximum: 900 })),
    channelTimeoutSeconds: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 600,
        description: 'Fall back when WhatsApp has not delivered by then',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateVerificationInput = Static<typeof CreateBody>;
