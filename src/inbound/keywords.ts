import { validation } from '../lib/errors.js';
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

const matchable = (words: readonly string[]) => words.map(normalizeKeyword).filter((w) => w.length > 0);

/**
 * The words that opt a contact out in a workspace: its own list, or the defaults when it has none
 * that can match. A list stored before words were checked could hold only "" or punctuation,
 * which normalises to nothing; that list once left opt-out switched off for the workspace.
 */
export function optOutWordsOf(settings: WorkspaceSettings): Set<string> {
  const own = matchable(settings.optOutWords ?? []);
  return new Set(own.length > 0 ? own : matchable(DEFAULT_OPT_OUT_WORDS));
}

/**
 * A workspace's new opt-out words as stored (trimmed, upper-case). A word that is nothing once
 * matching's normalisation has run (blank, only punctuation or symbols) could never match a
 * message, and is refused, each such word named.
 */
export function optOutWordsToStore(words: readonly string[]): string[] {
  const unmatchable = words.flatMap((word, i) => (normalizeKeyword(word) ? [] : [{ word, i }]));
  if (unmatchable.length > 0) {
    throw validation(
      `The opt-out word ${JSON.stringify(unmatchable[0]!.word)} could never match a message: ` +
        'matching ignores case, accents, surrounding spaces and trailing punctuation and symbols',
      unmatchable.map(({ word, i }) => ({
        field: `body.optOutWords.${i}`,
        message: `${JSON.stringify(word)} is only spaces, punctuation or symbols`,
      })),
    );
  }
  return words.map((w) => w.trim().toUpperCase());
}

export type Keyword = 'opt_out' | 'opt_in' | null;

/** Whether a message is, in its entirety, an opt-out or opt-in keyword. */
export function keywordOf(text: string, optOutWords: Set<string>): Keyword {
  const word = normalizeKeyword(text);
  if (optOutWords.has(word)) return 'opt_out';
  if (word === OPT_IN_WORD) return 'opt_in';
  return null;
}
