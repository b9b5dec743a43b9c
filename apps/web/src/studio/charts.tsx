// Charts as inline SVG (no chart library): each is a figure with a text title, an SVG marked as an
// image with a description, and the same numbers in a table beside it for screen readers and print.
// Where there is room (and in print) a chart is one drawing of fixed width, labels in a column left
// of the bars, scaled to the page; on a phone that drawing would shrink its text to 6 px, so there
// it is drawn for the phone's own width, one unit to a CSS pixel, each label above its bars.
import type { ReactNode, RefObject } from 'react';
import { useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { usePrinting } from '../ui/printing.ts';
import { studioFormats } from './format.tsx';

export interface PairBar {
  readonly label: string;
  readonly baseline: number;
  readonly reform: number;
}

/** The charts' type size (studio.css), in the SVG's units: text scales with the chart. */
const FONT_PX = 12;
const LINE_PX = 13;
/** A line of a label above its bars (Burmese's stacked marks need the room). */
const STACKED_LINE_PX = 15;
/** A label above its bars starts this far in: some glyphs (J) reach left of where they start. */
const STACKED_INSET = 2;
/** The wide drawing's width in its own units (its viewBox): what every label must fit in. */
const WIDE = 640;
/** Narrower than any phone: the stacked drawing is never made narrower than this. */
const NARROWEST = 240;
const GAP = 6;

/**
 * The width to draw a chart for: WIDE where the SVG is shown at least that wide and in print,
 * else the SVG's own width in CSS pixels (so that its text is drawn at its size). The SVG's width
 * does not depend on its drawing (studio.css), so measuring it cannot loop.
 */
function useDrawingWidth(): {
  readonly ref: RefObject<SVGSVGElement | null>;
  readonly width: number;
} {
  const ref = useRef<SVGSVGElement>(null);
  const [shown, setShown] = useState<number | null>(null);
  const isPrinting = usePrinting();
  // Before the first paint, so a phone never shows the wide drawing shrunk for a moment.
  useLayoutEffect(() => {
    const svg = ref.current;
    if (!svg) return;
    const measure = () => {
      const width = Math.floor(svg.getBoundingClientRect().width);
      // Hidden (a closed panel, a print that hides it): keep the last width.
      if (width > 0) setShown(width);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    return () => {
      observer.disconnect();
    };
  }, []);
  const width = isPrinting || shown === null || shown >= WIDE ? WIDE : Math.max(NARROWEST, shown);
  return { ref, width };
}

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
 * A label in at most `maxLines` lines no wider than `width`; what is still too long ends in "…"
 * (the table under the chart has every label whole).
 */
function labelLines(text: string, width: number, locale: string, maxLines: number): string[] {
  if (textWidth(text) <= width) return [text];
  const pieces = breakable(text, locale);
  const lines: string[] = [];
  let i = 0;
  while (i < pieces.length && lines.length < maxLines - 1) {
    let line = '';
    while (i < pieces.length && textWidth(`${line}${pieces[i] ?? ''}`.trimEnd()) <= width) {
      line += pieces[i] ?? '';
      i++;
    }
    // A piece wider than a line: the rest is cut below.
    if (line.trim() === '') break;
    lines.push(line.trimEnd());
  }
  const rest = pieces.slice(i).join('').trim();
  if (rest !== '') lines.push(textWidth(rest) <= width ? rest : cut(rest, width, locale));
  return lines;
}

/** A label's lines from `top` (the first line's top edge), each `step` below the last. */
function Label({
  lines,
  x,
  top,
  step,
  anchor,
}: {
  readonly lines: string[];
  readonly x: number;
  readonly top: number;
  readonly step: number;
  readonly anchor: 'start' | 'end';
}) {
  return (
    <text x={x} y={top + 10} textAnchor={anchor} className="studio-chart__label">
      {lines.map((line, k) => (
        <tspan key={`${String(k)}-${line}`} x={x} dy={k === 0 ? 0 : step}>
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
  svgRef,
  width,
  height,
  children,
  table,
}: {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly svgRef: RefObject<SVGSVGElement | null>;
  readonly width: number;
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
        ref={svgRef}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${String(width)} ${String(height)}`}
        className="studio-chart__svg"
      >
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      <details className="studio-chart__table" open>
        <summary>{t('studio.chart.table')}</summary>
        <div className="table-scroll">{table}</div>
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
  const locale = i18n.intl.tag;
  const { pct, points } = studioFormats(locale);
  const { ref, width } = useDrawingWidth();
  const isWide = width >= WIDE;
  // Wide: the labels in a column before the bars; narrow: each label above its bars, full width.
  const labelWidth = isWide ? 200 : 0;
  const values = rows.map((r) =>
    t('studio.chart.pairValue', { before: pct(r.baseline), after: pct(r.reform) }),
  );
  const barWidth = width - labelWidth - valueRoom(values);
  const labels = rows.map((r) =>
    isWide
      ? labelLines(r.label, labelWidth - 8, locale, 2)
      : labelLines(r.label, width - 2 * STACKED_INSET, locale, 3),
  );
  const max = Math.max(0.0001, ...rows.flatMap((r) => [r.baseline, r.reform]));
  const scale = max > 0.5 ? 1 : max;
  // The legend after the labels' column, or from the left edge where that leaves it too little,
  // or in two lines where one is too short.
  const legendBefore = t('studio.chart.legendBefore');
  const legendAfter = t('studio.chart.legendAfter');
  const beforeWidth = 18 + textWidth(legendBefore) + 24;
  const legendWidth = beforeWidth + 18 + textWidth(legendAfter);
  const isLegendOneLine = legendWidth <= width;
  const legendX = labelWidth + legendWidth <= width ? labelWidth : 0;
  const legendAfterAt = isLegendOneLine ? { x: legendX + beforeWidth, y: 0 } : { x: 0, y: 18 };
  let y = isLegendOneLine ? 24 : 42;
  const placed = labels.map((lines) => {
    if (isWide) {
      const at = { label: y + 14.5 - (lines.length * LINE_PX) / 2, bars: y };
      y += 34;
      return at;
    }
    const at = { label: y, bars: y + lines.length * STACKED_LINE_PX };
    y = at.bars + 27 + 12;
    return at;
  });
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
      svgRef={ref}
      width={width}
      height={y + (isWide ? 8 : 0)}
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
        <rect
          x={legendAfterAt.x}
          y={legendAfterAt.y + 2}
          width={12}
          height={12}
          className="studio-bar--after"
        />
        <text x={legendAfterAt.x + 18} y={legendAfterAt.y + 13} className="studio-chart__legend">
          {legendAfter}
        </text>
        {rows.map((r, i) => {
          const at = placed[i] ?? { label: 0, bars: 0 };
          const w = (x: number) => Math.max(1, (x / scale) * barWidth);
          return (
            <g key={r.label}>
              <Label
                lines={labels[i] ?? [r.label]}
                x={isWide ? labelWidth - 8 : STACKED_INSET}
                top={at.label}
                step={isWide ? LINE_PX : STACKED_LINE_PX}
                anchor={isWide ? 'end' : 'start'}
              />
              <rect
                x={labelWidth}
                y={at.bars + 2}
                width={w(r.baseline)}
                height={12}
                className="studio-bar--before"
              />
              <rect
                x={labelWidth}
                y={at.bars + 15}
                width={w(r.reform)}
                height={12}
                className="studio-bar--after"
              />
              <text
                x={labelWidth + w(Math.max(r.baseline, r.reform)) + GAP}
                y={at.bars + 25}
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
  const locale = i18n.intl.tag;
  const { pct } = studioFormats(locale);
  const { ref, width } = useDrawingWidth();
  const isWide = width >= WIDE;
  const labelWidth = isWide ? 220 : 0;
  const values = rows.map((r) => pct(r.value));
  const barWidth = width - labelWidth - valueRoom(values);
  const max = Math.max(0.0001, ...rows.map((r) => r.value));
  const labels = rows.map((r) =>
    isWide
      ? labelLines(r.label, labelWidth - 8, locale, 2)
      : labelLines(r.label, width - 2 * STACKED_INSET, locale, 3),
  );
  // Wide rows grow when a label takes two lines.
  const rowHeight = labels.some((l) => l.length > 1) ? 30 : 26;
  let y = 4;
  const placed = labels.map((lines) => {
    if (isWide) {
      const middle = y + rowHeight / 2;
      y += rowHeight;
      return { label: middle - (lines.length * LINE_PX) / 2, bar: middle - 8 };
    }
    const at = { label: y, bar: y + lines.length * STACKED_LINE_PX + 2 };
    y = at.bar + 16 + 12;
    return at;
  });
  return (
    <Figure
      id={id}
      title={title}
      description={rows
        .map((r) => t('studio.chart.barDescription', { label: r.label, value: pct(r.value) }))
        .join('; ')}
      svgRef={ref}
      width={width}
      height={y + (isWide ? 8 : 0)}
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
          const at = placed[i] ?? { label: 0, bar: 0 };
          const w = Math.max(1, (r.value / max) * barWidth);
          return (
            <g key={r.label}>
              <Label
                lines={labels[i] ?? [r.label]}
                x={isWide ? labelWidth - 8 : STACKED_INSET}
                top={at.label}
                step={isWide ? LINE_PX : STACKED_LINE_PX}
                anchor={isWide ? 'end' : 'start'}
              />
              <rect x={labelWidth} y={at.bar} width={w} height={16} className="studio-bar--after" />
              <text x={labelWidth + w + GAP} y={at.bar + 12} className="studio-chart__value">
                {values[i]}
              </text>
            </g>
          );
        })}
      </g>
    </Figure>
  );
}
