import { useEffect } from 'react';
import { api, type Answer } from '../api';
import { formatNumber } from '../format';
import { useResource } from '../hooks/useResource';
import { CHANNEL_NAMES } from './ChannelOrder';
import { ErrorNote, Loading } from './Notice';

export type VerificationStatsData = Answer<'get', '/v1/verifications/stats'>;

const STATUS_LABEL: Record<keyof VerificationStatsData['byStatus'], string> = {
  approved: 'Approved',
  pending: 'Pending',
  expired: 'Expired',
  canceled: 'Canceled',
  max_attempts_reached: 'Too many wrong codes',
  failed: 'Not delivered',
};

export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** The last 7 days' codes; a reload asked for by `changes` (a send, a check) keeps the figures current. */
export function useVerificationStats(changes = 0) {
  const stats = useResource(() => api.get('/v1/verifications/stats'), 'verification-stats');
  const { reload } = stats;
  useEffect(() => {
    if (changes > 0) void reload();
  }, [changes, reload]);
  return stats;
}

/** Success rate, counts by outcome and a table per channel for the codes of the last 7 days. */
export function VerificationStats({ changes }: { changes: number }) {
  const stats = useVerificationStats(changes);
  const data = stats.data;
  return (
    <section className="card" aria-labelledby="verify-stats-title">
      <h2 id="verify-stats-title">Last 7 days</h2>
      <ErrorNote message={stats.error} />
      {!data ? (
        <Loading />
      ) : (
        <>
          <dl className="stat-tiles">
            <div>
              <dt>Success rate</dt>
              <dd className="big">{percent(data.conversionRate)}</dd>
            </div>
            <div>
              <dt>Codes sent</dt>
              <dd className="big">{formatNumber(data.total)}</dd>
            </div>
            {(Object.keys(STATUS_LABEL) as Array<keyof typeof STATUS_LABEL>).map((s) => (
              <div key={s}>
                <dt>{STATUS_LABEL[s]}</dt>
                <dd>{formatNumber(data.byStatus[s])}</dd>
              </div>
            ))}
          </dl>
          <p className="muted small">
            Success rate: approved among the codes that ended (pending ones left out).
          </p>
          {/* Focusable so a keyboard can scroll it on a narrow screen. */}
          <div className="table-wrap" tabIndex={0} role="group" aria-label="By channel">
            <table className="list">
              <caption>By channel</caption>
              <thead>
                <tr>
                  <th scope="col">Channel</th>
                  <th scope="col">Sends</th>
                  <th scope="col">Delivered</th>
                  <th scope="col">Failed</th>
                  <th scope="col">Approved</th>
                </tr>
              </thead>
              <tbody>
                {data.channels.map((c) => (
                  <tr key={c.channel}>
                    <th scope="row">{CHANNEL_NAMES[c.channel]}</th>
                    <td>{formatNumber(c.attempts)}</td>
                    <td>{formatNumber(c.delivered)}</td>
                    <td>{formatNumber(c.failed)}</td>
                    <td>{formatNumber(c.approved)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
