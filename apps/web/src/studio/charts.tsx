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
        viewBox={`0 0 640 ${height}`}
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
  const barWidth = 640 - labelWidth - 70;
  const rowHeight = 34;
  const max = Math.max(0.0001, ...rows.flatMap((r) => [r.baseline, r.reform]));
  const scale = max > 0.5 ? 1 : max;
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
        <rect x={labelWidth} y={2} width={12} height={12} className="studio-bar--before" />
        <text x={labelWidth + 18} y={13} className="studio-chart__legend">
          {t('studio.chart.legendBefore')}
        </text>
        <rect x={labelWidth + 200} y={2} width={12} height={12} className="studio-bar--after" />
        <text x={labelWidth + 218} y={13} className="studio-chart__legend">
          {t('studio.chart.legendAfter')}
        </text>
        {rows.map((r, i) => {
          const y = 24 + i * rowHeight;
          const w = (x: number) => Math.max(1, (x / scale) * barWidth);
          return (
            <g key={r.label}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="studio-chart__label">
                {r.label}
              </text>
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
                x={labelWidth + w(Math.max(r.baseline, r.reform)) + 6}
                y={y + 25}
                className="studio-chart__value"
              >
                {t('studio.chart.pairValue', { before: pct(r.baseline), after: pct(r.reform) })}
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
  const barWidth = 640 - labelWidth - 60;
  const max = Math.max(0.0001, ...rows.map((r) => r.value));
  return (
    <Figure
      id={id}
      title={title}
      description={rows
        .map((r) => t('studio.chart.barDescription', { label: r.label, value: pct(r.value) }))
        .join('; ')}
      height={4 + rows.length * 26 + 8}
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
          const y = 4 + i * 26;
          const w = Math.max(1, (r.value / max) * barWidth);
          return (
            <g key={r.label}>
              <text x={labelWidth - 8} y={y + 14} textAnchor="end" className="studio-chart__label">
                {r.label}
              </text>
              <rect x={labelWidth} y={y + 2} width={w} height={16} className="studio-bar--after" />
              <text x={labelWidth + w + 6} y={y + 15} className="studio-chart__value">
                {pct(r.value)}
              </text>
            </g>
          );
        })}
      </g>
    </Figure>
  );
}
