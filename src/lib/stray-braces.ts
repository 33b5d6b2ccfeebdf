const BRACES = /\{\{[^{}]*\}\}/g;

/**
 * Each distinct `{{…}}` in a text that is not a placeholder of its syntax (`placeholder`, anchored
 * at both ends): `{{1}}` as Meta numbers its template placeholders, `{{first name}}`. Nothing fills
 * them, so a text holding one would reach every customer with the braces as written.
 */
export function strayBraces(text: string, placeholder: RegExp): string[] {
  return [...new Set(text.match(BRACES) ?? [])].filter((braces) => !placeholder.test(braces));
}
