import { Type, type TLiteral, type TSchema, type TUnion } from 'typebox';

/** TypeBox building blocks shared by every feature's schemas (entity views and request bodies). */
export const Timestamp = Type.String({ format: 'date-time' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

type LiteralsOf<T extends readonly string[]> = T extends readonly [
  infer H extends string,
  ...infer R extends readonly string[],
]
  ? [TLiteral<H>, ...LiteralsOf<R>]
  : [];

/** A union of string literals from a const list, keeping each literal in the static type. */
export function literalUnion<const T extends readonly string[]>(
  values: T,
  options: Record<string, unknown> = {},
) {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  ) as unknown as TUnion<LiteralsOf<T>>;
}

/** A display name: 1–100 characters, not only whitespace (a blank name shows as nothing in lists). */
export const DisplayName = (options: Record<string, unknown> = {}) =>
  Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', ...options });
