import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A chart with its alternatives (RGAA 1.x / WCAG 1.1.1): a title, a one-sentence summary read with the image,
 * a legend in text, and the full data table one click away (`<details>`, keyboard-operable natively).
 */
export function ChartFigure(props: {
  id: string;
  title: string;
  summary: string;
  legend?: ComponentChildren;
  chart: ComponentChildren;
  table: ComponentChildren;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`} data-testid={props.testId}>
      <figcaption id={`${props.id}-title`} class="chart-title">
        {props.title}
      </figcaption>
      <p id={`${props.id}-summary`} class="chart-summary">
        {props.summary}
      </p>
      {props.legend}
      <div class="chart-canvas">{props.chart}</div>
      <details class="chart-data">
        <summary>{t.showDataTable}</summary>
        {props.table}
      </details>
    </figure>
  );
}

export interface LegendItem {
  label: string;
  swatch: string;
  /** A line series (drawn as a stroke) rather than an area. */
  line?: 'solid' | 'dashed';
}

/** A text legend: colours are never the only carrier of meaning (patterns and labels too). */
export function Legend({ items, label }: { items: LegendItem[]; label: string }) {
  return (
    <ul class="legend" aria-label={label}>
      {items.map((i) => (
        <li key={i.label}>
          <svg width="28" height="12" aria-hidden="true" focusable="false">
            {i.line ? (
              <line
                x1="2"
                y1="6"
                x2="26"
                y2="6"
                stroke={i.swatch}
                stroke-width="3"
                stroke-dasharray={i.line === 'dashed' ? '6 4' : undefined}
              />
            ) : (
              <rect x="2" y="1" width="24" height="10" fill={i.swatch} />
            )}
          </svg>
          {i.label}
        </li>
      ))}
    </ul>
  );
}
