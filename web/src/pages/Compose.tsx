import { useState, type FormEvent } from 'react';
import { api, ApiError, errorMessage } from '../api';
import { useSession } from '../auth';
import { MessageDrawer } from '../components/MessageDrawer';
import { AttachButton } from '../components/attach/AttachButton';
import { AttachmentChip } from '../components/attach/AttachmentChip';
import { mediaMessage, useAttachment } from '../components/attach/useAttachment';
import { ErrorNote, RoleNote, SuccessNote } from '../components/Notice';
import { useDevices } from '../devices';
import { useResource } from '../hooks/useResource';
import { can } from '../roles';
import { Link } from '../router';
import type { Message, RequestBody } from '../api';

type Kind = 'text' | 'template';

function newKey(): string {
  return crypto.randomUUID();
}

export function Compose() {
  const { role } = useSession();
  const { devices } = useDevices();
  const templates = useResource(() => api.get('/v1/templates', { query: { limit: 100 } }), 'templates');
  const [kind, setKind] = useState<Kind>('text');
  const [templateId, setTemplateId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<Message | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per message being written: a double click or a retry after a network error sends once.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const files = useAttachment();

  if (!can(role, 'messages')) {
    return (
      <>
        <h1>Compose</h1>
        <RoleNote>
          Your role ({role}) can read messages but not send them. Ask an admin for the agent role.
        </RoleNote>
      </>
    );
  }

  const template = templates.data?.data.find((t) => t.id === templateId);
  const connected = devices.filter((d) => d.status === 'connected');
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const deviceId = String(form.get('deviceId') ?? '');
    const body: RequestBody<'post', '/v1/messages'> = {
      to: String(form.get('to')),
      type: kind,
      ...(deviceId ? { deviceId } : {}),
      ...(form.get('wait') === 'on' ? { queueIfDisconnected: true } : {}),
    };
    const media = files.attachment?.media;
    // Text sent after the file: what was typed when the file (audio) takes no caption.
    let rest = '';
    if (kind === 'text' && files.attachment) {
      if (!media) {
        setError(
          files.attachment.error
            ? 'The file could not be attached: remove it or pick another before sending'
            : 'The file is still uploading',
        );
        return;
      }
      const message = mediaMessage(media, String(form.get('body') ?? ''));
      Object.assign(body, message.body);
      rest = message.rest;
    } else if (kind === 'text') body.text = { body: String(form.get('body')) };
    else {
      const variables = Object.fromEntries(
        (template?.variables ?? []).map((v) => [v, String(form.get(`var:${v}`) ?? '')]),
      );
      body.template = { id: templateId, variables };
    }
    setBusy(true);
    setError(null);
    setSent(null);
    const formElement = event.currentTarget;
    try {
      const queued = await api.post('/v1/messages', { body, idempotencyKey });
      setIdempotencyKey(newKey());
      if (rest) {
        const { media: _sent, ...addressed } = body;
        await api.post('/v1/messages', {
          body: { ...addressed, type: 'text', text: { body: rest } },
          idempotencyKey: newKey(),
        });
      }
      setSent(queued);
      files.clear();
      formElement.reset();
      setKind('text');
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'SESSION_DISCONNECTED'
          ? 'No device is connected. Connect one on the Devices page, or tick “Wait in the queue until a device connects”.'
          : errorMessage(err),
      );
      // The server answered and refused: nothing was sent, and the corrected message is another
      // request. Only a send that never got an answer keeps its key, so a retry cannot send twice.
      if (err instanceof ApiError && err.status > 0) setIdempotencyKey(newKey());
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Compose</h1>
      {connected.length === 0 && (
        <p className="notice notice-warn" role="status">
          No device is connected: a message sent now is refused unless you let it wait in the queue (below).{' '}
          <Link href="/devices">Connect a device</Link> to send right away.
        </p>
      )}
      <form className="card compose" onSubmit={(e) => void submit(e)} aria-label="New message">
        <label>
          From device
          <select name="deviceId" defaultValue="">
            <option value="">Any connected device</option>
            {devices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.status})
              </option>
            ))}
          </select>
        </label>
        <label>
          To (phone number with country code)
          <input name="to" type="tel" required placeholder="+15551234567" autoComplete="off" />
        </label>
        <fieldset className="choice">
          <legend>Message type</legend>
          {(['text', 'template'] as const).map((k) => (
            <label key={k} className="check">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
              {k === 'text' ? 'Text' : 'Template'}
            </label>
          ))}
        </fieldset>
        {kind === 'text' ? (
          <div className={files.dragging ? 'drop-target' : undefined} {...files.dropHandlers}>
            <label>
              {files.attachment ? 'Caption (optional)' : 'Message'}
              <textarea name="body" required={!files.attachment} maxLength={4096} rows={5} />
            </label>
            <div className="attach-row">
              <AttachButton onPick={files.attach} disabled={busy} />
              {files.attachment && <AttachmentChip attachment={files.attachment} onRemove={files.remove} />}
            </div>
          </div>
        ) : (
          <>
            <label>
              Template
              <select
                name="templateId"
                required
                value={templateId}
                onChange={(e) => setTemplateId(e.target.value)}
              >
                <option value="">Choose a template</option>
                {(templates.data?.data ?? []).map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
            {templates.data?.data.length === 0 && (
              <p className="muted">
                No templates yet: <Link href="/templates">create one</Link>.
              </p>
            )}
            {template && <p className="message-body muted">{template.body}</p>}
            {template?.variables.map((v) => (
              <label key={v}>
                {v}
                <input name={`var:${v}`} required />
              </label>
            ))}
          </>
        )}
        <label className="check">
          <input type="checkbox" name="wait" /> Wait in the queue until a device connects
        </label>
        <ErrorNote message={error ?? templates.error} />
        <button type="submit" className="primary" disabled={busy || (kind === 'text' && files.uploading)}>
          {busy ? 'Sending…' : 'Send message'}
        </button>
      </form>
      {sent && (
        <SuccessNote>
          Queued for {sent.to}.{' '}
          <button type="button" className="link" onClick={() => setOpenId(sent.id)}>
            Follow its status
          </button>{' '}
          or see the <Link href="/messages">message log</Link>.
        </SuccessNote>
      )}
      {openId && <MessageDrawer id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}
