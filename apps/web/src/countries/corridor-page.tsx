// One corridor (origin → destination): the schemes at both ends, the agreements between them, and
// the report's principles scored with their evidence (scorePrinciples), at the law's date.
import type { AGREEMENT_KINDS, CountryCode, PrincipleLevel } from '@tulay/engine';
import { BRANCHES, openSchemes, parseMonth, scorePrinciples } from '@tulay/engine';
import { useI18n } from '../i18n/i18n.tsx';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { useLawDate } from '../law-date.ts';
import { Link } from '../router.tsx';
import { KnowledgeGate } from '../ui/knowledge-gate.tsx';
import { CorridorPicker } from './corridor-picker.tsx';
import { RegionCorridorMap } from './region-corridor-map.tsx';
import { CorridorWorkspace } from './corridor-workspace.tsx';

function ScoreBadge({ score }: { readonly score: PrincipleLevel }) {
  const { t } = useI18n();
  const icon = { met: '●', partly_met: '◐', not_met: '○' }[score];
  return (
    <span className={`badge badge--score-${score}`}>
      <span aria-hidden="true">{icon}</span> {t(`score.${score}`)}
    </span>
  );
}

function Corridor({
  knowledge,
  origin,
  destination,
}: {
  readonly knowledge: Knowledge;
  readonly origin: CountryCode;
  readonly destination: CountryCode;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { date } = useLawDate();
  const at = parseMonth(date.slice(0, 7));
  const { kb } = knowledge;
  const o = kb.jurisdictions.get(origin);
  const d = kb.jurisdictions.get(destination);
  // Two countries the app can name, one of whose law is not encoded (the map links to such
  // corridors, to the Gulf say): say which, and show the corridor on the map.
  const named = (c: string) => i18n.country(c) !== c;
  if ((!o || !d) && origin !== destination && named(origin) && named(destination))
    return (
      <article aria-labelledby="corridor-title">
        <p className="breadcrumb no-print">
          <Link to="/corridors">{t('nav.corridors')}</Link> ›
        </p>
        <h1 id="corridor-title">
          {t('corridor.title', {
            origin: i18n.country(origin),
            destination: i18n.country(destination),
          })}
        </h1>
        <p className="notice">
          {t('corridor.notEncoded', {
            countries: i18n.list(
              [o ? null : origin, d ? null : destination]
                .filter((c): c is CountryCode => c !== null)
                .map((c) => i18n.country(c)),
            ),
          })}
        </p>
        <section aria-labelledby="map-title" className="no-print">
          <h2 id="map-title">{t('corridor.map')}</h2>
          <RegionCorridorMap knowledge={knowledge} highlight={{ origin, destination }} />
        </section>
        <CorridorPicker knowledge={knowledge} />
      </article>
    );
  if (!o || !d || origin === destination)
    return (
      <section>
        <h1>{t('corridor.unknown')}</h1>
        <CorridorPicker knowledge={knowledge} />
      </section>
    );
  const oName = i18n.country(origin, o.raw.name);
  const dName = i18n.country(destination, d.raw.name);
  const scored = scorePrinciples(kb, origin, destination, at);
  const schemesAt = (country: CountryCode, direction: 'inbound' | 'outbound') => {
    const byScheme = new Map<string, { name: string; branches: string[]; membership: string }>();
    for (const b of BRANCHES)
      for (const open of openSchemes(
        kb,
        country,
        b,
        at,
        direction,
        direction === 'inbound' ? origin : null,
      )) {
        const entry = byScheme.get(open.scheme.id) ?? {
          name: open.scheme.raw.name,
          branches: [],
          membership: open.membership,
        };
        entry.branches.push(b);
        byScheme.set(open.scheme.id, entry);
      }
    return [...byScheme.entries()];
  };
  const inbound = schemesAt(destination, 'inbound');
  const outbound = schemesAt(origin, 'outbound');
  return (
    <article aria-labelledby="corridor-title">
      <p className="breadcrumb no-print">
        <Link to="/corridors">{t('nav.corridors')}</Link> ›
      </p>
      <h1 id="corridor-title">{t('corridor.title', { origin: oName, destination: dName })}</h1>
      <p className="lead">{t('corridor.intro', { origin: oName, destination: dName })}</p>

      <section aria-labelledby="principles-title">
        <h2 id="principles-title">{t('corridor.principles')}</h2>
        <p className="muted">{t('corridor.principlesNote')}</p>
        <div className="card-list" data-testid="principles">
          {scored.principles.map((p) => (
            <article className={`card principle principle--${p.score}`} key={p.id}>
              <header className="result__head">
                <h3>{t(`principle.${p.id}`)}</h3>
                <ScoreBadge score={p.score} />
              </header>
              {p.unverified ? (
                <p className="flag flag--unverified">{t('corridor.restsOnUnverified')}</p>
              ) : null}
              <details>
                <summary>{t('corridor.evidence', { count: p.evidence.length })}</summary>
                <ul>
                  {p.evidence.map((e) => (
                    <li key={e} lang="en">
                      {e}
                    </li>
                  ))}
                </ul>
              </details>
            </article>
          ))}
        </div>
      </section>

      <section aria-labelledby="agreements-title">
        <h2 id="agreements-title">{t('corridor.agreements')}</h2>
        {scored.agreements.length === 0 ? (
          <p>{t('corridor.noAgreements')}</p>
        ) : (
          <ul className="agreements">
            {scored.agreements.map((a) => (
              <li key={a.id}>
                <span lang="en">{a.title}</span>{' '}
                <span className={`tag tag--${a.inForce ? 'yes' : 'no'}`}>
                  {t(a.inForce ? 'agreement.inForce' : 'agreement.notInForce')}
                </span>{' '}
                <span className="tag">
                  {t(`agreementKind.${a.kind as (typeof AGREEMENT_KINDS)[number]}`)}
                </span>
                {a.binding ? null : <span className="tag">{t('agreement.nonBinding')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="map-title" className="no-print">
        <h2 id="map-title">{t('corridor.map')}</h2>
        <RegionCorridorMap knowledge={knowledge} highlight={{ origin, destination }} />
      </section>

      <div className="grid grid--2">
        <section aria-labelledby="dest-title">
          <h2 id="dest-title">
            {t('corridor.schemesDest', { origin: oName, destination: dName })}
          </h2>
          {inbound.length === 0 ? (
            <p>{t('corridor.noSchemes')}</p>
          ) : (
            <ul>
              {inbound.map(([id, s]) => (
                <li key={id}>
                  <span lang="en">{s.name}</span> —{' '}
                  {i18n.list(s.branches.map((b) => t(`branch.${b as (typeof BRANCHES)[number]}`)))}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="origin-title">
          <h2 id="origin-title">{t('corridor.schemesOrigin', { origin: oName })}</h2>
          {outbound.length === 0 ? (
            <p>{t('corridor.noSchemes')}</p>
          ) : (
            <ul>
              {outbound.map(([id, s]) => (
                <li key={id}>
                  <span lang="en">{s.name}</span> —{' '}
                  {i18n.list(s.branches.map((b) => t(`branch.${b as (typeof BRANCHES)[number]}`)))}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <CorridorWorkspace origin={origin} destination={destination} />
      <p className="no-print">
        <Link to={`/corridors/${destination.toLowerCase()}/${origin.toLowerCase()}`}>
          {t('corridor.reverse', { origin: dName, destination: oName })}
        </Link>
      </p>
    </article>
  );
}

export default function CorridorPage({
  origin,
  destination,
}: {
  readonly origin: string;
  readonly destination: string;
}) {
  return (
    <KnowledgeGate>
      {(knowledge) => (
        <Corridor
          knowledge={knowledge}
          origin={origin as CountryCode}
          destination={destination as CountryCode}
        />
      )}
    </KnowledgeGate>
  );
}
