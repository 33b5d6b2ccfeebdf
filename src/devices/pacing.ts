import { Type, type Static } from 'typebox';

/** How fast a device may send (docs/api.md, "Pacing"): numbers that send too fast get banned. */
export const PacingSchema = Type.Object(
  {
    minIntervalMs: Type.Integer({
      minimum: 0,
      maximum: 600_000,
      description: 'Minimum gap between two sends',
    }),
    jitterMs: Type.Integer({ minimum: 0, maximum: 600_000, description: 'Random ± added to the gap' }),
    perMinute: Type.Union([Type.Integer({ minimum: 1, maximum: 10_000 }), Type.Null()], {
      description: 'null = no cap',
    }),
    perDay: Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000 }), Type.Null()], {
      description: 'null = no cap',
    }),
    presence: Type.Boolean({ description: 'Show "typing…" briefly before a send (real numbers)' }),
  },
  { additionalProperties: false, $id: 'Pacing' },
);
export type Pacing = Static<typeof PacingSchema>;

export const PacingPatchSchema = Type.Partial(PacingSchema, { additionalProperties: false });

/** Safe for a real number: about one message a second, 30 a minute, 1,000 a day. The sandbox does not pace. */
export function defaultPacing(engine: 'sandbox' | 'baileys'): Pacing {
  return engine === 'baileys'
    ? { minIntervalMs: 1000, jitterMs: 500, perMinute: 30, perDay: 1000, presence: true }
    : { minIntervalMs: 0, jitterMs: 0, perMinute: null, perDay: null, presence: false };
}

export function parsePacing(json: string, engine: 'sandbox' | 'baileys'): Pacing {
  try {
    return { ...defaultPacing(engine), ...(JSON.parse(json) as Partial<Pacing>) };
  } catch {
    return defaultPacing(engine);
  }
}
