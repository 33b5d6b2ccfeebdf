import { ConfigError } from './config.js';
import { UsageError } from './cli/errors.js';
import { HELP } from './cli/help.js';
import { parseArgsUsageError } from './cli/parse-errors.js';

const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

/** A setting in the environment, as the refusal below shows it for each command. */
const EXAMPLES: Record<string, string> = { serve: 'PORT=8080 ', migrate: 'DATABASE_URL=postgres://… ' };

/**
 * `serve` and `migrate` read everything from the environment: an argument (`serve --port 8080`)
 * would otherwise be ignored without a word, and the server start somewhere the user did not ask.
 */
function takesNoArguments(command: string, args: string[]): void {
  if (args.length === 0) return;
  throw new UsageError(
    `${command} takes no arguments (got ${args.join(' ')}): settings come from the environment, as in ${EXAMPLES[command] ?? ''}waping ${command}; see docs/configuration.md`,
  );
}

const COMMANDS = ['serve', 'migrate', 'workspaces', 'keys', 'users', 'devices', 'help'];

/** The command meant by a singular or a beginning (`key`, `workspace`, `dev`), when only one fits. */
function didYouMean(typed: string): string {
  const lower = typed.toLowerCase();
  if (lower.length < 3) return '';
  const fits = COMMANDS.filter((c) => c.startsWith(lower) || c === `${lower}s`);
  return fits.length === 1 ? `; did you mean "${fits[0]}"?` : '';
}

/** Each command is imported when used, so `waping keys …` does not load the server and its engines. */
async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve': {
      if (wantsHelp(rest)) return console.log(HELP);
      takesNoArguments(command, rest);
      const [{ serve }, { loadConfig }] = await Promise.all([import('./server.js'), import('./config.js')]);
      await serve(loadConfig());
      return;
    }
    case 'migrate':
      if (wantsHelp(rest)) return console.log('waping migrate   apply pending migrations and exit');
      takesNoArguments(command, rest);
      return (await import('./cli/migrate.js')).migrateCommand();
    case 'workspaces':
      return (await import('./cli/workspaces.js')).workspacesCommand(rest);
    case 'keys':
      return (await import('./cli/keys.js')).keysCommand(rest);
    case 'users':
      return (await import('./cli/users.js')).usersCommand(rest);
    case 'devices':
      return (await import('./cli/devices.js')).devicesCommand(rest);
    case 'help':
    case '--help':
    case '-h':
      return console.log(HELP);
    default:
      throw new UsageError(`unknown command "${command}"${didYouMean(command)}\n\n${HELP}`);
  }
}

const argv = process.argv.slice(2);
main(argv).catch((err: unknown) => {
  const usage = parseArgsUsageError(err, argv[0] ?? 'serve');
  if (err instanceof ConfigError || err instanceof UsageError || usage) {
    console.error(`waping: ${(usage ?? (err as Error)).message}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
