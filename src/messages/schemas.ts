import { Type, type Static } from 'typebox';
import { idPattern } from '../lib/ids.js';
import { literalUnion } from '../lib/schema.js';
import { SENDABLE_KINDS } from '../media/views.js';
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
    type: literalUnion(['text', 'template', ...SENDABLE_KINDS] as const),
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
    media: Type.Optional(
      Type.Object(
        {
          id: Type.Optional(Type.String({ pattern: idPattern('med'), description: 'An uploaded file' })),
          url: Type.Optional(
            Type.String({ maxLength: 2048, description: 'A file the server fetches (public http(s) only)' }),
          ),
        },
        { additionalProperties: false, description: 'For image, video, audio and document: id or url' },
      ),
    ),
    caption: Type.Optional(
      Type.String({ minLength: 1, maxLength: 1024, description: 'image, video, document' }),
    ),
    filename: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'document' })),
    voice: Type.Optional(Type.Boolean({ description: 'audio: send as a voice note' })),
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

const templateHint =
  'a template is one of this workspace\'s (POST /v1/templates), filled with "variables": {"name": "value"}';
const mediaHint = (kind: string) =>
  `a file is sent as "media": {"url": "https://…"} or {"id": "med_…"}, with "type": "${kind}"`;

/**
 * The fields of a WhatsApp Cloud API send that this body does not take, and what it takes instead:
 * a backend moving from that API sends its bodies first (`config.unknownFieldHints`).
 */
export const CLOUD_API_FIELD_HINTS: Readonly<Record<string, string>> = {
  'body.messaging_product': 'WAPing sends on WhatsApp only; leave it out',
  'body.recipient_type': 'WAPing sends to one person by "to"; leave it out',
  ...Object.fromEntries(SENDABLE_KINDS.map((kind) => [`body.${kind}`, mediaHint(kind)])),
  'body.template.language': templateHint,
  'body.template.components': templateHint,
};
