// A map of corridors between the region's countries: one arc per corridor, origin → destination,
// its width by a value and its colour by a status, each arc a link with an accessible name; a
// visible legend, and the same corridors as a table. Generic: the corridors page gives it migrant
// stocks and agreements in force; a simulation can give it its own figures and statuses.
import type { MouseEvent } from 'react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import { usePrinting } from '../ui/printing.ts';
import type { Frame } from './arcs.ts';
import { arcBetween, legendValues, widthFor, zoomTo } from './arcs.ts';
import type { RegionMapData } from './region-map-data.ts';
import { useRegionMap } from './region-map.ts';

/** One corridor to draw. */
export interface MapCorridor {
  /** ISO 3166-1 alpha-2 codes. */
  readonly origin: string;
  readonly destination: string;
  /** Sets the arc's width; null when there is no figure (the thinnest arc). */
  readonly value: number | null;
  /** A note on the value, said after it (e.g. "estimate"). */
  readonly valueNote?: string;
  /** One of the `statuses`' ids: sets the colour. */
  readonly status: string;
  /** The corridor's name, e.g. "Cambodia → Thailand": the link's accessible name begins with it. */
  readonly label: string;
  /** Where the arc leads; by default the corridor's page (with the law's date kept). */
  readonly href?: string;
}

/** A status of the legend: its colour, and a dash pattern so colour is not the only cue. */
export interface MapStatus {
  readonly id: string;
  readonly label: string;
  readonly colour: string;
  readonly pattern?: 'solid' | 'dashed' | 'dotted';
}

export interface CorridorMapProps {
  readonly corridors: readonly MapCorridor[];
  readonly statuses: readonly MapStatus[];
  /** The figure's caption and the table's. */
  readonly title: string;
  /** What the width shows, e.g. "Migrant workers". */
  readonly valueLabel: string;
  readonly formatValue?: (value: number) => string;
  /** Called instead of following the link when given (to select a corridor in place). */
  readonly onSelect?: (corridor: MapCorridor) => void;
  /** The corridor to bring forward; the others are dimmed. */
  readonly highlight?: { readonly origin: string; readonly destination: string } | null;
  /** Whether the table starts open. */
  readonly tableOpen?: boolean;
  /**
   * On a phone, show the corridors drawn close up, their countries named, rather than the whole
   * region (too small there to read). A highlighted corridor is shown close up anyway.
   */
  readonly zoomOnPhone?: boolean;
}

const keyOf = (c: { readonly origin: string; readonly destination: string }) =>
  `${c.origin}-${c.destination}`;

const DASH: Readonly<Record<NonNullable<MapStatus['pattern']>, readonly number[] | null>> = {
  solid: null,
  dashed: [6, 4],
  dotted: [1.5, 3.5],
};

/**
 * The SVG's box on the screen in CSS pixels, kept up to date as the map is resized. The drawing
 * fits inside it (the box's height is capped in app.css, so it may be narrower than the box).
 */
function useShownBox() {
  const ref = useRef<SVGSVGElement>(null);
  const [box, setBox] = useState<{ readonly width: number; readonly height: number } | null>(null);
  useEffect(() => {
    const svg = ref.current;
    if (!svg) return;
    const measure = () => {
      const { width, height } = svg.getBoundingClientRect();
      if (width > 0 && height > 0)
        setBox((last) =>
          last?.width === width && last.height === height ? last : { width, height },
        );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    return () => {
      observer.disconnect();
    };
  }, []);
  return { ref, box };
}

/** Narrower than this (CSS pixels), the whole region's country names would crowd: a phone. */
const WIDE_PX = 560;
/** About the width a map is printed at (A4 or Letter, less the margins), in CSS pixels. */
const PRINTED_PX = 680;

interface PlacedLabel {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
}

/** Country labels, most important first, skipping any that would overlap one already placed. */
function placeLabels(
  ids: readonly string[],
  anchors: ReadonlyMap<string, readonly [number, number]>,
  nameOf: (id: string) => string,
  fontSize: number,
  view: Frame,
): PlacedLabel[] {
  const boxes: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const placed: PlacedLabel[] = [];
  for (const id of ids) {
    const at = anchors.get(id);
    if (!at) continue;
    const w = nameOf(id).length * fontSize * 0.56;
    const gap = fontSize * 0.45;
    for (const side of ['start', 'end'] as const) {
      const x0 = side === 'start' ? at[0] + gap : at[0] - gap - w;
      const box = { x0, y0: at[1] - fontSize * 0.75, x1: x0 + w, y1: at[1] + fontSize * 0.35 };
      if (box.x0 < view.x || box.x1 > view.x + view.width) continue;
      if (boxes.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1))
        continue;
      boxes.push(box);
      placed.push({
        id,
        x: side === 'start' ? at[0] + gap : at[0] - gap,
        y: at[1] + fontSize * 0.32,
        anchor: side,
      });
      break;
    }
  }
  return placed;
}

function MapSvg({
  map,
  corridors,
  statuses,
  captionId,
  largest,
  describe,
  hrefOf,
  onActivate,
  onActive,
  highlight,
  zoomOnPhone,
}: {
  readonly map: RegionMapData;
  readonly corridors: readonly MapCorridor[];
  readonly statuses: ReadonlyMap<string, MapStatus>;
  readonly captionId: string;
  readonly largest: number;
  readonly describe: (c: MapCorridor) => string;
  readonly hrefOf: (c: MapCorridor) => string;
  readonly onActivate: (e: MouseEvent, c: MapCorridor) => void;
  readonly onActive: (c: MapCorridor | null) => void;
  readonly highlight: string | null;
  readonly zoomOnPhone: boolean;
}) {
  const i18n = useI18n();
  const anchors = useMemo(
    () => new Map(map.countries.map((c) => [c.id, c.anchor] as const)),
    [map],
  );
  const drawn = corridors.filter(
    (c) => anchors.has(c.origin) && anchors.has(c.destination) && c.origin !== c.destination,
  );
  const highlighted = drawn.find((c) => keyOf(c) === highlight);
  const { ref, box } = useShownBox();
  const isPrinting = usePrinting();
  // The map keeps its proportions whatever the part shown, so its shown width is the box's
  // width, or the width its capped height allows; on paper, the page's (whatever the screen's).
  const whole = { x: 0, y: 0, width: map.width, height: map.height };
  const shownWidth = isPrinting
    ? PRINTED_PX
    : box
      ? Math.min(box.width, (box.height * map.width) / map.height)
      : null;
  const isWide = shownWidth === null || shownWidth >= WIDE_PX;
  const ends = new Map<string, number>();
  for (const c of drawn)
    for (const id of [c.origin, c.destination]) ends.set(id, (ends.get(id) ?? 0) + (c.value ?? 1));
  // A highlighted corridor is shown close up, with its neighbourhood (readable on a phone); so
  // are all the corridors drawn, on a phone, when asked (the whole region is too small there).
  const isZoomedOnPhone = !highlighted && zoomOnPhone && !isWide && ends.size > 0;
  const view = highlighted
    ? zoomTo(
        [anchors.get(highlighted.origin), anchors.get(highlighted.destination)],
        map.width,
        map.height,
      )
    : isZoomedOnPhone
      ? zoomTo(
          [...ends.keys()].map((id) => anchors.get(id)),
          map.width,
          map.height,
        )
      : whole;
  const perPixel = shownWidth === null ? 1 : view.width / shownWidth;
  const fontSize = 12.5 * perPixel;
  const byWeight = [...ends.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  // All labels where they can be read; on a phone only the highlighted corridor's or, zoomed to
  // the corridors, theirs (the table and the arcs' names say the rest).
  const labelIds = highlighted
    ? [highlighted.origin, highlighted.destination, ...(isWide ? byWeight : [])]
    : isWide || isZoomedOnPhone
      ? byWeight
      : [];
  const labels = placeLabels(
    [...new Set(labelIds)],
    anchors,
    (id) => i18n.country(id),
    fontSize,
    view,
  );
  // Thick arcs below thin ones (so the thin stay clickable), the highlighted one on top.
  const order = [...drawn].sort((a, b) => {
    if (keyOf(a) === highlight) return 1;
    if (keyOf(b) === highlight) return -1;
    return (b.value ?? 0) - (a.value ?? 0);
  });
  return (
    <svg
      ref={ref}
      className="corridor-map__svg"
      viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
      role="group"
      aria-labelledby={captionId}
      data-testid="corridor-map"
    >
      <g aria-hidden="true">
        <rect className="corridor-map__sea" width={map.width} height={map.height} />
        <path className="corridor-map__land" d={map.land} strokeWidth={0.6 * perPixel} />
        {map.countries.map((c) => (
          <path
            key={c.id}
            className={`corridor-map__country${ends.has(c.id) ? ' corridor-map__country--end' : ''}${
              highlighted && (c.id === highlighted.origin || c.id === highlighted.destination)
                ? ' corridor-map__country--highlight'
                : ''
            }`}
            d={c.d}
            strokeWidth={0.8 * perPixel}
          />
        ))}
      </g>
      <g className="corridor-map__arcs">
        {order.map((c) => {
          const from = anchors.get(c.origin);
          const to = anchors.get(c.destination);
          if (!from || !to) return null;
          const width = widthFor(c.value, largest) * perPixel;
          const arc = arcBetween(from, to, width + 7 * perPixel);
          const status = statuses.get(c.status);
          const colour = status?.colour ?? '#555';
          const dash = DASH[status?.pattern ?? 'solid'];
          const key = keyOf(c);
          const dimmed = highlight !== null && key !== highlight;
          return (
            <a
              key={key}
              href={hrefOf(c)}
              aria-label={describe(c)}
              className={`corridor-map__link${dimmed ? ' corridor-map__link--dim' : ''}${
                key === highlight ? ' corridor-map__link--highlight' : ''
              }`}
              data-corridor={key}
              onClick={(e) => {
                onActivate(e, c);
              }}
              onFocus={() => {
                onActive(c);
              }}
              onBlur={() => {
                onActive(null);
              }}
              onMouseEnter={() => {
                onActive(c);
              }}
              onMouseLeave={() => {
                onActive(null);
              }}
            >
              <path className="corridor-map__halo" d={arc.d} strokeWidth={width + 9 * perPixel} />
              <path
                className="corridor-map__arc"
                d={arc.d}
                stroke={colour}
                strokeWidth={width}
                strokeDasharray={dash ? dash.map((n) => n * perPixel).join(' ') : undefined}
              />
              <path className="corridor-map__head" d={arc.head} fill={colour} />
            </a>
          );
        })}
      </g>
      <g aria-hidden="true">
        {[...ends.keys()].map((id) => {
          const at = anchors.get(id);
          return at ? (
            <circle
              key={id}
              className="corridor-map__anchor"
              cx={at[0]}
              cy={at[1]}
              r={2.6 * perPixel}
              strokeWidth={1.2 * perPixel}
            />
          ) : null;
        })}
        {labels.map((l) => (
          <text
            key={l.id}
            className="corridor-map__label"
            x={l.x}
            y={l.y}
            textAnchor={l.anchor}
            fontSize={fontSize}
            strokeWidth={3 * perPixel}
          >
            {i18n.country(l.id)}
          </text>
        ))}
      </g>
    </svg>
  );
}

/** A line sample of a status, for the legend. */
function Swatch({ status, width = 3 }: { readonly status?: MapStatus; readonly width?: number }) {
  const dash = DASH[status?.pattern ?? 'solid'];
  return (
    <svg
      className="corridor-map__swatch"
      viewBox="0 0 36 14"
      width="36"
      height="14"
      aria-hidden="true"
    >
      <line
        x1="2"
        y1="7"
        x2="34"
        y2="7"
        stroke={status?.colour ?? 'var(--ink-soft)'}
        strokeWidth={width}
        strokeLinecap={dash ? 'round' : 'butt'}
        strokeDasharray={dash ? dash.join(' ') : undefined}
      />
    </svg>
  );
}

export function CorridorMap({
  corridors,
  statuses,
  title,
  valueLabel,
  formatValue,
  onSelect,
  highlight = null,
  tableOpen = false,
  zoomOnPhone = false,
}: CorridorMapProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { location, navigate } = useRouter();
  const state = useRegionMap();
  const captionId = useId();
  const [active, setActive] = useState<MapCorridor | null>(null);
  const byId = useMemo(() => new Map(statuses.map((s) => [s.id, s] as const)), [statuses]);
  const format = formatValue ?? i18n.number;
  const largest = Math.max(0, ...corridors.map((c) => c.value ?? 0));
  const valueText = (c: MapCorridor) =>
    c.value === null
      ? t('map.noFigure')
      : c.valueNote
        ? `${format(c.value)} (${c.valueNote})`
        : format(c.value);
  const describe = (c: MapCorridor) =>
    t('map.arcLabel', {
      corridor: c.label,
      measure: valueLabel,
      value: valueText(c),
      status: byId.get(c.status)?.label ?? c.status,
    });
  const hrefOf = (c: MapCorridor) => {
    const path = c.href ?? `/corridors/${c.origin.toLowerCase()}/${c.destination.toLowerCase()}`;
    return path.includes('?') ? path : `${path}${location.search}`;
  };
  const onActivate = (e: MouseEvent, c: MapCorridor) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (onSelect) onSelect(c);
    else navigate(hrefOf(c));
  };
  const highlightKey = highlight ? keyOf(highlight) : null;
  const sorted = [...corridors].sort((a, b) => a.label.localeCompare(b.label, i18n.intl.tag));
  return (
    <div className="corridor-map">
      <figure className="corridor-map__figure">
        <figcaption id={captionId} className="corridor-map__caption">
          {title}
        </figcaption>
        <div className="corridor-map__frame">
          {state.status === 'ready' ? (
            <MapSvg
              map={state.map}
              corridors={corridors}
              statuses={byId}
              captionId={captionId}
              largest={largest}
              describe={describe}
              hrefOf={hrefOf}
              onActivate={onActivate}
              onActive={setActive}
              highlight={highlightKey}
              zoomOnPhone={zoomOnPhone}
            />
          ) : state.status === 'loading' ? (
            <p className="status" role="status">
              {t('map.loading')}
            </p>
          ) : (
            <p className="notice">{t('map.error')}</p>
          )}
        </div>
        {/* What the pointer or the focus is on, for sighted users (the links carry it for others). */}
        <p className="corridor-map__active" aria-hidden="true">
          {active ? describe(active) : t('map.hint')}
        </p>
        <div className="corridor-map__legend">
          <ul className="corridor-map__key" aria-label={t('map.colour')}>
            {statuses.map((s) => (
              <li key={s.id}>
                <Swatch status={s} /> {s.label}
              </li>
            ))}
          </ul>
          <ul className="corridor-map__key" aria-label={t('map.width', { measure: valueLabel })}>
            <li className="corridor-map__key-title">{t('map.width', { measure: valueLabel })}</li>
            {legendValues(largest).map((v) => (
              <li key={v}>
                <Swatch width={widthFor(v, largest)} /> {format(v)}
              </li>
            ))}
            {corridors.some((c) => c.value === null) ? (
              <li>
                <Swatch width={widthFor(null, largest)} /> {t('map.noFigure')}
              </li>
            ) : null}
          </ul>
        </div>
        {state.status === 'ready' ? (
          <p className="corridor-map__source">{t('map.source')}</p>
        ) : null}
      </figure>
      <details className="corridor-map__table" open={tableOpen}>
        <summary>{t('map.table', { count: corridors.length })}</summary>
        <div className="table-scroll">
          <table className="simple">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('map.corridor')}</th>
                <th scope="col">{valueLabel}</th>
                <th scope="col">{t('map.status')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((c) => (
                <tr key={keyOf(c)} aria-current={keyOf(c) === highlightKey ? 'true' : undefined}>
                  <th scope="row">
                    <Link
                      to={
                        c.href ??
                        `/corridors/${c.origin.toLowerCase()}/${c.destination.toLowerCase()}`
                      }
                      {...(onSelect
                        ? {
                            onClick: (e: MouseEvent<HTMLAnchorElement>) => {
                              e.preventDefault();
                              onSelect(c);
                            },
                          }
                        : {})}
                    >
                      {c.label}
                    </Link>
                  </th>
                  <td className="number">{valueText(c)}</td>
                  <td>
                    <Swatch status={byId.get(c.status)} /> {byId.get(c.status)?.label ?? c.status}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
