import { keysCommand, keysHelp } from './cli/keys.js';
import { UsageError, withDatabase } from './cli/context.js';
import { usersCommand, usersHelp } from './cli/users.js';
import { workspacesCommand, workspacesHelp } from './cli/workspaces.js';
import { ConfigError, loadConfig } from './config.js';
import { migrateToLatest } from './db/migrate.js';
import { serve } from './server.js';

const HELP = `WAPing — self-hostable WhatsApp business-line gateway

Usage: waping [command]

waping serve                 start the server (default)
waping migrate               apply database migrations and exit
${workspacesHelp}
${keysHelp}
${usersHelp}

Configuration comes from the environment; see docs/configuration.md.`;

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve':
      if (rest.includes('--help') || rest.includes('-h')) return console.log(HELP);
      await serve(loadConfig());
      return;
    case 'migrate':
      if (rest.includes('--help') || rest.includes('-h'))
        return console.log('waping migrate   apply pending migrations and exit');
      await withDatabase(async (handle) => {
        const applied = await migrateToLatest(handle.db, handle.dialect);
        console.log(
          applied.length
            ? `database at ${handle.location} is up to date`
            : `nothing to apply at ${handle.location}`,
        );
      });
      return;
    case 'workspaces':
      return workspacesCommand(rest);
    case 'keys':
      return keysCommand(rest);
    case 'users':
      return usersCommand(rest);
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
