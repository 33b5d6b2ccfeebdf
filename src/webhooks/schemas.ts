import { Type, type Static } from 'typebox';
import { EventFilter } from './views.js';

const Url = Type.String({ minLength: 1, maxLength: 2048, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' });
// One schema with two types, not a union: with type coercion on, Ajv would turn null into "" for the
// first branch of an anyOf.
const Description = Type.Unsafe<string | null>({ type: ['string', 'null'], maxLength: 500 });

/** The body of POST /v1/webhooks. */
export const CreateWebhookBody = Type.Object(
  {
    url: Url,
    events: EventFilter,
    description: Type.Optional(Description),
    enabled: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
export type WebhookInput = Static<typeof CreateWebhookBody>;

/** The body of PATCH /v1/webhooks/:id. */
export const PatchWebhookBody = Type.Object(
  {
    url: Type.Optional(Url),
    events: Type.Optional(EventFilter),
    description: Type.Optional(Description),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type WebhookPatch = Static<typeof PatchWebhookBody>;
