import { readFileSync } from 'node:fs';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/** `null` means unlimited. */
const PlanSchema = Type.Object(
  {
    devices: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    messagesPerMonth: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    api: Type.Boolean({ description: 'API keys and webhooks allowed' }),
    requestsPerMinute: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type Plan = Static<typeof PlanSchema> & { name: string };

const PlansFileSchema = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_-]{0,30}$' }), PlanSchema);

export const DEFAULT_PLANS: Record<string, Static<typeof PlanSchema>> = {
  free: { devices: 1, messagesPerMonth: 500, api: false, requestsPerMinute: null },
  starter: { devices: 1, messagesPerMonth: 3_000, api: true, requestsPerMinute: 120 },
  growth: { devices: 5, messagesPerMonth: 30_000, api: true, requestsPerMinute: 600 },
  pro: { devices: 15, messagesPerMonth: 300_000, api: true, requestsPerMinute: 1_800 },
  enterprise: { devices: 50, messagesPerMonth: 1_000_000, api: true, requestsPerMinute: 6_000 },
  selfhosted: { devices: null, messagesPerMonth: null, api: true, requestsPerMinute: null },
};

export class PlanCatalog {
  private readonly plans: Map<string, Plan>;
  constructor(definitions: Record<string, Static<typeof PlanSchema>>) {
    this.plans = new Map(Object.entries(definitions).map(([name, p]) => [name, { ...p, name }]));
  }
  get(name: string): Plan {
    // A workspace whose plan was removed from the file falls back to the most restrictive one.
    return this.plans.get(name) ?? this.plans.get('free') ?? { ...DEFAULT_PLANS.free!, name: 'free' };
  }
  has(name: string): boolean {
    return this.plans.has(name);
  }
  names(): string[] {
    return [...this.plans.keys()];
  }
}

/** Defaults, overridden plan by plan by the JSON file in WAPING_PLANS_FILE. */
export function loadPlans(file?: string): PlanCatalog {
  if (!file) return new PlanCatalog(DEFAULT_PLANS);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`WAPING_PLANS_FILE cannot be read as JSON (${(err as Error).message})`, { cause: err });
  }
  if (!Value.Check(PlansFileSchema, parsed)) {
    const [first] = Value.Errors(PlansFileSchema, parsed);
    throw new Error(`WAPING_PLANS_FILE is invalid at ${first?.instancePath || '/'}: ${first?.message}`);
  }
  return new PlanCatalog({ ...DEFAULT_PLANS, ...parsed });
}
