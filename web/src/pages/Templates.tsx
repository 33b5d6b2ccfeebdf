import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { useSession } from '../auth';
import { ConfirmButton } from '../components/ConfirmButton';
import { Empty, ErrorNote, Loading, RoleNote } from '../components/Notice';
import { callSnippets, Snippets } from '../components/Snippets';
import { formatDateTime } from '../format';
import { useResource } from '../hooks/useResource';
import { can } from '../roles';
import type { Template } from '../api';

function TemplateForm({ template, onDone }: { template?: Template; onDone: (t: Template) => void }) {
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body = { name: String(form.get('name')), body: String(form.get('body')) };
    setError(null);
    try {
      onDone(
        template
          ? await api.patch('/v1/templates/{id}', { path: { id: template.id }, body })
          : await api.post('/v1/templates', { body }),
      );
      if (!template) formElement.reset();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const prefix = template ? `edit-${template.id}` : 'new';
  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="stack"
      aria-label={template ? `Edit ${template.name}` : 'New template'}
    >
      <label htmlFor={`${prefix}-name`}>Name</label>
      <input
        id={`${prefix}-name`}
        name="name"
        required
        maxLength={100}
        defaultValue={template?.name}
        placeholder="order_shipped"
      />
      <label htmlFor={`${prefix}-body`}>
        Text <span className="muted">— write {'{{name}}'} where a value goes</span>
      </label>
      <textarea
        id={`${prefix}-body`}
        name="body"
        required
        rows={4}
        maxLength={4096}
        defaultValue={template?.body}
      />
      <ErrorNote message={error} />
      <div>
        <button type="submit" className="primary">
          {template ? 'Save template' : 'Create template'}
        </button>
      </div>
    </form>
  );
}

export function Templates() {
  const { role } = useSession();
  const list = useResource(() => api.get('/v1/templates', { query: { limit: 100 } }), 'templates');
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editable = can(role, 'messages');
  const templates = list.data?.data ?? [];

  const remove = async (id: string) => {
    try {
      await api.delete('/v1/templates/{id}', { path: { id } });
      await list.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <>
      <h1>Templates</h1>
      {editable ? (
        <section className="card" aria-labelledby="new-template">
          <h2 id="new-template">New template</h2>
          <TemplateForm onDone={() => void list.reload()} />
        </section>
      ) : (
        <RoleNote>Your role can use templates but not change them.</RoleNote>
      )}
      <ErrorNote message={list.error ?? error} />
      {!list.data ? (
        <Loading />
      ) : templates.length === 0 ? (
        <Empty title="No templates yet">
          Templates keep wording consistent; variables become fields in Compose.
        </Empty>
      ) : (
        <ul className="cards">
          {templates.map((t) => (
            <li key={t.id} className="card">
              {editing === t.id ? (
                <TemplateForm
                  template={t}
                  onDone={() => {
                    setEditing(null);
                    void list.reload();
                  }}
                />
              ) : (
                <>
                  <h2>{t.name}</h2>
                  <p className="message-body">{t.body}</p>
                  <p className="muted small">
                    Variables: {t.variables.length ? t.variables.join(', ') : 'none'} · changed{' '}
                    {formatDateTime(t.updatedAt)}
                  </p>
                  <details className="snippet-details">
                    <summary>Send it from code</summary>
                    <Snippets
                      title={`Send ${t.name} from code`}
                      snippets={callSnippets('POST', '/v1/messages', {
                        to: '+15551234567',
                        type: 'template',
                        template: {
                          id: t.id,
                          variables: Object.fromEntries(t.variables.map((name) => [name, name])),
                        },
                      })}
                    />
                  </details>
                  {editable && (
                    <div className="actions">
                      <button type="button" onClick={() => setEditing(t.id)}>
                        Edit
                      </button>
                      <ConfirmButton
                        label="Delete"
                        confirmLabel={`Delete ${t.name}`}
                        onConfirm={() => remove(t.id)}
                      />
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
