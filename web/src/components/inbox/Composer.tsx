import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, errorMessage, type Template } from '../../api';
import { useResource } from '../../hooks/useResource';
import { ErrorNote } from '../Notice';
import { useTypingSignal } from './useTypingSignal';

/**
 * Enter sends, Shift+Enter starts a new line; a template may be sent instead, with its variables.
 * While the member types, the customer sees "typing…" (when the line's presence option is on).
 */
export function Composer({ conversationId, onSent }: { conversationId: string; onSent: () => void }) {
  const [text, setText] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [variables, setVariables] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const templates = useResource(() => api.get('/v1/templates', { query: { limit: 100 } }), 'inbox-templates');
  const template: Template | undefined = templates.data?.data.find((t) => t.id === templateId);
  const typing = useTypingSignal(conversationId);

  const send = async () => {
    if (sending || (!template && text.trim() === '')) return;
    setSending(true);
    setError(null);
    typing.stopped();
    try {
      await api.post('/v1/conversations/{id}/messages', {
        path: { id: conversationId },
        body: template
          ? { type: 'template', template: { id: template.id, variables } }
          : { type: 'text', text: { body: text } },
        idempotencyKey: crypto.randomUUID(),
      });
      setText('');
      setTemplateId('');
      setVariables({});
      onSent();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };
  return (
    <form className="composer" onSubmit={onSubmit} aria-label="Reply">
      <ErrorNote message={error} />
      {(templates.data?.data.length ?? 0) > 0 && (
        <label>
          Template
          <select value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            <option value="">None: write a message</option>
            {templates.data?.data.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {template ? (
        <>
          <p className="template-body">{template.body}</p>
          {template.variables.map((name) => (
            <label key={name}>
              {name}
              <input
                value={variables[name] ?? ''}
                onChange={(e) => setVariables((v) => ({ ...v, [name]: e.target.value }))}
                required
              />
            </label>
          ))}
        </>
      ) : (
        <label>
          <span className="visually-hidden">Message</span>
          <textarea
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value.trim() === '') typing.stopped();
              else typing.typed();
            }}
            onKeyDown={onKeyDown}
            rows={3}
            placeholder="Write a reply. Enter sends, Shift+Enter adds a line."
          />
        </label>
      )}
      <button type="submit" className="primary" disabled={sending}>
        {sending ? 'Sending…' : 'Send'}
      </button>
    </form>
  );
}
