import { listed } from '../lib/listed.js';

/** One of Ajv's errors, as Fastify hands them to the error handler. */
export interface ValidationIssue {
  instancePath?: string;
  schemaPath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** A failed field, as the error envelope's `details` name it. */
export interface ValidationDetail {
  field: string;
  message: string;
}

/**
 * Messages for keywords whose field is named in full already: Ajv's would name it again
 * ("body.name must have required property 'name'").
 */
const KEYWORD_MESSAGES: Record<string, string> = {
  required: 'is required',
  additionalProperties: 'is not a known field',
};

/**
 * What a pattern asks for, in words, for the patterns the API's schemas use: Ajv's message quotes
 * the regular expression (`must match pattern "\S"`), which a client has to decode.
 */
const PATTERN_MESSAGES: Record<string, string> = {
  '\\S': 'must not be only whitespace',
  '^[0-9]{4,10}$': 'must be 4 to 10 digits',
  '^[Hh][Tt][Tt][Pp][Ss]?://': 'must be an http:// or https:// URL',
  '^[A-Za-z0-9][A-Za-z0-9 _.-]*$':
    'must start with a letter or digit and hold only letters, digits, spaces and _ . -',
  '^[a-z0-9-]{1,50}$':
    'must be a preset id (lowercase letters, digits and -), as GET /v1/auto-replies/presets lists',
};
const ID_PATTERN = /^\^([a-z]+)_\[0-9a-hjkmnp-tv-z\]\{26\}\$$/;

/** What a format asks for, in words: Ajv's says `must match format "date-time"`. */
const FORMAT_MESSAGES: Record<string, string> = {
  'date-time': 'must be a date and time in ISO 8601 with its offset, like 2026-11-26T06:58:02Z',
  email: 'must be an email address',
};

/** What a JSON type is called in a sentence: Ajv says `must be object`. */
const TYPE_MESSAGES: Record<string, string> = {
  object: 'must be a JSON object',
  array: 'must be a list (a JSON array)',
  string: 'must be a string',
  number: 'must be a number',
  integer: 'must be a whole number',
  boolean: 'must be true or false',
};

const counted = (n: unknown, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

/** Ajv's size limits as a sentence: it says `must NOT have fewer than 5 characters`, `1 items`. */
function limitMessage(issue: ValidationIssue): string | undefined {
  const limit = issue.params?.limit;
  switch (issue.keyword) {
    case 'minLength':
      return `must be at least ${counted(limit, 'character', 'characters')} long`;
    case 'maxLength':
      return `must be at most ${counted(limit, 'character', 'characters')} long`;
    case 'minItems':
      return `must list at least ${counted(limit, 'item', 'items')}`;
    case 'maxItems':
      return `must list at most ${counted(limit, 'item', 'items')}`;
    case 'minProperties':
      return `must have at least ${counted(limit, 'field', 'fields')}`;
    case 'maxProperties':
      return `must have at most ${counted(limit, 'field', 'fields')}`;
    case 'uniqueItems':
      return 'must not list the same value twice';
    case 'minimum':
      return `must be at least ${String(limit)}`;
    case 'maximum':
      return `must be at most ${String(limit)}`;
    case 'exclusiveMinimum':
      return `must be more than ${String(limit)}`;
    case 'exclusiveMaximum':
      return `must be less than ${String(limit)}`;
    default:
      return undefined;
  }
}

function patternMessage(issue: ValidationIssue): string | undefined {
  const pattern = issue.params?.pattern;
  if (typeof pattern !== 'string') return undefined;
  const prefix = ID_PATTERN.exec(pattern)?.[1];
  if (prefix) return `must be an id: ${prefix}_ followed by 26 lowercase letters and digits`;
  return PATTERN_MESSAGES[pattern];
}

/** Names the field the way a client wrote it (`body.text.body`). */
function fieldOf(context: string | undefined, issue: ValidationIssue): string {
  const path = (issue.instancePath ?? '').split('/').filter(Boolean);
  const extra = issue.params?.missingProperty ?? issue.params?.additionalProperty;
  if (typeof extra === 'string') path.push(extra);
  return [context ?? 'body', ...path].join('.');
}

/** What a choice's allowed values are, when every branch that failed was one value or a list of them. */
function allowedValues(branches: ValidationIssue[]): string[] | null {
  const values: string[] = [];
  for (const b of branches) {
    if (b.keyword === 'const') values.push(String(b.params?.allowedValue));
    else if (b.keyword === 'enum' && Array.isArray(b.params?.allowedValues))
      values.push(...(b.params.allowedValues as unknown[]).map(String));
    else return null;
  }
  return values;
}

/** The types a value may have, when every branch that failed asked for a type. */
function allowedTypes(branches: ValidationIssue[]): string[] | null {
  const types: string[] = [];
  for (const b of branches) {
    if (b.keyword !== 'type') return null;
    const type = String(b.params?.type);
    if (!types.includes(type)) types.push(type);
  }
  return types;
}

/**
 * A failed `anyOf` (a choice: `type` is one of six words, a template variable a string, number or
 * boolean) said as one line, or null when its branches asked for more than a value or a type:
 * Ajv reports each branch it tried ("must be equal to constant", six times) and then the choice,
 * none of which tells the client what to send.
 */
function choiceMessage(branches: ValidationIssue[]): string | null {
  if (branches.length === 0) return null;
  const values = allowedValues(branches);
  if (values) return `must be one of ${listed(values)}`;
  const types = allowedTypes(branches);
  if (!types) return null;
  return `must be ${/^[aeiou]/.test(types[0]!) ? 'an' : 'a'} ${listed(types)}`;
}

/**
 * Turns Ajv's output into `[{field, message}]`: one entry per failure, a failed choice of values
 * or types as one entry naming what it allows, and no entry twice.
 */
export function validationDetails(
  context: string | undefined,
  issues: ValidationIssue[],
): ValidationDetail[] {
  // The errors of a choice's branches are reported before the choice, under its schema path.
  const branchesOf = (choice: ValidationIssue) =>
    issues.filter((i) => i !== choice && (i.schemaPath ?? '').startsWith(`${choice.schemaPath}/`));
  const summed = new Map<ValidationIssue, string>();
  const hidden = new Set<ValidationIssue>();
  /** What is added to the message of a branch that stands for its whole choice (", or null"). */
  const alsoTakes = new Map<ValidationIssue, string>();
  for (const choice of issues) {
    if (choice.keyword !== 'anyOf' || choice.schemaPath === undefined) continue;
    const branches = branchesOf(choice);
    const message = choiceMessage(branches);
    if (message !== null) {
      summed.set(choice, message);
      for (const b of branches) hidden.add(b);
      continue;
    }
    // The value has the type of some branches and failed their other checks (a pacing cap of 0
    // where the field takes 1 or more, or null): those failures are the answer; the branches of
    // other types, and the choice itself, are noise.
    const otherTypes = branches.filter((b) => b.keyword === 'type');
    const ofItsType = branches.filter((b) => b.keyword !== 'type');
    if (otherTypes.length === 0 || ofItsType.length === 0) continue;
    hidden.add(choice);
    for (const b of otherTypes) hidden.add(b);
    // Said only of the field itself: an item of a list that may be null is not itself nullable.
    if (otherTypes.some((b) => b.params?.type === 'null'))
      for (const b of ofItsType) if (b.instancePath === choice.instancePath) alsoTakes.set(b, ', or null');
  }
  const details: ValidationDetail[] = [];
  for (const issue of issues) {
    if (hidden.has(issue)) continue;
    const message =
      summed.get(issue) ??
      KEYWORD_MESSAGES[issue.keyword ?? ''] ??
      (issue.keyword === 'pattern' ? patternMessage(issue) : undefined) ??
      (issue.keyword === 'format' ? FORMAT_MESSAGES[String(issue.params?.format)] : undefined) ??
      (issue.keyword === 'type' ? TYPE_MESSAGES[String(issue.params?.type)] : undefined) ??
      limitMessage(issue) ??
      issue.message ??
      'is invalid';
    const said = message + (alsoTakes.get(issue) ?? '');
    const field = fieldOf(context, issue);
    if (!details.some((d) => d.field === field && d.message === said)) details.push({ field, message: said });
  }
  return details;
}

/**
 * Adds a route's word on a field it does not know (`config.unknownFieldHints`): what a client of
 * another API sends there, and what this one takes instead. Read only when a request fails.
 */
export function withUnknownFieldHints(
  details: ValidationDetail[],
  hints: Readonly<Record<string, string>> | undefined,
): ValidationDetail[] {
  if (!hints) return details;
  return details.map((d) => {
    const hint = d.message === KEYWORD_MESSAGES.additionalProperties ? hints[d.field] : undefined;
    return hint ? { field: d.field, message: `${d.message}: ${hint}` } : d;
  });
}
