import { ConfigError } from './config.js';
import { UsageError } from './cli/errors.js';
import { HELP } from './cli/help.js';

const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

/** Each command is imported when used, so `waping keys …` does not load the server and its engines. */
async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve': {
      if (wantsHelp(rest)) return console.log(HELP);
      const [{ serve }, { loadConfig }] = await Promise.all([import('./server.js'), import('./config.js')]);
      await serve(loadConfig());
      return;
    }
    case 'migrate':
      if (wantsHelp(rest)) return console.log('waping migrate   apply pending migrations and exit');
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
      throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof UsageError) {
    console.error(`waping: ${err.message}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
