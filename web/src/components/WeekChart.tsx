import { formatNumber } from '../format';
import { OUTCOMES, type DayStats, type Outcome } from '../stats';

const LABEL: Record<Outcome, string> = {
  read: 'Read',
  delivered: 'Delivered',
  sent: 'Sent',
  pending: 'Queued or sending',
  failed: 'Failed, expired or canceled',
};

const HEIGHT = 160;

/** The top of the scale: the day with most messages rounded up to 1, 2 or 5 times a power of ten, halved evenly. */
export function scaleTop(max: number): number {
  if (max <= 2) return 2;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].map((m) => m * power).find((top) => top >= max) ?? 10 * power;
  // An odd top would put a fraction at the middle line.
  return step % 2 === 0 ? step : step * 2;
}

/**
 * Stacked bars drawn in SVG (attributes, not inline styles, so the strict CSP holds), a value
 * axis (0, half, top) with grid lines, and each day's total under its name; a table carries every number.
 */
export function WeekChart({ days }: { days: DayStats[] }) {
  const max = scaleTop(Math.max(0, ...days.map((d) => d.total)));
  const width = 100 / days.length;
  return (
    <figure className="chart">
      <div className="chart-plot">
        <div className="chart-scale" aria-hidden="true">
          <span>{formatNumber(max)}</span>
          <span>{formatNumber(max / 2)}</span>
          <span>0</span>
        </div>
        <svg
          viewBox={`0 0 100 ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-labelledby="chart-caption"
        >
          {[0, HEIGHT / 2].map((y) => (
            <line key={y} className="chart-grid" x1={0} x2={100} y1={y + 0.5} y2={y + 0.5} />
          ))}
          {days.map((day, i) => {
            let y = HEIGHT;
            return (
              <g key={day.day}>
                {OUTCOMES.map((outcome) => {
                  const h = (day.counts[outcome] / max) * HEIGHT;
                  y -= h;
                  return h > 0 ? (
                    <rect
                      key={outcome}
                      className={`bar bar-${outcome}`}
                      x={i * width + width * 0.15}
                      y={y}
                      width={width * 0.7}
                      height={h}
                    />
                  ) : null;
                })}
              </g>
            );
          })}
        </svg>
      </div>
      <div className="chart-axis" aria-hidden="true">
        {days.map((d) => (
          <span key={d.day}>
            {d.label}
            <strong>{formatNumber(d.total)}</strong>
          </span>
        ))}
      </div>
      <figcaption id="chart-caption">
        <ul className="legend">
          {OUTCOMES.map((o) => (
            <li key={o}>
              <span className={`swatch bar-${o}`} aria-hidden="true" /> {LABEL[o]}
            </li>
          ))}
        </ul>
      </figcaption>
      <details>
        <summary>Numbers per day</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Total</th>
              {OUTCOMES.map((o) => (
                <th scope="col" key={o}>
                  {LABEL[o]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.label}</th>
                <td>{d.total}</td>
                {OUTCOMES.map((o) => (
                  <td key={o}>{d.counts[o]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
