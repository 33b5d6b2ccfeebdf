import { listed } from '../lib/listed.js';
import { UsageError } from './errors.js';

/**
 * The words a sub-command takes besides its options, refusing any past them: a key's name typed
 * without `--name`, or a second id, was otherwise dropped without a word and the command went on.
 */
export function positionalsOf(command: string, positionals: string[], takes: string[] = []): string[] {
  const extra = positionals[takes.length];
  if (extra !== undefined) {
    const [group] = command.split(' ');
    const what = takes.length === 0 ? 'options only' : `${listed(takes, 'and')}, then options`;
    throw new UsageError(
      `unexpected argument ${extra}: ${command} takes ${what}; see waping ${group} --help`,
    );
  }
  return positionals;
}
