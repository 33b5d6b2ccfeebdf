import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { useDevices } from '../devices';
import type { AutoReply, RequestBody } from '../api';
import { ErrorNote } from './Notice';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function bodyOf(form: FormData): RequestBody<'post', '/v1/auto-replies'> {
  // The select offers the API's match types only; the server validates whatever arrives.
  const type = text(form, 'matchType') as AutoReply['match']['type'];
  const hours = form.get('hours') === 'on';
  const away = text(form, 'awayReply');
  return {
    name: text(form, 'name'),
    deviceId: text(form, 'deviceId') || null,
    priority: Number(text(form, 'priority') || 100),
    match: type === 'any' ? { type } : { type, pattern: text(form, 'pattern') },
    reply: text(form, 'reply'),
    cooldownMinutes: Number(text(form, 'cooldownMinutes') || 0),
    welcome: form.get('welcome') === 'on',
    enabled: form.get('enabled') === 'on',
    businessHours: hours
      ? {
          timeZone: text(form, 'timeZone'),
          days: form.getAll('days').map(Number),
          start: text(form, 'start'),
          end: text(form, 'end'),
          ...(away ? { awayReply: away } : {}),
        }
      : null,
  };
}

const BARE_PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g;
/** What the server writes for an empty variable without a fallback (docs/inbound.md, "Variables"). */
const DEFAULTS: Record<string, string> = { 'contact.name': '“there”' };

/** Warns about each placeholder without a fallback and says what an empty value becomes. */
function PlaceholderHints({ id, text }: { id: string; text: string }) {
  const bare = [...new Set([...text.matchAll(BARE_PLACEHOLDER)].map((m) => m[1] ?? ''))];
  if (bare.length === 0) return <span id={id} hidden />;
  return (
    <ul id={id} className="wide notice notice-warn hints">
      {bare.map((name) => (
        <li key={name}>
          {`{{${name}}}`} has no fallback: when it is empty the reply says {DEFAULTS[name] ?? 'nothing there'}
          . Write {`{{${name} | …}}`} to choose the words.
        </li>
      ))}
    </ul>
  );
}

/** Create or change a rule; every field of the API is here, with the defaults the API uses. */
export function RuleForm({ rule, onDone }: { rule?: AutoReply; onDone: () => void }) {
  const { devices } = useDevices();
  const [error, setError] = useState<string | null>(null);
  const [hours, setHours] = useState(Boolean(rule?.businessHours));
  const [reply, setReply] = useState(rule?.reply ?? '');
  const bh = rule?.businessHours;
  const zone = bh?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    setError(null);
    try {
      const body = bodyOf(new FormData(formElement));
      if (rule) await api.patch('/v1/auto-replies/{id}', { path: { id: rule.id }, body });
      else await api.post('/v1/auto-replies', { body });
      if (!rule) {
        formElement.reset();
        setReply('');
      }
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form
      className="form-grid"
      onSubmit={(e) => void submit(e)}
      aria-label={rule ? `Edit ${rule.name}` : 'New rule'}
    >
      <label>
        Name
        <input name="name" required maxLength={100} defaultValue={rule?.name} />
      </label>
      <label>
        Device
        <select name="deviceId" defaultValue={rule?.deviceId ?? ''}>
          <option value="">Every device</option>
          {devices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        When the message
        <select name="matchType" defaultValue={rule?.match.type ?? 'contains'}>
          <option value="contains">contains</option>
          <option value="exact">is exactly</option>
          <option value="regex">matches the regular expression</option>
          <option value="any">is anything</option>
        </select>
      </label>
      <label>
        Pattern <span className="muted">(not for “anything”)</span>
        <input name="pattern" maxLength={500} defaultValue={rule?.match.pattern ?? ''} />
      </label>
      <label className="wide">
        Reply{' '}
        <span className="muted">
          — may use {'{{contact.name}}'}, {'{{contact.phone}}'}, {'{{device.name}}'}, {'{{device.phone}}'}; a
          fallback for an empty value goes after a bar: {'{{contact.name | friend}}'}
        </span>
        <textarea
          name="reply"
          required
          rows={3}
          maxLength={4096}
          value={reply}
          onChange={(e) => setReply(e.target.value)}
          aria-describedby="reply-placeholders"
        />
      </label>
      <PlaceholderHints id="reply-placeholders" text={reply} />
      <label>
        Priority <span className="muted">(lower is tried first)</span>
        <input name="priority" type="number" min={0} max={10000} defaultValue={rule?.priority ?? 100} />
      </label>
      <label>
        Cooldown per contact (minutes)
        <input
          name="cooldownMinutes"
          type="number"
          min={0}
          max={43200}
          defaultValue={rule?.cooldownMinutes ?? 0}
        />
      </label>
      <label className="check">
        <input name="welcome" type="checkbox" defaultChecked={rule?.welcome ?? false} /> Only a contact's
        first message
      </label>
      <label className="check">
        <input name="enabled" type="checkbox" defaultChecked={rule?.enabled ?? true} /> Enabled
      </label>
      <label className="check wide">
        <input name="hours" type="checkbox" checked={hours} onChange={(e) => setHours(e.target.checked)} />{' '}
        Only during business hours
      </label>
      {hours && (
        <fieldset className="wide form-grid">
          <legend>Business hours</legend>
          <label>
            Time zone
            <input name="timeZone" required defaultValue={zone} />
          </label>
          <label>
            Opens
            <input name="start" type="time" required defaultValue={bh?.start ?? '09:00'} />
          </label>
          <label>
            Closes
            <input name="end" type="time" required defaultValue={bh?.end ?? '17:00'} />
          </label>
          <div className="wide row" role="group" aria-label="Days">
            {DAYS.map((day, i) => (
              <label key={day} className="check">
                <input
                  type="checkbox"
                  name="days"
                  value={i + 1}
                  defaultChecked={bh ? bh.days.includes(i + 1) : i < 5}
                />{' '}
                {day}
              </label>
            ))}
          </div>
          <label className="wide">
            Away reply <span className="muted">(sent outside the hours; empty: none)</span>
            <input name="awayReply" maxLength={4096} defaultValue={bh?.awayReply ?? ''} />
          </label>
        </fieldset>
      )}
      <div className="wide">
        <button type="submit" className="primary">
          {rule ? 'Save rule' : 'Create rule'}
        </button>
      </div>
      <ErrorNote message={error} />
    </form>
  );
}
