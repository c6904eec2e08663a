/**
 * A server-rendered bar chart of two numbers per week (no script, no inline style:
 * colours come from CSS classes). The SVG is one image with a title and a
 * description; the caller puts the same numbers in a table next to it.
 */

export interface WeekChartSeries {
  key: "sent" | "delivered";
  label: string;
}

interface WeekChartProps {
  id: string;
  title: string;
  description: string;
  weeks: { week: string; sent: number; delivered: number }[];
  series: WeekChartSeries[];
  /** Short label for a week's Monday (yyyy-mm-dd). */
  formatWeek: (week: string) => string;
}

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 12, bottom: 36, left: 44 };

/** A round axis maximum and its step: 1, 2 or 5 times a power of ten. */
export function niceScale(max: number, ticks = 4): { top: number; step: number } {
  if (max <= 0) return { top: ticks, step: 1 };
  const rough = max / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const whole = Math.max(1, Math.round(step));
  return { top: Math.ceil(max / whole) * whole, step: whole };
}

export function WeekChart({ id, title, description, weeks, series, formatWeek }: WeekChartProps) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(0, ...weeks.flatMap((w) => series.map((s) => w[s.key])));
  const { top, step } = niceScale(max);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const slot = plotWidth / Math.max(1, weeks.length);
  const barWidth = Math.max(1, (slot * 0.8) / series.length);
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 12));
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(v)}
              y2={y(v)}
              className={v === 0 ? "chart-axis" : "chart-grid"}
            />
            <text x={MARGIN.left - 6} y={y(v) + 4} textAnchor="end" className="chart-label">
              {v}
            </text>
          </g>
        ))}
        {weeks.map((w, i) => {
          const x0 = MARGIN.left + i * slot + slot * 0.1;
          return (
            <g key={w.week}>
              {series.map((s, j) => {
                const value = w[s.key];
                return (
                  <rect
                    key={s.key}
                    x={x0 + j * barWidth}
                    y={y(value)}
                    width={Math.max(1, barWidth - 1)}
                    height={y(0) - y(value)}
                    className={`chart-bar chart-bar-${s.key}`}
                  >
                    <title>{`${formatWeek(w.week)} · ${s.label}: ${value}`}</title>
                  </rect>
                );
              })}
              {i % labelEvery === 0 ? (
                <text
                  x={MARGIN.left + i * slot + slot / 2}
                  y={HEIGHT - MARGIN.bottom + 18}
                  textAnchor="middle"
                  className="chart-label"
                >
                  {formatWeek(w.week)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {series.map((s) => (
            <li key={s.key}>
              <span className={`chart-swatch chart-bar-${s.key}`} aria-hidden="true" /> {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
