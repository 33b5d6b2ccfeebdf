import type { CreationHook, Db, DbOrTx } from '../db/database.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { conflict, notFound, validation } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { strayBraces } from '../lib/stray-braces.js';
import type { TemplateRow } from './tables.js';

const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g;

export function templateVariables(body: string): string[] {
  return [...new Set([...body.matchAll(VARIABLE)].map((m) => m[1]!))];
}

const ONE_VARIABLE = /^\{\{\s*[A-Za-z_][A-Za-z0-9_.]*\s*\}\}$/;

/** Refuses braces that are not a variable, which would reach every customer as written. */
export function assertPlaceholdersAreVariables(body: string, field: string): void {
  const notVariables = strayBraces(body, ONE_VARIABLE);
  if (notVariables.length === 0) return;
  const said = notVariables.join(', ');
  throw validation(
    `${said} ${notVariables.length === 1 ? 'is not a variable' : 'are not variables'}: a variable's name starts with a letter or _ and continues with letters, digits, _ or . (like {{first_name}})`,
    [{ field, message: `has ${said}, which nothing would fill` }],
  );
}

/** Fills `{{name}}` placeholders; a missing variable is the caller's error and names itself. */
export function renderTemplate(body: string, variables: Record<string, string | number | boolean>): string {
  // Own keys only: `{{constructor}}` read off a plain object is Object's constructor, as text.
  const given = (name: string) => Object.hasOwn(variables, name) && variables[name] !== undefined;
  const missing = templateVariables(body).filter((name) => !given(name));
  if (missing.length > 0) {
    throw validation(
      `Missing template variable ${missing.map((m) => `"${m}"`).join(', ')}`,
      missing.map((m) => ({ field: `body.template.variables.${m}`, message: 'is required by the template' })),
    );
  }
  return body.replace(VARIABLE, (_all, name: string) => String(variables[name]));
}

/** The most characters a text message may have, as `text.body` allows. */
export const MAX_TEXT_CHARACTERS = 4096;

/**
 * A filled template as a text message: held to the rules of a `text.body` (1 to 4,096
 * characters, not only spaces), which a template filled to nothing or to more was not.
 */
export function filledTemplateText(text: string): string {
  if (text.trim() === '') {
    throw validation('The template filled with these variables is empty', [
      { field: 'body.template.variables', message: 'leave the message empty' },
    ]);
  }
  // Characters as the schema counts them: code points, not UTF-16 units.
  const length = [...text].length;
  if (length > MAX_TEXT_CHARACTERS) {
    throw validation(
      `The template filled with these variables has ${length} characters; a message has at most ${MAX_TEXT_CHARACTERS}`,
      [
        {
          field: 'body.template.variables',
          message: `make the message longer than ${MAX_TEXT_CHARACTERS} characters`,
        },
      ],
    );
  }
  return text;
}

export async function findTemplate(
  db: DbOrTx,
  workspaceId: string,
  ref: { id?: string; name?: string },
): Promise<TemplateRow> {
  let query = db.selectFrom('templates').selectAll().where('workspace_id', '=', workspaceId);
  if (ref.id) query = query.where('id', '=', ref.id);
  else if (ref.name) query = query.where('name', '=', ref.name.trim());
  else
    throw validation('template needs "id" or "name"', [
      { field: 'body.template', message: 'needs id or name' },
    ]);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('Template');
  return row;
}

const nameTaken = (name: string) => conflict(`A template named "${name}" exists`);

async function assertNameFree(db: DbOrTx, workspaceId: string, name: string, exceptId?: string) {
  let query = db
    .selectFrom('templates')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', name);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw nameTaken(name);
}

/** The unique name index's refusal, for a name another request took after the check above. */
const orNameTaken = (name: string) => (err: unknown) => {
  throw isUniqueViolation(err) ? nameTaken(name) : err;
};

export async function createTemplate(
  db: Db,
  workspaceId: string,
  input: { name: string; body: string },
  now: Date,
  /** Runs in the creating transaction (an Idempotency-Key's claim records the template with it). */
  onCreate?: CreationHook,
) {
  assertPlaceholdersAreVariables(input.body, 'body.body');
  // Stored trimmed: "otp " beside "otp" would look like one template in every list.
  const name = input.name.trim();
  await assertNameFree(db, workspaceId, name);
  const at = now.toISOString();
  const row: TemplateRow = {
    id: newId('tpl', now.getTime()),
    workspace_id: workspaceId,
    name,
    body: input.body,
    variables: JSON.stringify(templateVariables(input.body)),
    created_at: at,
    updated_at: at,
  };
  await db
    .transaction()
    .execute(async (trx) => {
      await trx.insertInto('templates').values(row).execute();
      await onCreate?.(trx, row.id);
    })
    .catch(orNameTaken(row.name));
  return row;
}

export async function updateTemplate(
  db: DbOrTx,
  workspaceId: string,
  id: string,
  patch: { name?: string; body?: string },
  now: Date,
) {
  if (patch.body !== undefined) assertPlaceholdersAreVariables(patch.body, 'body.body');
  const row = await findTemplate(db, workspaceId, { id });
  const name = patch.name?.trim();
  if (name !== undefined) await assertNameFree(db, workspaceId, name, id);
  // Only the columns asked are written: the name and body of a row read first, written back,
  // undid a change to the other one made at the same moment.
  const changed: { name?: string; body?: string; variables?: string; updated_at: string } = {
    updated_at: now.toISOString(),
  };
  if (name !== undefined) changed.name = name;
  if (patch.body !== undefined) {
    changed.body = patch.body;
    changed.variables = JSON.stringify(templateVariables(patch.body));
  }
  await db
    .updateTable('templates')
    .set(changed)
    .where('id', '=', id)
    .execute()
    .catch(orNameTaken(name ?? row.name));
  return findTemplate(db, workspaceId, { id });
}

export async function deleteTemplate(db: DbOrTx, workspaceId: string, id: string) {
  await findTemplate(db, workspaceId, { id });
  await db.deleteFrom('templates').where('id', '=', id).execute();
}

export async function listTemplates(
  db: DbOrTx,
  workspaceId: string,
  page: { limit: number; before?: string },
) {
  let query = db.selectFrom('templates').selectAll().where('workspace_id', '=', workspaceId);
  if (page.before) query = query.where('id', '<', page.before);
  return query.orderBy('id', 'desc').limit(page.limit).execute();
}
