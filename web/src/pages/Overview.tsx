import { useEffect, useRef, useState } from 'react';
import { api, getAll } from '../api';
import { ErrorNote, Empty, Loading } from '../components/Notice';
import { staleNote } from '../components/staleness';
import { StatusBadge } from '../components/StatusBadge';
import { percent, useVerificationStats } from '../components/VerificationStats';
import { WeekChart } from '../components/WeekChart';
import { useDevices } from '../devices';
import { formatNumber, formatSince, limitText } from '../format';
import { useResource } from '../hooks/useResource';
import { useLiveEvent, useLiveOpened } from '../live';
import { Link } from '../router';
import { dailyStats, deliveryRate, windowStart } from '../stats';
import type { Workspace } from '../api';

const DAYS = 7;

function Quota({ workspace }: { workspace: Workspace }) {
  const { plan, usage } = workspace;
  return (
    <section className="card" aria-labelledby="quota-title">
      <h2 id="quota-title">This month</h2>
      <p className="big">{formatNumber(usage.messagesSent)}</p>
      <p className="muted">
        messages sent of {limitText(plan.messagesPerMonth)} on the {plan.name} plan
      </p>
      {plan.messagesPerMonth !== null && (
        <meter
          min={0}
          max={plan.messagesPerMonth}
          value={usage.messagesSent}
          high={plan.messagesPerMonth * 0.8}
        >
          {usage.messagesSent} of {plan.messagesPerMonth}
        </meter>
      )}
      <p className="muted small">
        {formatNumber(usage.verifications)} verifications · {usage.devices} of {limitText(plan.devices)}{' '}
        devices
      </p>
    </section>
  );
}

/** The time now, moved on every half minute, so a device that waits too long gets flagged while the page is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function DeviceHealth() {
  const { devices, loading, error } = useDevices();
  const now = useNow();
  const stale = devices.filter((d) => staleNote(d, now) !== null).length;
  return (
    <section className="card" aria-labelledby="health-title">
      <h2 id="health-title">Devices</h2>
      {stale > 0 && (
        <p className="notice notice-warn">
          {stale === 1 ? '1 device needs' : `${stale} devices need`} attention.
        </p>
      )}
      <ErrorNote message={error} />
      {loading ? (
        <Loading />
      ) : devices.length === 0 ? (
        <Empty title="No device yet">
          <Link href="/devices">Add a WhatsApp number</Link> to start sending.
        </Empty>
      ) : (
        <ul className="plain">
          {devices.map((d) => {
            const note = staleNote(d, now);
            return (
              <li key={d.id} className="row-between">
                <Link href={`/devices/${d.id}`}>{d.name}</Link>
                <span>
                  <StatusBadge status={d.status} />{' '}
                  <span className="muted small">{formatSince(d.statusChangedAt, now)}</span>
                </span>
                {note && <span className="stale small wide-row">⚠ {note}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function Overview() {
  const workspace = useResource(() => api.get('/v1/workspace'), 'workspace');
  const week = useResource(
    () => getAll('/v1/messages', { direction: 'out', since: windowStart(DAYS).toISOString() }),
    'week',
  );
  const inbound = useResource(
    () => getAll('/v1/messages', { direction: 'in', since: windowStart(DAYS).toISOString() }),
    'week-in',
  );
  const verifications = useVerificationStats();
  // Many receipts arrive together; one refresh a second is plenty for a chart.
  const pending = useRef<number | null>(null);
  useLiveEvent('message', () => {
    if (pending.current !== null) return;
    pending.current = window.setTimeout(() => {
      pending.current = null;
      void week.reload();
      void inbound.reload();
      void workspace.reload();
    }, 1000);
  });
  useLiveOpened(() => {
    void week.reload();
    void inbound.reload();
    void workspace.reload();
  });
  useEffect(() => () => window.clearTimeout(pending.current ?? undefined), []);

  const days = week.data ? dailyStats(week.data.items, DAYS) : null;
  const rate = days ? deliveryRate(days) : null;
  const sent = days ? days.reduce((n, d) => n + d.total, 0) : null;
  const received = inbound.data
    ? `${formatNumber(inbound.data.items.length)}${inbound.data.complete ? '' : '+'}`
    : '—';
  const v = verifications.data;
  return (
    <>
      <h1>Overview</h1>
      <div className="grid">
        <DeviceHealth />
        {workspace.data ? <Quota workspace={workspace.data} /> : <ErrorNote message={workspace.error} />}
      </div>
      <section className="card" aria-labelledby="week-title">
        <h2 id="week-title">Last 7 days</h2>
        <dl className="stat-tiles">
          <div>
            <dt>Sent</dt>
            <dd className="big">{sent === null ? '—' : formatNumber(sent)}</dd>
          </div>
          <div>
            <dt>Delivery rate</dt>
            <dd className="big">{percent(rate)}</dd>
          </div>
          <div>
            <dt>Received</dt>
            <dd className="big">{received}</dd>
          </div>
          <div>
            <dt>Verifications</dt>
            <dd className="big">{v ? formatNumber(v.total) : '—'}</dd>
          </div>
          <div>
            <dt>
              <Link href="/verifications">Verification success</Link>
            </dt>
            <dd className="big">{v ? percent(v.conversionRate) : '—'}</dd>
          </div>
        </dl>
        <ErrorNote message={week.error ?? inbound.error ?? verifications.error} />
        {!days ? (
          <Loading />
        ) : days.every((d) => d.total === 0) ? (
          <Empty title="No messages sent this week">
            <Link href="/compose">Send one</Link> or use the API.
          </Empty>
        ) : (
          <WeekChart days={days} />
        )}
        {week.data && !week.data.complete && (
          <p className="muted small">Showing the most recent 2,000 messages of the week.</p>
        )}
      </section>
    </>
  );
}
