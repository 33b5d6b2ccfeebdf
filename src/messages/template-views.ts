import { Type, type Static } from 'typebox';
import type { TemplateRow } from './tables.js';

export const TemplateSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    body: Type.String(),
    variables: Type.Array(Type.String(), { description: 'The {{variables}} found in the body' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Template' },
);
export type TemplateView = Static<typeof TemplateSchema>;

export function toTemplateView(row: TemplateRow): TemplateView {
  return {
    id: row.id,
    name: row.name,
    body: row.body,
    variables: JSON.parse(row.variables) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
