import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, errorMessage, type RequestBody, type Template } from '../../api';
import { useResource } from '../../hooks/useResource';
import { ErrorNote } from '../Notice';
import { AttachButton } from '../attach/AttachButton';
import { AttachmentChip } from '../attach/AttachmentChip';
import { mediaMessage, useAttachment } from '../attach/useAttachment';
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
  const files = useAttachment();
  const media = template ? null : (files.attachment?.media ?? null);
  const typing = useTypingSignal(conversationId);

  const send = async () => {
    if (sending || files.uploading) return;
    if (!template && files.attachment?.error)
      return setError('The file could not be attached: remove it or pick another before sending');
    if (!template && !media && text.trim() === '') return;
    setSending(true);
    setError(null);
    typing.stopped();
    try {
      const post = (body: RequestBody<'post', '/v1/conversations/{id}/messages'>) =>
        api.post('/v1/conversations/{id}/messages', {
          path: { id: conversationId },
          body,
          idempotencyKey: crypto.randomUUID(),
        });
      if (template) await post({ type: 'template', template: { id: template.id, variables } });
      else if (media) {
        // The typed text goes as the caption; audio takes none, so it follows as its own message.
        const { body, rest } = mediaMessage(media, text);
        await post(body);
        files.clear();
        if (rest) await post({ type: 'text', text: { body: rest } });
      } else await post({ type: 'text', text: { body: text } });
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
    <form
      className={`composer${files.dragging ? ' drop-target' : ''}`}
      onSubmit={onSubmit}
      aria-label="Reply"
      {...(template ? {} : files.dropHandlers)}
    >
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
            placeholder={
              files.attachment
                ? 'Add a caption (optional). Enter sends.'
                : 'Write a reply. Enter sends, Shift+Enter adds a line.'
            }
          />
        </label>
      )}
      {!template && (
        <div className="attach-row">
          <AttachButton onPick={files.attach} disabled={sending} />
          {files.attachment && <AttachmentChip attachment={files.attachment} onRemove={files.remove} />}
        </div>
      )}
      <button type="submit" className="primary" disabled={sending || (!template && files.uploading)}>
        {sending ? 'Sending…' : 'Send'}
      </button>
    </form>
  );
}
