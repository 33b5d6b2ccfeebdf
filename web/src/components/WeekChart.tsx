import { OUTCOMES, type DayStats, type Outcome } from '../stats';

const LABEL: Record<Outcome, string> = {
  read: 'Read',
  delivered: 'Delivered',
  sent: 'Sent',
  pending: 'Queued or sending',
  failed: 'Failed, expired or canceled',
};

const HEIGHT = 160;

/** Stacked bars drawn in SVG (attributes, not inline styles, so the strict CSP holds); a table carries the numbers. */
export function WeekChart({ days }: { days: DayStats[] }) {
  const max = Math.max(1, ...days.map((d) => d.total));
  const width = 100 / days.length;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 100 ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby="chart-caption"
      >
        {days.map((day, i) => {
          let y = HEIGHT;
          return (
            <g key={day.day}>
              {OUTCOMES.map((outcome) => {
                const h = (day.counts[outcome] / max) * (HEIGHT - 8);
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
      <div className="chart-axis" aria-hidden="true">
        {days.map((d) => (
          <span key={d.day}>{d.label}</span>
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
