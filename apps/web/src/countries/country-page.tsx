// One country: its schemes and what they cover at the law's date, its agreements, and its standing
// on the international instruments the 2011 report names.
import type { CountryCode } from '@tulay/engine';
import { BRANCHES, holdsIn, parseMonth, versionAt } from '@tulay/engine';
import { instrumentsAt } from '@tulay/knowledge';
import { useI18n } from '../i18n/i18n.tsx';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { useLawDate } from '../law-date.ts';
import { Link } from '../router.tsx';
import { KnowledgeGate } from '../ui/knowledge-gate.tsx';

function Country({ knowledge, code }: { readonly knowledge: Knowledge; readonly code: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { date } = useLawDate();
  const at = parseMonth(date.slice(0, 7));
  const j = knowledge.kb.jurisdictions.get(code as CountryCode);
  if (!j)
    return (
      <section>
        <h1>{t('country.unknown', { code })}</h1>
        <p>
          <Link to="/countries">{t('nav.countries')}</Link>
        </p>
      </section>
    );
  const name = i18n.country(j.country, j.raw.name);
  const schemes = j.schemes.filter((s) => holdsIn(s, at));
  const agreements = knowledge.kb.agreementsByCountry.get(j.country) ?? [];
  const instruments = instrumentsAt(knowledge.instruments, [j.country], date);
  const corridorPartners = [...knowledge.kb.jurisdictions.values()].filter(
    (o) => o.raw.scope === 'full' && o.country !== j.country,
  );
  return (
    <article aria-labelledby="country-title">
      <p className="breadcrumb">
        <Link to="/countries">{t('nav.countries')}</Link> ›
      </p>
      <h1 id="country-title">{name}</h1>
      {j.raw.summary ? (
        <p className="lead" lang="en">
          {j.raw.summary}
        </p>
      ) : null}
      {j.raw.scope !== 'full' ? <p className="notice">{t('country.partnerOnly')}</p> : null}

      <section aria-labelledby="schemes-title">
        <h2 id="schemes-title">{t('country.schemes', { count: schemes.length })}</h2>
        <div className="card-list">
          {schemes.map((s) => {
            const branches = BRANCHES.filter((b) => versionAt(s.branches.get(b) ?? [], at));
            return (
              <article className="card" key={s.id}>
                <h3 lang="en">{s.raw.name}</h3>
                <p className="muted">
                  {t(`schemeKind.${s.raw.kind}`)} ·{' '}
                  {s.raw.administrator.url ? (
                    <a href={s.raw.administrator.url} target="_blank" rel="noreferrer" lang="en">
                      {s.raw.administrator.name}
                    </a>
                  ) : (
                    <span lang="en">{s.raw.administrator.name}</span>
                  )}
                </p>
                {s.raw.summary ? <p lang="en">{s.raw.summary}</p> : null}
                {branches.length > 0 ? (
                  <p>
                    <span className="label">{t('country.branches')}</span>{' '}
                    {i18n.list(branches.map((b) => t(`branch.${b}`)))}
                  </p>
                ) : null}
              </article>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="agreements-title">
        <h2 id="agreements-title">{t('country.agreements')}</h2>
        {agreements.length === 0 ? (
          <p>{t('country.noAgreements')}</p>
        ) : (
          <ul className="agreements">
            {agreements.map((a) => {
              const inForce = a.inForce !== null && holdsIn(a.inForce, at);
              return (
                <li key={a.id}>
                  <span lang="en">{a.raw.title}</span>{' '}
                  <span className={`tag tag--${inForce ? 'yes' : 'no'}`}>
                    {t(inForce ? 'agreement.inForce' : 'agreement.notInForce')}
                  </span>{' '}
                  <span className="tag">{t(`agreementKind.${a.raw.kind}`)}</span>
                  {a.raw.binding ? null : <span className="tag">{t('agreement.nonBinding')}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="instruments-title">
        <h2 id="instruments-title">{t('country.instruments')}</h2>
        <div className="table-scroll">
          <table className="simple">
            <thead>
              <tr>
                <th scope="col">{t('country.instrument')}</th>
                <th scope="col">{t('country.standing')}</th>
              </tr>
            </thead>
            <tbody>
              {instruments
                .filter((i) => i.ratifiable)
                .map((i) => {
                  const s = i.countries[j.country];
                  return (
                    <tr key={i.id}>
                      <td lang="en">{i.title}</td>
                      <td>
                        {t(`standing.${s?.standing ?? 'unknown'}`)}
                        {s?.date ? ` (${s.date})` : ''}
                        {s && !s.verified ? (
                          <span className="flag flag--unverified"> {t('result.unverified')}</span>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      </section>

      {j.raw.scope === 'full' ? (
        <section aria-labelledby="corridors-title" className="no-print">
          <h2 id="corridors-title">{t('country.corridors')}</h2>
          <ul className="inline-list">
            {corridorPartners.map((o) => (
              <li key={o.country}>
                <Link to={`/corridors/${j.country.toLowerCase()}/${o.country.toLowerCase()}`}>
                  {name} → {i18n.country(o.country, o.raw.name)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

export default function CountryPage({ country }: { readonly country: string }) {
  return (
    <KnowledgeGate>{(knowledge) => <Country knowledge={knowledge} code={country} />}</KnowledgeGate>
  );
}
