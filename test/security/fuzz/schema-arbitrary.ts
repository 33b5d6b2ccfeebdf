import fc from 'fast-check';

/** A JSON Schema as the OpenAPI document holds it (loosely typed: it is data read at run time). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schemas are data read at run time, walked by keyword
export type JsonSchema = { [keyword: string]: any };

/** Strings that have broken servers somewhere: control and surrogate characters, injections, huge. */
export const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\t\n',
  '\uD800',
  '\u202Ebackwards',
  '🙂'.repeat(40),
  'é'.normalize('NFD'),
  '../../../../etc/passwd',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  "' OR '1'='1' --",
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'true',
  'Infinity',
  '-0',
  '0x10',
  '1e309',
  'a'.repeat(5000),
];

const WRONG_TYPES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 53 + 2,
  -1e308,
  'x',
  [],
  [null],
  {},
  { a: 1 },
];

/** Overrides by property name: values the generic rules would make unsafe or useless here. */
export type Overrides = Record<string, fc.Arbitrary<unknown>>;

/**
 * Arbitraries from JSON Schema: `valid` aims at values the schema accepts, `invalid` at values
 * near or past its edges, `fuzzy` mixes both (mostly valid, so requests get past validation).
 */
export class SchemaArbitraries {
  constructor(
    private readonly components: Record<string, JsonSchema>,
    private readonly overrides: Overrides = {},
  ) {}

  resolve(schema: JsonSchema | undefined): JsonSchema {
    let s = schema ?? {};
    for (let i = 0; s.$ref && i < 10; i++) s = this.components[String(s.$ref).split('/').pop()!] ?? {};
    return s;
  }

  valid(raw: JsonSchema | undefined, name?: string, depth = 0): fc.Arbitrary<unknown> {
    if (name && this.overrides[name]) return this.overrides[name];
    const s = this.resolve(raw);
    if ('const' in s) return fc.constant(s.const);
    if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
    const branches = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
    if (branches?.length) return fc.oneof(...branches.map((b) => this.valid(b, name, depth)));
    if (Array.isArray(s.type))
      return fc.oneof(...s.type.map((type: string) => this.valid({ ...s, type }, name, depth)));
    switch (s.type) {
      case 'object':
        return this.validObject(s, depth);
      case 'array': {
        const items = this.valid(s.items, undefined, depth + 1);
        const constraints = {
          minLength: s.minItems ?? 0,
          maxLength: Math.min(s.maxItems ?? 4, (s.minItems ?? 0) + 4),
        };
        return s.uniqueItems
          ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) })
          : fc.array(items, constraints);
      }
      case 'string':
        return this.validString(s);
      case 'integer':
        return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 100_000 });
      case 'number':
        return fc.double({
          min: s.minimum ?? -1000,
          max: s.maximum ?? 100_000,
          noNaN: true,
          noDefaultInfinity: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        return depth > 2 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
    }
  }

  private validObject(s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
    const names = Object.keys(properties);
    if (names.length === 0) {
      const keys = s.propertyNames
        ? this.validString({ type: 'string', ...s.propertyNames })
        : fc.string({ minLength: 1, maxLength: 12 });
      const values = this.valid(
        typeof s.additionalProperties === 'object' ? s.additionalProperties : {},
        undefined,
        depth + 1,
      );
      return fc.dictionary(keys, values, { maxKeys: Math.min(s.maxProperties ?? 4, 4) });
    }
    const model = Object.fromEntries(names.map((n) => [n, this.valid(properties[n], n, depth + 1)]));
    return fc.record(model, { requiredKeys: (s.required ?? []) as string[] });
  }

  private validString(s: JsonSchema): fc.Arbitrary<string> {
    const min = s.minLength ?? 0;
    const max = Math.min(s.maxLength ?? min + 30, min + 30);
    if (s.format === 'date-time')
      return fc
        .date({ min: new Date('2001-01-01'), max: new Date('2099-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    if (s.format === 'email') return fc.emailAddress().filter((e) => e.length <= (s.maxLength ?? 254));
    if (s.pattern) {
      return fc
        .stringMatching(new RegExp(s.pattern as string, 'u'))
        .filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity))
        .map((v) => v.slice(0, s.maxLength ?? v.length));
    }
    return fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
  }

  invalid(raw: JsonSchema | undefined, name?: string): fc.Arbitrary<unknown> {
    const s = this.resolve(raw);
    const edges: unknown[] = [];
    if (s.type === 'string' || s.pattern || s.format) {
      if (s.maxLength !== undefined) edges.push('a'.repeat(s.maxLength + 1));
      if (s.minLength) edges.push('a'.repeat(s.minLength - 1));
    }
    if (s.type === 'integer' || s.type === 'number') {
      if (s.maximum !== undefined) edges.push(s.maximum + 1, s.maximum + 0.5);
      if (s.minimum !== undefined) edges.push(s.minimum - 1);
      edges.push(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e300);
    }
    if (s.type === 'array') edges.push(Array(Math.max((s.maxItems ?? 50) + 1, 1)).fill(null));
    const options: Array<fc.Arbitrary<unknown>> = [
      fc.constantFrom(...WRONG_TYPES),
      fc.constantFrom(...ODD_STRINGS),
    ];
    if (edges.length) options.push(fc.constantFrom(...edges));
    if (s.type === 'object' && s.properties) options.push(this.objectWithOneFault(s));
    if (name && this.overrides[name]) options.push(this.overrides[name]);
    return fc.oneof(...options);
  }

  /** A valid object with one thing wrong: a field missing, unknown, or of a bad value. */
  private objectWithOneFault(s: JsonSchema): fc.Arbitrary<unknown> {
    const names = Object.keys(s.properties as object);
    return fc
      .tuple(
        this.validObject(s, 1),
        fc.constantFrom(...names),
        fc.nat(2),
        fc.constantFrom(...WRONG_TYPES, ...ODD_STRINGS),
      )
      .map(([value, field, how, bad]) => {
        const copy = { ...(value as Record<string, unknown>) };
        if (how === 0) delete copy[field];
        else if (how === 1) copy[`unknown_${field}`] = bad;
        else copy[field] = bad;
        return copy;
      });
  }

  fuzzy(raw: JsonSchema | undefined, name?: string): fc.Arbitrary<unknown> {
    return fc.oneof(
      { weight: 3, arbitrary: this.valid(raw, name) },
      { weight: 1, arbitrary: this.invalid(raw, name) },
    );
  }
}
