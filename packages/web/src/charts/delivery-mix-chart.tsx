import { COLORS, HATCH_ID, HatchDefs } from './palette.tsx';
import { labelEvery, linear, niceTicks } from './scale.ts';

export interface MixPoint {
  label: string;
  external: number;
  mixed: number;
  internal: number;
  /** 0–1, null when no session. */
  share: number | null;
  planned: number | null;
}

const W = 760;
const H = 320;
const M = { top: 16, right: 56, bottom: 44, left: 48 };

/** Joins defined points with straight segments; a gap (null) breaks the line. */
function linePath(points: (readonly [number, number] | null)[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
    pen = true;
  }
  return d;
}

/**
 * Sessions per period stacked by delivery class (external at the bottom, then mixed, then internal), with the
 * internal share (solid line, right axis) against the planned trajectory (dashed). The image is described by the
 * figure's caption and summary; its numbers are in the data table next to it.
 */
export function DeliveryMixChart(props: {
  points: MixPoint[];
  /** The image's name (drawn as its <title>) and the id of the text describing it. */
  title: string;
  describedBy: string;
  axisSessions: string;
  axisShare: string;
}) {
  const n = Math.max(props.points.length, 1);
  const maxTotal = Math.max(1, ...props.points.map((p) => p.external + p.mixed + p.internal));
  const ticks = niceTicks(maxTotal, 4);
  const top = ticks[ticks.length - 1] ?? maxTotal;
  const y = linear([0, top], [H - M.bottom, M.top]);
  const yShare = linear([0, 1], [H - M.bottom, M.top]);
  const band = (W - M.left - M.right) / n;
  const barW = Math.max(2, band * 0.62);
  const cx = (i: number) => M.left + band * i + band / 2;
  const every = labelEvery(n, 8);
  const segments: { key: 'external' | 'mixed' | 'internal'; fill: string }[] = [
    { key: 'external', fill: COLORS.external },
    { key: 'mixed', fill: `url(#${HATCH_ID})` },
    { key: 'internal', fill: COLORS.internal },
  ];

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-describedby={props.describedBy}
      class="chart-svg"
      data-testid="delivery-mix-svg"
    >
      <title>{props.title}</title>
      <HatchDefs />
      {ticks.map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke={COLORS.grid} />
          <text x={M.left - 6} y={y(v) + 4} text-anchor="end" class="tick">
            {v}
          </text>
        </g>
      ))}
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <text key={v} x={W - M.right + 6} y={yShare(v) + 4} class="tick">
          {`${v * 100} %`}
        </text>
      ))}
      <text
        transform={`translate(12 ${(H - M.bottom + M.top) / 2}) rotate(-90)`}
        text-anchor="middle"
        class="axis-label"
      >
        {props.axisSessions}
      </text>
      <text
        transform={`translate(${W - 8} ${(H - M.bottom + M.top) / 2}) rotate(90)`}
        text-anchor="middle"
        class="axis-label"
      >
        {props.axisShare}
      </text>
      {props.points.map((p, i) => {
        let base = 0;
        return (
          <g key={p.label} data-period={p.label}>
            {segments.map((s) => {
              const v = p[s.key];
              const y0 = y(base);
              base += v;
              const y1 = y(base);
              return v > 0 ? (
                <rect
                  key={s.key}
                  class={`bar bar-${s.key}`}
                  x={cx(i) - barW / 2}
                  y={y1}
                  width={barW}
                  height={Math.max(0, y0 - y1)}
                  fill={s.fill}
                  stroke="#ffffff"
                  stroke-width="1"
                />
              ) : null;
            })}
            {i % every === 0 && (
              <text x={cx(i)} y={H - M.bottom + 16} text-anchor="middle" class="tick">
                {p.label}
              </text>
            )}
          </g>
        );
      })}
      <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} stroke={COLORS.axis} />
      <path
        d={linePath(props.points.map((p, i) => (p.planned === null ? null : [cx(i), yShare(p.planned)])))}
        fill="none"
        stroke={COLORS.planned}
        stroke-width="2"
        stroke-dasharray="6 4"
        class="line-planned"
      />
      <path
        d={linePath(props.points.map((p, i) => (p.share === null ? null : [cx(i), yShare(p.share)])))}
        fill="none"
        stroke={COLORS.share}
        stroke-width="3"
        class="line-share"
      />
      {props.points.map((p, i) =>
        p.share === null ? null : (
          <circle
            key={p.label}
            cx={cx(i)}
            cy={yShare(p.share)}
            r="3.5"
            fill={COLORS.share}
            stroke="#ffffff"
          />
        ),
      )}
    </svg>
  );
}
