// Charts as inline SVG (no chart library): each is a figure with a text title, an SVG marked as an
// image with a description, and the same numbers in a table beside it for screen readers and print.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { studioFormats } from './format.tsx';

export interface PairBar {
  readonly label: string;
  readonly baseline: number;
  readonly reform: number;
}

/** The charts' type size (studio.css), in the SVG's units: text scales with the chart. */
const FONT_PX = 12;
const LINE_PX = 13;
/** The SVG's width in its own units (its viewBox): what every label must fit in. */
const WIDTH = 640;
const GAP = 6;

let measure: CanvasRenderingContext2D | null | undefined;

/** How wide `text` is drawn in the charts' type, measured as the browser draws it. */
function textWidth(text: string): number {
  if (measure === undefined) {
    measure = document.createElement('canvas').getContext('2d');
    if (measure) measure.font = `${FONT_PX}px ${getComputedStyle(document.body).fontFamily}`;
  }
  // Without a canvas, a generous guess: most glyphs are narrower than 0.62 em.
  return measure ? measure.measureText(text).width : text.length * FONT_PX * 0.62;
}

/** `text` cut to `width`, ending in "…" (by whole characters, marks kept with their letter). */
function cut(text: string, width: number, locale: string): string {
  const graphemes = Array.from(
    new Intl.Segmenter(locale, { granularity: 'grapheme' }).segment(text),
    (g) => g.segment,
  );
  while (graphemes.length > 1 && textWidth(`${graphemes.join('').trimEnd()}…`) > width)
    graphemes.pop();
  return `${graphemes.join('').trimEnd()}…`;
}

/**
 * The pieces of `text` a line may break between: after a space, or between two words written
 * without one (Thai, Khmer, found by Intl.Segmenter), so "(" stays with the word it opens.
 */
export function breakable(text: string, locale: string): string[] {
  const pieces: string[] = [];
  let previous: Intl.SegmentData | undefined;
  for (const segment of new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)) {
    const breaks =
      previous !== undefined &&
      (/^\s+$/.test(previous.segment) ||
        (previous.isWordLike === true && segment.isWordLike === true));
    const last = pieces.length - 1;
    if (breaks || last < 0) pieces.push(segment.segment);
    else pieces[last] = `${pieces[last] ?? ''}${segment.segment}`;
    previous = segment;
  }
  return pieces;
}

/**
 * A label in at most two lines no wider than `width`; what is still too long ends in "…" (the
 * table under the chart has every label whole).
 */
function labelLines(text: string, width: number, locale: string): string[] {
  if (textWidth(text) <= width) return [text];
  const pieces = breakable(text, locale);
  let first = '';
  let i = 0;
  while (i < pieces.length && textWidth(`${first}${pieces[i] ?? ''}`.trimEnd()) <= width) {
    first += pieces[i] ?? '';
    i++;
  }
  if (first.trim() === '') return [cut(text, width, locale)];
  const rest = pieces.slice(i).join('').trim();
  return [first.trimEnd(), textWidth(rest) <= width ? rest : cut(rest, width, locale)];
}

/** A label right-aligned before `x`, its lines centred on `middle`. */
function Label({
  lines,
  x,
  middle,
}: {
  readonly lines: string[];
  readonly x: number;
  readonly middle: number;
}) {
  const top = middle - (lines.length * LINE_PX) / 2 + 10;
  return (
    <text x={x} y={top} textAnchor="end" className="studio-chart__label">
      {lines.map((line, k) => (
        <tspan key={`${String(k)}-${line}`} x={x} dy={k === 0 ? 0 : LINE_PX}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** The room to keep right of the bars for the widest of their value labels. */
const valueRoom = (values: readonly string[]) => GAP + Math.max(0, ...values.map(textWidth)) + 2;

function Figure({
  id,
  title,
  description,
  height,
  children,
  table,
}: {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly height: number;
  readonly children: ReactNode;
  readonly table: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <figure className="studio-chart" aria-labelledby={`${id}-title`} data-testid={id}>
      <figcaption id={`${id}-title`} className="studio-chart__title">
        {title}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="studio-chart__svg"
      >
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      <details className="studio-chart__table" open>
        <summary>{t('studio.chart.table')}</summary>
        {table}
      </details>
    </figure>
  );
}

/** Before and after, side by side, for each label (shares of workers, 0–1). */
export function BeforeAfterChart({
  id,
  title,
  rows,
}: {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly PairBar[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { pct, points } = studioFormats(i18n.intl.tag);
  const labelWidth = 200;
  const values = rows.map((r) =>
    t('studio.chart.pairValue', { before: pct(r.baseline), after: pct(r.reform) }),
  );
  const barWidth = WIDTH - labelWidth - valueRoom(values);
  const rowHeight = 34;
  const labels = rows.map((r) => labelLines(r.label, labelWidth - 8, i18n.intl.tag));
  const max = Math.max(0.0001, ...rows.flatMap((r) => [r.baseline, r.reform]));
  const scale = max > 0.5 ? 1 : max;
  // The legend after the labels' column, or from the left edge where that leaves it too little.
  const legendBefore = t('studio.chart.legendBefore');
  const legendAfter = t('studio.chart.legendAfter');
  const legendWidth = 18 + textWidth(legendBefore) + 24 + 18 + textWidth(legendAfter);
  const legendX = labelWidth + legendWidth <= WIDTH ? labelWidth : 0;
  const afterX = legendX + 18 + textWidth(legendBefore) + 24;
  const description = rows
    .map((r) =>
      t('studio.chart.pairDescription', {
        label: r.label,
        before: pct(r.baseline),
        after: pct(r.reform),
      }),
    )
    .join('; ');
  return (
    <Figure
      id={id}
      title={title}
      description={description}
      height={24 + rows.length * rowHeight + 8}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('studio.chart.group')}</th>
              <th scope="col">{t('studio.chart.before')}</th>
              <th scope="col">{t('studio.chart.after')}</th>
              <th scope="col">{t('studio.chart.change')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{pct(r.baseline)}</td>
                <td>{pct(r.reform)}</td>
                <td>{t('studio.chart.points', { change: points(r.reform - r.baseline) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <g aria-hidden="true">
        <rect x={legendX} y={2} width={12} height={12} className="studio-bar--before" />
        <text x={legendX + 18} y={13} className="studio-chart__legend">
          {legendBefore}
        </text>
        <rect x={afterX} y={2} width={12} height={12} className="studio-bar--after" />
        <text x={afterX + 18} y={13} className="studio-chart__legend">
          {legendAfter}
        </text>
        {rows.map((r, i) => {
          const y = 24 + i * rowHeight;
          const w = (x: number) => Math.max(1, (x / scale) * barWidth);
          return (
            <g key={r.label}>
              <Label lines={labels[i] ?? [r.label]} x={labelWidth - 8} middle={y + 14.5} />
              <rect
                x={labelWidth}
                y={y + 2}
                width={w(r.baseline)}
                height={12}
                className="studio-bar--before"
              />
              <rect
                x={labelWidth}
                y={y + 15}
                width={w(r.reform)}
                height={12}
                className="studio-bar--after"
              />
              <text
                x={labelWidth + w(Math.max(r.baseline, r.reform)) + GAP}
                y={y + 25}
                className="studio-chart__value"
              >
                {values[i]}
              </text>
            </g>
          );
        })}
      </g>
    </Figure>
  );
}

/** One bar per label (shares of workers, 0–1). */
export function BarChart({
  id,
  title,
  rows,
}: {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly { readonly label: string; readonly value: number }[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { pct } = studioFormats(i18n.intl.tag);
  const labelWidth = 220;
  const values = rows.map((r) => pct(r.value));
  const barWidth = WIDTH - labelWidth - valueRoom(values);
  const max = Math.max(0.0001, ...rows.map((r) => r.value));
  const labels = rows.map((r) => labelLines(r.label, labelWidth - 8, i18n.intl.tag));
  // Rows grow when a label takes two lines.
  const rowHeight = labels.some((l) => l.length > 1) ? 30 : 26;
  return (
    <Figure
      id={id}
      title={title}
      description={rows
        .map((r) => t('studio.chart.barDescription', { label: r.label, value: pct(r.value) }))
        .join('; ')}
      height={4 + rows.length * rowHeight + 8}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('studio.chart.barrierRemoved')}</th>
              <th scope="col">{t('studio.chart.shareGaining')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{pct(r.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <g aria-hidden="true">
        {rows.map((r, i) => {
          const y = 4 + i * rowHeight;
          const middle = y + rowHeight / 2;
          const w = Math.max(1, (r.value / max) * barWidth);
          return (
            <g key={r.label}>
              <Label lines={labels[i] ?? [r.label]} x={labelWidth - 8} middle={middle} />
              <rect
                x={labelWidth}
                y={middle - 8}
                width={w}
                height={16}
                className="studio-bar--after"
              />
              <text x={labelWidth + w + GAP} y={middle + 4} className="studio-chart__value">
                {values[i]}
              </text>
            </g>
          );
        })}
      </g>
    </Figure>
  );
}
