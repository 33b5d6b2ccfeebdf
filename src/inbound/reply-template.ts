import { strayBraces } from '../lib/stray-braces.js';

/** Variables a reply may use: `{{contact.name}}`, with an optional fallback `{{contact.name | there}}`. */
export const REPLY_VARIABLES = ['contact.name', 'contact.phone', 'device.name', 'device.phone'] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];
export type ReplyValues = Partial<Record<ReplyVariable, string | null>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(?:\|([^}]*))?\}\}/g;
const KNOWN = new Set<string>(REPLY_VARIABLES);

/** Names used in a reply that WAPing cannot fill (refused on save rather than sent as "{{typo}}"). */
export function unknownVariables(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!KNOWN.has(name)) unknown.add(name);
  }
  return [...unknown];
}

const ONE_PLACEHOLDER = /^\{\{\s*[A-Za-z_][A-Za-z0-9_.]*\s*(?:\|[^}]*)?\}\}$/;

/** Braces that are no placeholder at all (`{{1}}`, `{{first name}}`), which would be sent as written. */
export const notPlaceholders = (template: string): string[] => strayBraces(template, ONE_PLACEHOLDER);

/**
 * What an empty variable without a fallback of its own becomes. A customer without a WhatsApp
 * name was greeted "Hi !" before: a name falls back to "there"; the others are always known for
 * an inbound message, or are left out.
 */
export const DEFAULT_FALLBACKS: Record<ReplyVariable, string> = {
  'contact.name': 'there',
  'contact.phone': '',
  'device.name': '',
  'device.phone': '',
};

// Marks a placeholder that came out empty, so the space next to it can go too ("Hi !" → "Hi!").
const GONE = '\uE000';
const GONE_BEFORE_PUNCTUATION = new RegExp(`[ \\t]*${GONE}+(?=[ \\t]*[,.!?;:)]|$)`, 'gm');
const GONE_ELSEWHERE = new RegExp(`${GONE}+[ \\t]*`, 'g');

/**
 * Fills the placeholders: the value, else the placeholder's own fallback (`{{contact.name | friend}}`,
 * `{{contact.name |}}` for nothing), else the default above. Where nothing is left, the space
 * before punctuation or after the gap is dropped with it.
 */
export function renderReply(template: string, values: ReplyValues): string {
  return template
    .replace(PLACEHOLDER, (_all, name: string, fallback: string | undefined) => {
      const value = values[name as ReplyVariable]?.trim();
      if (value) return value;
      const chosen =
        fallback !== undefined ? fallback.trim() : (DEFAULT_FALLBACKS[name as ReplyVariable] ?? '');
      return chosen || GONE;
    })
    .replace(GONE_BEFORE_PUNCTUATION, '')
    .replace(GONE_ELSEWHERE, '')
    .trim();
}
