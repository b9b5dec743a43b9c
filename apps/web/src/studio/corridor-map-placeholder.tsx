// PLACEHOLDER for the corridor map. Another branch builds the map component (apps/web/src/map/);
// when it lands, the lead swaps this component for it, with the same props. Until then it shows
// the corridors as a list, with the share of workers who gain in each.

export interface CorridorGain {
  readonly origin: string;
  readonly destination: string;
  readonly originName: string;
  readonly destinationName: string;
  /** Workers the corridor stands for. */
  readonly workers: number;
  /** Share of the corridor's workers who gain under the reform (0–1). */
  readonly gainers: number;
}

export function CorridorMapPlaceholder({
  corridors,
  locale,
}: {
  readonly corridors: readonly CorridorGain[];
  readonly locale: string;
}) {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return (
    <section
      className="studio-map-placeholder"
      aria-labelledby="studio-map-title"
      data-testid="corridor-map-placeholder"
    >
      <h3 id="studio-map-title">Corridors</h3>
      <p className="muted no-print">The corridor map will appear here.</p>
      <ul className="studio-corridor-list">
        {corridors.map((c) => (
          <li key={`${c.origin}-${c.destination}`}>
            <span>
              {c.originName} → {c.destinationName}
            </span>{' '}
            <span className="muted">({number.format(c.workers)} workers)</span>:{' '}
            <strong>{(c.gainers * 100).toFixed(1)}% gain</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
