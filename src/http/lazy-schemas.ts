/**
 * Fastify's own compilers (Ajv for request validation, fast-json-stringify for responses), made to
 * compile each route's schema the first time the route uses it instead of at start-up. Compiling
 * every schema of every route was most of a built server's start-up CPU; a route never called
 * never pays. What is compiled, and how it validates and serialises, is what Fastify's defaults
 * do (the same factories, the same options, except that a JSON body's types are not coerced),
 * after two checks of the data's shape (shape-checks.ts).
 */
import AjvCompiler from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';
import { nullFields, repeatedParameters } from './shape-checks.js';
import type { ValidationIssue } from './validation-details.js';

type SchemaController = NonNullable<FastifyServerOptions['schemaController']>;
type CompilersFactory = NonNullable<SchemaController['compilersFactory']>;
type BuildValidator = NonNullable<CompilersFactory['buildValidator']>;
type BuildSerializer = NonNullable<CompilersFactory['buildSerializer']>;
type ValidatorCompiler = ReturnType<BuildValidator>;
type RouteDefinition = Parameters<ValidatorCompiler>[0];
type Validate = ReturnType<ValidatorCompiler>;
type ShapeCheck = (data: unknown) => ValidationIssue[];

/**
 * What is checked before Ajv: a query's repeated parameters would reach Ajv's checks already
 * coerced, and be refused for the wrong reason; for a body's nulls Ajv would name the type the
 * field takes, where "must not be null" (or "leave the field out") says what to change.
 */
function shapeCheckFor(
  part: string | undefined,
): ((schema: unknown, data: unknown) => ValidationIssue[]) | undefined {
  if (part === 'body') return nullFields;
  if (part === 'querystring') return repeatedParameters;
  return undefined;
}

/**
 * Fastify lower-cases the property names of a headers schema before handing it to its default
 * compiler, but not to a custom one (which this counts as): done here so both behave the same.
 */
function lowerCaseHeaders(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object' || Object.getPrototypeOf(schema) !== Object.prototype)
    return schema;
  const { properties, required, ...rest } = schema as { properties?: object; required?: unknown };
  return {
    ...rest,
    ...(properties && typeof properties === 'object'
      ? { properties: Object.fromEntries(Object.entries(properties).map(([k, v]) => [k.toLowerCase(), v])) }
      : {}),
    ...(Array.isArray(required)
      ? { required: required.map((name) => (typeof name === 'string' ? name.toLowerCase() : name)) }
      : {}),
  };
}

function lazyValidator(compile: () => Validate, shapeCheck: ShapeCheck | undefined): Validate {
  let compiled: Validate | undefined;
  const get = () => (compiled ??= compile());
  // Fastify passes a second argument (the parent object, so Ajv may coerce the root) only when the
  // function has `schemaEnv`, and reads `errors` after a failed call: both forwarded.
  const validate = function (this: unknown, ...args: unknown[]) {
    const refused = shapeCheck?.(args[0]);
    if (refused?.length) {
      validate.errors = refused as Validate['errors'];
      return false;
    }
    const inner = get();
    const result = (inner as (...a: unknown[]) => ReturnType<Validate>).apply(this, args);
    validate.errors = inner.errors ?? null;
    return result;
  } as Validate;
  Object.defineProperty(validate, 'schemaEnv', {
    get: () => (get() as Validate & { schemaEnv?: unknown }).schemaEnv,
  });
  return validate;
}

// One of each for the process, as Fastify's defaults: the Ajv pool shares one Ajv instance between
// every plugin context with the same shared schemas and options.
const ajvPool = AjvCompiler();
const serializers = SerializerSelector();

/**
 * A query string, a path and headers arrive as text, so their values are coerced to the schema's
 * types ("20" to 20). A JSON body already says what each value is: coercing it turned `true` into
 * the text "true" and sent it, and a string into a one-item list. Bodies are validated as written.
 */
function withoutCoercion(options: Parameters<BuildValidator>[1]): Parameters<BuildValidator>[1] {
  if (!options || options.mode === 'JTD') return options;
  return { ...options, customOptions: { ...options.customOptions, coerceTypes: false } };
}

const buildValidator: BuildValidator = (externalSchemas, options) => {
  const compilerFor = ajvPool(externalSchemas, options);
  const bodyCompilerFor = ajvPool(externalSchemas, withoutCoercion(options));
  return (route: RouteDefinition) => {
    const definition =
      route.httpPart === 'headers' ? { ...route, schema: lowerCaseHeaders(route.schema) } : route;
    const check = shapeCheckFor(route.httpPart);
    const compile = route.httpPart === 'body' ? bodyCompilerFor : compilerFor;
    return lazyValidator(
      () => compile(definition as RouteDefinition),
      check && ((data) => check(route.schema, data)),
    );
  };
};

const buildSerializer: BuildSerializer = (externalSchemas, options) => {
  const compilerFor = serializers(externalSchemas, options);
  return (route) => {
    let serialize: ((doc: unknown) => string) | undefined;
    return (doc: unknown) => (serialize ??= compilerFor(route))(doc);
  };
};

/** The `schemaController` server option that makes Fastify compile each schema on first use. */
export const lazySchemaController: SchemaController = {
  compilersFactory: { buildValidator, buildSerializer },
};
