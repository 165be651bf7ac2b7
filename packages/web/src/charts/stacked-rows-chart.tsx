import { COLORS } from './palette.tsx';
import { linear, niceTicks, shorten } from './scale.ts';

export interface StackedRow {
  label: string;
  values: number[];
}

const W = 760;
const M = { top: 12, right: 16, bottom: 28, left: 250 };
const ROW = 30;

/** Horizontal stacked bars: one row per category, one segment per (ordered) series, white gaps between segments. */
export function StackedRowsChart(props: {
  rows: StackedRow[];
  fills: readonly string[];
  /** The image's name (drawn as its <title>) and the id of the text describing it. */
  title: string;
  describedBy: string;
  testId?: string;
}) {
  const H = M.top + M.bottom + ROW * Math.max(1, props.rows.length);
  const max = Math.max(1, ...props.rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const ticks = niceTicks(max, 5);
  const x = linear([0, ticks[ticks.length - 1] ?? max], [M.left, W - M.right]);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-describedby={props.describedBy}
      class="chart-svg"
      data-testid={props.testId}
    >
      <title>{props.title}</title>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={M.top} y2={H - M.bottom} stroke={COLORS.grid} />
          <text x={x(v)} y={H - M.bottom + 16} text-anchor="middle" class="tick">
            {v}
          </text>
        </g>
      ))}
      {props.rows.map((r, ri) => {
        const y0 = M.top + ri * ROW + 4;
        let acc = 0;
        return (
          <g key={r.label}>
            <text x={M.left - 8} y={y0 + (ROW - 8) / 2 + 4} text-anchor="end" class="tick">
              {shorten(r.label, 32)}
            </text>
            {r.values.map((v, si) => {
              const from = acc;
              acc += v;
              return v > 0 ? (
                <rect
                  key={String(si)}
                  x={x(from)}
                  y={y0}
                  width={Math.max(0, x(acc) - x(from))}
                  height={ROW - 8}
                  fill={props.fills[si % props.fills.length]}
                  stroke="#ffffff"
                  stroke-width="1"
                />
              ) : null;
            })}
          </g>
        );
      })}
    </svg>
  );
}
