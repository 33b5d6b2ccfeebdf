import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { useAuth, useSession } from '../auth';
import { useCapabilities } from '../capabilities';
import { ChannelOrder, choiceFrom, chosenChannels } from '../components/ChannelOrder';
import { ErrorNote, Loading, RoleNote, SuccessNote } from '../components/Notice';
import { PasswordForm } from '../components/PasswordForm';
import { RequireTwoFactor, TwoFactorCard } from '../components/TwoFactorCard';
import { formatNumber, limitText } from '../format';
import { useResource } from '../hooks/useResource';
import { can } from '../roles';
import type { Channel, Workspace } from '../api';

const ALL_CHANNELS: Channel[] = ['whatsapp', 'sms', 'email'];

const lines = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

function Plan({ workspace }: { workspace: Workspace }) {
  const { plan, usage } = workspace;
  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">Plan: {plan.name}</h2>
      <dl className="facts">
        <dt>Messages this month ({usage.period})</dt>
        <dd>
          {formatNumber(usage.messagesSent)} of {limitText(plan.messagesPerMonth)}
          {plan.messagesPerMonth !== null && (
            <meter
              min={0}
              max={plan.messagesPerMonth}
              value={usage.messagesSent}
              high={plan.messagesPerMonth * 0.8}
            >
              {usage.messagesSent}
            </meter>
          )}
        </dd>
        <dt>Devices</dt>
        <dd>
          {usage.devices} of {limitText(plan.devices)}
        </dd>
        <dt>Verifications this month</dt>
        <dd>{formatNumber(usage.verifications)}</dd>
        <dt>API access</dt>
        <dd>
          {plan.api ? `yes, ${limitText(plan.requestsPerMinute)} requests a minute` : 'no (dashboard only)'}
        </dd>
      </dl>
    </section>
  );
}

function SettingsForm({ workspace, onSaved }: { workspace: Workspace; onSaved: (w: Workspace) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const s = workspace.settings;
  const capabilities = useCapabilities();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const recipients = lines(String(form.get('alertRecipients')));
    setError(null);
    setSaved(false);
    try {
      onSaved(
        await api.patch('/v1/workspace', {
          body: {
            alertRecipients: recipients.length ? recipients : null,
            retentionDays: Number(form.get('retentionDays')),
            allowOtpToOptedOut: form.get('allowOtpToOptedOut') === 'on',
            optOutWords: lines(String(form.get('optOutWords'))),
          },
        }),
      );
      setSaved(true);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-labelledby="settings-title">
      <h2 id="settings-title">Workspace settings</h2>
      <label className="wide">
        Alert emails <span className="muted">(one per line; empty: owners and admins)</span>
        <textarea
          name="alertRecipients"
          rows={3}
          defaultValue={(s.alertRecipients ?? []).join('\n')}
          aria-describedby={capabilities && !capabilities.alertEmails ? 'no-smtp' : undefined}
        />
      </label>
      {capabilities && !capabilities.alertEmails && (
        <p id="no-smtp" className="notice notice-warn wide">
          No email server is set up on this server (WAPING_SMTP_URL), so no alert email is sent. The addresses
          are kept for when one is.
        </p>
      )}
      <label>
        Keep message texts for (days)
        <input
          name="retentionDays"
          type="number"
          min={1}
          max={3650}
          required
          defaultValue={s.retentionDays}
        />
      </label>
      <label className="wide">
        Opt-out words <span className="muted">(a customer sending one stops receiving messages)</span>
        {/* Grows with its words (CSS field-sizing), so none is hidden behind a scroll bar. */}
        <textarea
          name="optOutWords"
          className="grows"
          rows={3}
          required
          defaultValue={s.optOutWords.join(' ')}
        />
      </label>
      <label className="check">
        <input name="allowOtpToOptedOut" type="checkbox" defaultChecked={s.allowOtpToOptedOut} /> Still send
        verification codes to opted-out numbers
      </label>
      <div>
        <button type="submit" className="primary">
          Save settings
        </button>
      </div>
      <ErrorNote message={error} />
      {saved && <SuccessNote>Settings saved.</SuccessNote>}
    </form>
  );
}

function RenameForm({ workspace, onSaved }: { workspace: Workspace; onSaved: (w: Workspace) => void }) {
  const { refresh } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setSaved(false);
    try {
      onSaved(await api.patch('/v1/workspace', { body: { name: String(form.get('name')).trim() } }));
      setSaved(true);
      // The top bar shows the name from the session: read it again.
      await refresh();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-labelledby="rename-title">
      <h2 id="rename-title">Workspace name</h2>
      <label>
        Name
        <input
          name="name"
          required
          maxLength={100}
          defaultValue={workspace.name}
          autoComplete="organization"
        />
      </label>
      <div>
        <button type="submit" className="primary">
          Rename
        </button>
      </div>
      <ErrorNote message={error} />
      {saved && <SuccessNote>Workspace renamed.</SuccessNote>}
    </form>
  );
}

/** Code length, expiry, text and channel order: what a verification uses when its request does not say. */
function VerificationForm({ workspace, onSaved }: { workspace: Workspace; onSaved: (w: Workspace) => void }) {
  const v = workspace.settings.verification;
  const capabilities = useCapabilities();
  const offered = ALL_CHANNELS.filter((c) => capabilities?.channels[c] ?? c === 'whatsapp');
  const [picked, setPicked] = useState(() => choiceFrom(v.channels, ALL_CHANNELS));
  const choice = {
    order: picked.order.filter((c) => offered.includes(c)),
    used: picked.used.filter((c) => offered.includes(c)),
  };
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = String(form.get('messageText') ?? '').trim();
    const channels = chosenChannels(choice);
    setError(null);
    setSaved(false);
    if (channels.length === 0) {
      setError('Tick at least one channel.');
      return;
    }
    try {
      onSaved(
        await api.patch('/v1/workspace', {
          body: {
            verification: {
              codeLength: Number(form.get('codeLength')),
              ttlSeconds: Number(form.get('ttlMinutes')) * 60,
              messageText: text || null,
              channels,
            },
          },
        }),
      );
      setSaved(true);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-labelledby="codes-title">
      <h2 id="codes-title">Verification codes</h2>
      <p className="muted small wide">
        Used by every code whose request does not set its own length, expiry or channels.
      </p>
      <label>
        Code length (digits)
        <input name="codeLength" type="number" min={4} max={10} required defaultValue={v.codeLength} />
      </label>
      <label>
        Expires after (minutes)
        <input
          name="ttlMinutes"
          type="number"
          min={1}
          max={15}
          required
          defaultValue={Math.round(v.ttlSeconds / 60)}
        />
      </label>
      <label className="wide">
        Message text{' '}
        <span className="muted">
          (must contain {'{{code}}'}; {'{{minutes}}'} is the time left; empty: the default text in the
          recipient&apos;s language)
        </span>
        <textarea
          name="messageText"
          rows={2}
          maxLength={1000}
          defaultValue={v.messageText ?? ''}
          placeholder="{{code}} is your verification code. It expires in {{minutes}} minutes."
        />
      </label>
      <ChannelOrder
        legend="Channels, tried in this order"
        choice={choice}
        onChange={(next) =>
          setPicked({
            order: [...next.order, ...picked.order.filter((c) => !offered.includes(c))],
            used: next.used,
          })
        }
      />
      <div>
        <button type="submit" className="primary">
          Save code settings
        </button>
      </div>
      <ErrorNote message={error} />
      {saved && <SuccessNote>Code settings saved.</SuccessNote>}
    </form>
  );
}

export function Settings() {
  const { role } = useSession();
  const workspace = useResource(() => api.get('/v1/workspace'), 'workspace');
  return (
    <>
      <h1>Settings</h1>
      <ErrorNote message={workspace.error} />
      {!workspace.data ? (
        <Loading />
      ) : (
        <>
          <Plan workspace={workspace.data} />
          {can(role, 'admin') ? (
            <>
              <RenameForm workspace={workspace.data} onSaved={(w) => workspace.update(() => w)} />
              <SettingsForm workspace={workspace.data} onSaved={(w) => workspace.update(() => w)} />
              <VerificationForm workspace={workspace.data} onSaved={(w) => workspace.update(() => w)} />
            </>
          ) : (
            <RoleNote>Only admins and owners change workspace settings.</RoleNote>
          )}
          {role === 'owner' && (
            <RequireTwoFactor workspace={workspace.data} onSaved={(w) => workspace.update(() => w)} />
          )}
        </>
      )}
      <PasswordForm />
      <TwoFactorCard />
    </>
  );
}
