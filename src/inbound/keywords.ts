import { DEFAULT_OPT_OUT_WORDS } from '../workspaces/views.js';
import type { WorkspaceSettings } from '../workspaces/settings.js';

/** The word that opts a contact back in after an opt-out. */
export const OPT_IN_WORD = 'START';

/**
 * How a keyword compares: customers type "Arrêt", "stop!" or " Baja. " and mean the same as
 * ARRET, STOP and BAJA, so accents, case, surrounding space and trailing punctuation are ignored.
 */
export function normalizeKeyword(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .trim()
    .replace(/[\s\p{P}\p{S}]+$/u, '')
    .toUpperCase();
}

export function optOutWordsOf(settings: WorkspaceSettings): Set<string> {
  const words = settings.optOutWords?.length ? settings.optOutWords : DEFAULT_OPT_OUT_WORDS;
  return new Set(words.map(normalizeKeyword).filter((w) => w.length > 0));
}

export type Keyword = 'opt_out' | 'opt_in' | null;

/** Whether a message is, in its entirety, an opt-out or opt-in keyword. */
export function keywordOf(text: string, optOutWords: Set<string>): Keyword {
  const word = normalizeKeyword(text);
  if (optOutWords.has(word)) return 'opt_out';
  if (word === OPT_IN_WORD) return 'opt_in';
  return null;
}
