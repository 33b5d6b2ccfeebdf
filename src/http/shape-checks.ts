import type { ValidationIssue } from './validation-details.js';

/** The parts of a JSON Schema (as TypeBox writes them) these checks read. */
interface Schema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  items?: Schema;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a value of this schema may be null: a schema that says nothing of its type takes anything. */
function admitsNull(schema: Schema): boolean {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return branches.some(admitsNull);
  if ('const' in schema) return schema.const === null;
  if (schema.enum) return schema.enum.includes(null);
  if (schema.type === undefined) return true;
  return Array.isArray(schema.type) ? schema.type.includes('null') : schema.type === 'null';
}

/** Compiled once per pattern: a record's keys (metadata, template variables) are checked on every request. */
const compiledPatterns = new Map<string, RegExp>();
const compiled = (pattern: string): RegExp => {
  let regex = compiledPatterns.get(pattern);
  if (!regex) compiledPatterns.set(pattern, (regex = new RegExp(pattern, 'u')));
  return regex;
};

/** The schema of one property of an object, as Ajv would pick it. */
function propertySchema(schema: Schema, key: string): Schema | undefined {
  const own = schema.properties?.[key];
  if (own) return own;
  for (const [pattern, sub] of Object.entries(schema.patternProperties ?? {})) {
    if (compiled(pattern).test(key)) return sub;
  }
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}

/** The one object branch of a choice (`null` or an object, say), which a present object is checked against. */
function objectBranch(schema: Schema): Schema {
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches) return schema;
  const objects = branches.filter((b) => b.type === 'object');
  return objects.length === 1 ? objects[0]! : schema;
}

function collectNulls(schema: Schema, data: unknown, path: string, out: ValidationIssue[]): void {
  const shape = objectBranch(schema);
  if (Array.isArray(data) && shape.items) {
    data.forEach((item, i) => collectNulls(shape.items!, item, `${path}/${i}`, out));
    return;
  }
  if (!isObject(data)) return;
  for (const [key, value] of Object.entries(data)) {
    const sub = propertySchema(shape, key);
    if (!sub) continue;
    if (value !== null) collectNulls(sub, value, `${path}/${key}`, out);
    else if (!admitsNull(sub)) {
      const optional = !shape.required?.includes(key);
      out.push({
        instancePath: `${path}/${key}`,
        keyword: 'null',
        message: optional ? 'must not be null; leave the field out instead' : 'must not be null',
      });
    }
  }
}

/**
 * The fields of a JSON body set to null where the schema does not allow null. Ajv's type coercion
 * would turn such a null into "", 0 or false before checking it, so `"deviceId": null` was refused
 * as "must match pattern …" and `"email": null` as "must match format email", which send a client
 * looking at the value instead of at the null (JSON encoders write an unset field as null).
 */
export function nullFields(schema: unknown, body: unknown): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  if (isObject(schema)) collectNulls(schema as Schema, body, '', out);
  return out;
}

/**
 * The query parameters given more than once (`?status=queued&status=sent`) where the schema takes
 * one value: without this, Ajv's message was about the value's type ("must be string"), which the
 * client had right.
 */
export function repeatedParameters(schema: unknown, query: unknown): ValidationIssue[] {
  if (!isObject(schema) || !isObject(query)) return [];
  const shape = schema as Schema;
  const out: ValidationIssue[] = [];
  for (const [name, value] of Object.entries(query)) {
    const sub = propertySchema(shape, name);
    if (!Array.isArray(value) || !sub || sub.type === 'array') continue;
    out.push({ instancePath: `/${name}`, keyword: 'repeated', message: 'must be given once' });
  }
  return out;
}
