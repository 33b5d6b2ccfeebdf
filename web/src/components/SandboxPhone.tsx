import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { formatTime } from '../format';
import type { Device, SandboxMessage } from '../api';
import { Link } from '../router';
import { Empty, ErrorNote, RoleNote } from './Notice';
import { StatusBadge } from './StatusBadge';

/** The sandbox's scripted recipients (docs/api.md, "Magic numbers"). */
const MAGIC_NUMBERS: Array<[string, string]> = [
  ['+15555550101', 'not on WhatsApp: fails'],
  ['+15555550102', 'the send fails'],
  ['+15555550103', 'sent, never delivered'],
  ['+15555550104', 'delivered, never read'],
  ['any other number', 'delivered, then read'],
];

/** A pretend phone for the sandbox engine: scan the QR, read what customers received, write as a customer. */
export function SandboxPhone({ device, canUse }: { device: Device; canUse: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [inbox, setInbox] = useState<SandboxMessage[] | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const run = async (action: () => Promise<void>) => {
    setError(null);
    setNote(null);
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const value = (event: FormEvent<HTMLFormElement>, name: string) =>
    String(new FormData(event.currentTarget).get(name) ?? '');

  const scan = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const phone = value(event, 'phone');
    void run(async () => {
      await api.post('/v1/sandbox/devices/{id}/scan', { path: { id: device.id }, body: { phone } });
    });
  };
  const readInbox = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const to = value(event, 'to');
    void run(async () => {
      setInbox(
        (await api.get('/v1/sandbox/messages', { query: { to: to || undefined, deviceId: device.id } })).data,
      );
    });
  };
  const write = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const from = value(event, 'from');
    const text = value(event, 'text');
    const form = event.currentTarget;
    void run(async () => {
      await api.post('/v1/sandbox/inbound', { body: { deviceId: device.id, from, text } });
      form.reset();
      setNote(`Sent as ${from}; it appears in Messages.`);
    });
  };

  return (
    <section className="card sandbox" aria-labelledby="sandbox-title">
      <h3 id="sandbox-title">Sandbox phone</h3>
      <p className="muted small">A simulated WhatsApp for trying things out. Nothing reaches real phones.</p>
      {device.status === 'connected' && (
        <p className="notice notice-ok">
          Linked. Next: <Link href="/compose">send a message</Link> to any number, then watch it reach “read”
          in <Link href="/messages">Messages</Link>.
        </p>
      )}
      <details>
        <summary>Numbers with a scripted outcome</summary>
        <table className="list">
          <caption className="visually-hidden">
            Sandbox numbers and what happens to a message sent to them
          </caption>
          <thead>
            <tr>
              <th scope="col">Send to</th>
              <th scope="col">What happens</th>
            </tr>
          </thead>
          <tbody>
            {MAGIC_NUMBERS.map(([number, outcome]) => (
              <tr key={number}>
                <td className="mono">{number}</td>
                <td>{outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {!canUse && <RoleNote>Only admins and owners use the sandbox phone.</RoleNote>}
      <fieldset disabled={!canUse} className="sandbox-forms">
        {device.status === 'qr' && (
          <form onSubmit={scan}>
            <label>
              Scan the QR as the phone number
              <input name="phone" type="tel" required defaultValue="+15550001000" />
            </label>
            <button type="submit">Scan QR code</button>
          </form>
        )}
        <form onSubmit={readInbox}>
          <label>
            Recipient inbox (number)
            <input name="to" type="tel" placeholder="+15551234567" />
          </label>
          <button type="submit">Show inbox</button>
        </form>
        {device.status === 'connected' && (
          <form onSubmit={write}>
            <label>
              Customer number
              <input name="from" type="tel" required placeholder="+15551234567" />
            </label>
            <label>
              Their message
              <input name="text" required />
            </label>
            <button type="submit">Send as customer</button>
          </form>
        )}
      </fieldset>
      <ErrorNote message={error} />
      {note && <p role="status">{note}</p>}
      {inbox &&
        (inbox.length === 0 ? (
          <Empty title="This inbox is empty" />
        ) : (
          <ul className="plain inbox" aria-label="Sandbox inbox">
            {inbox.map((m) => (
              <li key={m.id}>
                <span className="muted small">
                  {formatTime(m.at)} → {m.to}
                </span>{' '}
                {m.text} <StatusBadge status={m.status} />
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
