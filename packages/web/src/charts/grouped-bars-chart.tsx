import { COLORS, HATCH_ID, HatchDefs } from './palette.tsx';
import { linear, shorten } from './scale.ts';

export interface BarGroup {
  label: string;
  /** One value per series, in series order; null = not shown (too few responses). */
  values: (number | null)[];
}

export interface BarSeries {
  label: string;
  fill: string;
}

export const SATISFACTION_SERIES_FILLS = [COLORS.external, `url(#${HATCH_ID})`, COLORS.internal];

const W = 760;
const M = { top: 12, right: 16, bottom: 24, left: 250 };
const ROW = 44;

/**
 * Horizontal grouped bars on a fixed scale (e.g. 1–5 ratings) with an optional reference line: one group per
 * category, one bar per series. Missing values leave a gap (the data table says why).
 */
export function GroupedBarsChart(props: {
  groups: BarGroup[];
  series: BarSeries[];
  domain: [number, number];
  reference?: { value: number; label: string };
  /** The image's name (drawn as its <title>) and the id of the text describing it. */
  title: string;
  describedBy: string;
  testId?: string;
}) {
  const H = M.top + M.bottom + ROW * Math.max(1, props.groups.length);
  const x = linear(props.domain, [M.left, W - M.right]);
  const barH = (ROW - 10) / Math.max(1, props.series.length);
  const ticks = Array.from({ length: props.domain[1] - props.domain[0] + 1 }, (_, i) => props.domain[0] + i);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-describedby={props.describedBy}
      class="chart-svg"
      data-testid={props.testId}
    >
      <title>{props.title}</title>
      <HatchDefs />
      {ticks.map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={M.top} y2={H - M.bottom} stroke={COLORS.grid} />
          <text x={x(v)} y={H - M.bottom + 16} text-anchor="middle" class="tick">
            {v}
          </text>
        </g>
      ))}
      {props.groups.map((g, gi) => {
        const y0 = M.top + gi * ROW + 5;
        return (
          <g key={g.label}>
            <text x={M.left - 8} y={y0 + (ROW - 10) / 2 + 4} text-anchor="end" class="tick">
              {shorten(g.label, 32)}
            </text>
            {g.values.map((v, si) =>
              v === null ? null : (
                <rect
                  key={props.series[si]?.label ?? si}
                  x={x(props.domain[0])}
                  y={y0 + si * barH}
                  width={Math.max(0, x(v) - x(props.domain[0]))}
                  height={barH - 2}
                  fill={props.series[si]?.fill ?? COLORS.internal}
                />
              ),
            )}
          </g>
        );
      })}
      {props.reference && (
        <line
          x1={x(props.reference.value)}
          x2={x(props.reference.value)}
          y1={M.top - 4}
          y2={H - M.bottom}
          stroke={COLORS.planned}
          stroke-width="2"
          stroke-dasharray="6 4"
        />
      )}
    </svg>
  );
}
