import { parseArgs } from 'node:util';
import { workspacesHelp } from './help.js';
import { loadPlans } from '../workspaces/plans.js';
import {
  findWorkspaceByIdOrName,
  insertWorkspace,
  listWorkspaces,
  updateWorkspace,
} from '../workspaces/store.js';
import { table, UsageError, withDatabase } from './context.js';
import { positionalsOf } from './positionals.js';

export async function workspacesCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { name: { type: 'string' }, plan: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || !sub || sub === '--help' || sub === '-h') return console.log(workspacesHelp);
  if (sub === 'list') {
    positionalsOf('workspaces list', positionals);
    return withDatabase(async ({ db }) => {
      const rows = await listWorkspaces(db);
      console.log(table(rows.map((w) => ({ id: w.id, name: w.name, plan: w.plan, created: w.created_at }))));
    });
  }
  if (sub === 'create') {
    positionalsOf('workspaces create', positionals);
    if (!values.name) throw new UsageError('workspaces create needs --name');
    return withDatabase(async ({ db }, config) => {
      const plan = values.plan ?? 'selfhosted';
      if (!loadPlans(config.plansFile).has(plan)) throw new UsageError(`unknown plan "${plan}"`);
      const taken = await db
        .selectFrom('workspaces')
        .select('id')
        .where('name', '=', values.name!)
        .executeTakeFirst();
      if (taken) throw new UsageError(`a workspace named "${values.name}" exists (${taken.id})`);
      const ws = await insertWorkspace(db, { name: values.name!, plan, now: new Date() });
      console.log(ws.id);
    });
  }
  if (sub === 'set-plan') {
    const [ref, plan] = positionalsOf('workspaces set-plan', positionals, ['the workspace', 'the plan']);
    if (!ref || !plan) throw new UsageError('workspaces set-plan needs the workspace and the plan');
    return withDatabase(async (handle, config) => {
      if (!loadPlans(config.plansFile).has(plan)) throw new UsageError(`unknown plan "${plan}"`);
      const ws = await findWorkspaceByIdOrName(handle.db, ref);
      if (!ws) throw new UsageError(`no workspace "${ref}"`);
      await updateWorkspace(handle.db, ws.id, { plan, now: new Date() });
      console.log(`${ws.id} is on the ${plan} plan`);
    });
  }
  throw new UsageError(`unknown command "workspaces ${sub}"\n${workspacesHelp}`);
}
