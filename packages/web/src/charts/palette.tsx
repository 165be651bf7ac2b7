/**
 * Chart colours: each at least 3:1 against white (WCAG 1.4.11), segments separated by white gaps, distinct in hue
 * and lightness for colour-blind readers; the mixed class is hatched as well. Text colours live in styles.css.
 */
export const COLORS = {
  external: '#6a6a6a',
  mixed: '#b34000',
  internal: '#000091',
  share: '#18753c',
  planned: '#161616',
  grid: '#dddddd',
  axis: '#3a3a3a',
} as const;

/** Sequential blues for ordered categories (ladder steps), light to dark, all ≥ 3:1 on white. */
export const SEQUENTIAL = ['#5d7fc9', '#3f62b5', '#2a4a9e', '#1b3383', '#000091'] as const;

export const HATCH_ID = 'hatch-mixed';

/** The hatch pattern of the mixed class (define once per SVG). */
export function HatchDefs() {
  return (
    <defs>
      <pattern id={HATCH_ID} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill={COLORS.mixed} />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="1.5" />
      </pattern>
    </defs>
  );
}
