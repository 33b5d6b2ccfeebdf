import { Type, type Static, type TSchema } from 'typebox';
import { DisplayName, literalUnion, Nullable } from '../lib/schema.js';
import { idPattern } from '../lib/ids.js';

export const MATCH_TYPES = ['exact', 'contains', 'regex', 'any'] as const;

const Clock = (description: string, allowMidnightEnd = false) =>
  Type.String({
    pattern: allowMidnightEnd ? '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' : '^([01][0-9]|2[0-3]):[0-5][0-9]$',
    description,
  });

export const BusinessHoursSchema = Type.Object(
  {
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, like Europe/Berlin' }),
    days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
      minItems: 1,
      maxItems: 7,
      uniqueItems: true,
      description: '1 = Monday … 7 = Sunday',
    }),
    start: Clock('Local opening time, HH:MM'),
    end: Clock('Local closing time, HH:MM (before start = overnight)', true),
    awayReply: Type.Optional(
      Type.String({ minLength: 1, maxLength: 4096, description: 'Sent outside the hours instead' }),
    ),
  },
  { additionalProperties: false },
);

export const MatchSchema = Type.Object(
  {
    type: literalUnion(MATCH_TYPES),
    pattern: Type.Optional(
      Type.String({ minLength: 1, maxLength: 500, description: 'Not used with type "any"' }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Null first: with Ajv's type coercion a null tried against a string branch first would become "",
 * so "clear this field" has to be recognised before any coercion.
 */
const NullOr = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

const ruleFields = {
  name: DisplayName(),
  deviceId: NullOr(Type.String({ pattern: idPattern('dev'), description: 'null = every device' })),
  priority: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Lower is tried first (default 100)' }),
  match: MatchSchema,
  reply: Type.String({
    minLength: 1,
    maxLength: 4096,
    description: 'Text with {{contact.name}}, {{contact.phone}}, {{device.name}}, {{device.phone}}',
  }),
  cooldownMinutes: Type.Integer({
    minimum: 0,
    maximum: 43_200,
    description: 'Do not repeat this rule to one contact within this many minutes (default 0)',
  }),
  businessHours: NullOr(BusinessHoursSchema),
  welcome: Type.Boolean({ description: "Only answer a contact's first message ever (default false)" }),
  enabled: Type.Boolean({ description: 'Default true' }),
};

export const RuleCreateBody = Type.Object(
  {
    name: ruleFields.name,
    deviceId: Type.Optional(ruleFields.deviceId),
    priority: Type.Optional(ruleFields.priority),
    match: ruleFields.match,
    reply: ruleFields.reply,
    cooldownMinutes: Type.Optional(ruleFields.cooldownMinutes),
    businessHours: Type.Optional(ruleFields.businessHours),
    welcome: Type.Optional(ruleFields.welcome),
    enabled: Type.Optional(ruleFields.enabled),
  },
  { additionalProperties: false },
);
export type RuleCreate = Static<typeof RuleCreateBody>;

export const RulePatchBody = Type.Partial(RuleCreateBody, { additionalProperties: false, minProperties: 1 });
export type RulePatch = Static<typeof RulePatchBody>;

export const RuleSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    deviceId: Nullable(Type.String()),
    priority: Type.Integer(),
    match: Type.Object({ type: literalUnion(MATCH_TYPES), pattern: Nullable(Type.String()) }),
    reply: Type.String(),
    cooldownMinutes: Type.Integer(),
    businessHours: Nullable(BusinessHoursSchema),
    welcome: Type.Boolean(),
    enabled: Type.Boolean(),
    preset: Nullable(Type.String({ description: 'The preset this rule was made from' })),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'AutoReplyRule' },
);
export type RuleView = Static<typeof RuleSchema>;
