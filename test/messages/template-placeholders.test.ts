import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';

const it = appTest();

// Braces that are not a variable were stored as plain text: nothing fills them, so a template
// written as Meta numbers its placeholders sent "Your code is {{1}}" to every customer.
describe('a template body with braces that are not a variable', () => {
  it('is refused on create, naming each, and nothing is stored', async ({ t }) => {
    const res = await t.request({
      method: 'POST',
      url: '/v1/templates',
      payload: { name: 'meta-style', body: 'Hi {{1}}, your code is {{ 2 }}. Again: {{1}}' },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_ERROR',
      message:
        "{{1}}, {{ 2 }} are not variables: a variable's name starts with a letter or _ and continues with letters, digits, _ or . (like {{first_name}})",
      details: [{ field: 'body.body', message: 'has {{1}}, {{ 2 }}, which nothing would fill' }],
    });
    const list = await t.request({ method: 'GET', url: '/v1/templates' });
    expect(list.json().data).toEqual([]);
  });

  it('is refused on change, and the template keeps its text', async ({ t }) => {
    const created = await t.request({
      method: 'POST',
      url: '/v1/templates',
      payload: { name: 'greeting', body: 'Hello {{ first_name }}, order {{order.id}}' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, variables } = created.json<{ id: string; variables: string[] }>();
    expect(variables).toEqual(['first_name', 'order.id']);

    const patched = await t.request({
      method: 'PATCH',
      url: `/v1/templates/${id}`,
      payload: { body: 'Hello {{first name}}' },
    });
    expect(patched.statusCode, patched.body).toBe(400);
    expect(patched.json().error.message).toBe(
      "{{first name}} is not a variable: a variable's name starts with a letter or _ and continues with letters, digits, _ or . (like {{first_name}})",
    );
    const kept = await t.request({ method: 'GET', url: `/v1/templates/${id}` });
    expect(kept.json().body).toBe('Hello {{ first_name }}, order {{order.id}}');
  });

  it('is refused in the workspace text of verification codes, which kept it as written', async ({ t }) => {
    const res = await t.request({
      method: 'PATCH',
      url: '/v1/workspace',
      payload: { verification: { messageText: 'Code {{code}}, valid {{ minutes left }}' } },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details).toEqual([
      { field: 'body.verification.messageText', message: 'has {{ minutes left }}, which nothing would fill' },
    ]);
  });
});
