import { UsageError } from './errors.js';

/**
 * Node's `parseArgs` refusals as a usage error, said in one line: they are TypeErrors with a code,
 * which the command line printed with a stack trace, and Node's text for an unknown option advises
 * a `--` separator no `waping` command takes.
 */
export function parseArgsUsageError(err: unknown, command: string): UsageError | null {
  if (!(err instanceof TypeError)) return null;
  const code = (err as TypeError & { code?: unknown }).code;
  const help = `see waping ${command} --help`;
  const quoted = (pattern: RegExp) => pattern.exec(err.message)?.[1] ?? '?';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${quoted(/option '([^']+)'/)}; ${help}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = quoted(/Option '(-\S+)/);
      return new UsageError(
        /argument missing/.test(err.message)
          ? `${option} needs a value; ${help}`
          : `${option} takes no value; ${help}`,
      );
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument ${quoted(/argument '([^']+)'/)}; ${help}`);
    default:
      return null;
  }
}
