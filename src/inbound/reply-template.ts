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

export function renderReply(template: string, values: ReplyValues): string {
  return template
    .replace(PLACEHOLDER, (_all, name: string, fallback: string | undefined) => {
      const value = values[name as ReplyVariable];
      return value ? value : (fallback ?? '').trim();
    })
    .trim();
}
