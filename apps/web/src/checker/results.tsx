// The answer, country by country and scheme by scheme: what is owed, whether it can be paid at
// home, what stands in the way and what would remove it, how to claim, and why (the trace).
import type {
  Amount,
  Barrier,
  BranchResult,
  CheckResult,
  KnowledgeBase,
  Remedy,
  Status,
} from '@tulay/engine';
import type { I18n } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import {
  En,
  barrierSentence,
  missingKey,
  reasonSentence,
  remedySentence,
} from './result-words.tsx';

const STATUS_ORDER: Readonly<Record<Status, number>> = {
  entitled: 0,
  entitled_through_agreement: 1,
  cannot_tell: 2,
  not_entitled: 3,
  not_covered: 4,
};

const isEntitled = (r: BranchResult) =>
  r.status === 'entitled' || r.status === 'entitled_through_agreement';

function formatAmount(i18n: I18n, a: Amount): string {
  return i18n.t('result.amount', { amount: i18n.money(a.amount, a.currency), per: a.per });
}

function RemedyItem({ remedy }: { readonly remedy: Remedy }) {
  const i18n = useI18n();
  return <li>{remedySentence(remedy, i18n)}</li>;
}

function BarrierItem({ barrier }: { readonly barrier: Barrier }) {
  const i18n = useI18n();
  const { t } = i18n;
  const sentence = barrierSentence(barrier, i18n);
  return (
    <li className={`barrier barrier--${barrier.kind}`}>
      <strong>{t(`barrier.${barrier.code}`)}</strong>
      <span className="barrier__kind">
        {' '}
        ({t(barrier.kind === 'legal' ? 'barrier.kind.legal' : 'barrier.kind.administrative')})
      </span>
      {sentence === null ? <En block>{barrier.message}</En> : <p>{sentence}</p>}
      {barrier.removedBy.length > 0 ? (
        <div className="barrier__remedies">
          <p className="label">{t('result.removedBy')}</p>
          <ul>
            {barrier.removedBy.map((r, i) => (
              <RemedyItem key={i} remedy={r} />
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}

/** The status as a badge: a word and a shape, never colour alone. */
export function StatusBadge({ status }: { readonly status: Status }) {
  const { t } = useI18n();
  const icon: Record<Status, string> = {
    entitled: '✓',
    entitled_through_agreement: '✓',
    not_entitled: '✕',
    not_covered: '–',
    cannot_tell: '?',
  };
  return (
    <span className={`badge badge--${status}`}>
      <span aria-hidden="true">{icon[status]}</span> {t(`status.${status}`)}
    </span>
  );
}

function Trace({ result }: { readonly result: BranchResult }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <details className="why">
      <summary>{t('result.why')}</summary>
      {result.unverified.length > 0 ? (
        <p className="notice notice--warning">
          {t('result.unverifiedNote', { count: result.unverified.length })}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="trace">
          <thead>
            <tr>
              <th scope="col">{t('trace.step')}</th>
              <th scope="col">{t('trace.value')}</th>
              <th scope="col">{t('trace.at')}</th>
              <th scope="col">{t('trace.source')}</th>
            </tr>
          </thead>
          <tbody>
            {result.trace.map((s, i) => (
              <tr key={i}>
                <td lang="en" data-label={t('trace.step')}>
                  {s.step}
                  {s.note ? <span className="trace__note"> — {s.note}</span> : null}
                </td>
                {/* A text value is the knowledge base's or the engine's own English. */}
                <td
                  data-label={t('trace.value')}
                  lang={typeof s.value === 'string' ? 'en' : undefined}
                >
                  {s.value === null ? '–' : String(s.value)}
                </td>
                <td data-label={t('trace.at')}>{s.at ? i18n.month(s.at) : '–'}</td>
                <td data-label={t('trace.source')}>
                  {s.source ? (
                    <>
                      {s.source.url ? (
                        <a href={s.source.url} target="_blank" rel="noreferrer" lang="en">
                          {s.source.title}
                        </a>
                      ) : (
                        <span lang="en">{s.source.title}</span>
                      )}
                      {s.source.ref ? (
                        <span className="trace__ref" lang="en">
                          {' '}
                          {s.source.ref}
                        </span>
                      ) : null}
                      {s.source.verified ? null : (
                        <span className="flag flag--unverified"> {t('result.unverified')}</span>
                      )}
                    </>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function HowToClaim({ result }: { readonly result: BranchResult }) {
  const i18n = useI18n();
  const how = result.howToClaim;
  if (!how) return null;
  return (
    <div className="how">
      <h5>{i18n.t('result.howToClaim')}</h5>
      <En block>{how.howTo}</En>
      {how.offices.length > 0 ? (
        <>
          <p className="label">{i18n.t('result.offices')}</p>
          <ul>
            {how.offices.map((o) => (
              <li key={o.name}>
                {o.url ? (
                  <a href={o.url} target="_blank" rel="noreferrer" lang="en">
                    {o.name}
                  </a>
                ) : (
                  <span lang="en">{o.name}</span>
                )}{' '}
                ({i18n.country(o.country)})
                {o.note ? (
                  <span className="muted" lang="en">
                    {' '}
                    — {o.note}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {how.documents.length > 0 ? (
        <>
          <p className="label">{i18n.t('result.documents')}</p>
          <ul className="checklist">
            {how.documents.map((d) => (
              <li key={d} lang="en">
                {d}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {how.languages.length > 0 ? (
        <p>
          {i18n.t('result.languages', {
            languages: i18n.listOr(how.languages.map((l) => i18n.language(l))),
          })}
        </p>
      ) : null}
    </div>
  );
}

function ResultCard({
  result,
  residence,
  claimed,
}: {
  readonly result: BranchResult;
  readonly residence: string;
  readonly claimed: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const paid = result.amounts.paid;
  const where = i18n.country(residence);
  return (
    <article className={`result result--${result.status}`} data-testid="result">
      <header className="result__head">
        <div>
          <h4>{t(`branch.${result.branch}`)}</h4>
          <p className="result__scheme" lang="en">
            {result.schemeName}
          </p>
        </div>
        <StatusBadge status={result.status} />
      </header>
      {result.description ? <En block>{result.description}</En> : null}
      {isEntitled(result) ? (
        <p className={`result__amount${paid ? '' : ' result__amount--unknown'}`}>
          {paid ? formatAmount(i18n, paid) : t('result.amountUnknown')}
          {result.amounts.duration ? (
            <span className="result__duration">
              {' '}
              {t('result.duration', {
                count: result.amounts.duration.count,
                unit: result.amounts.duration.unit,
              })}
            </span>
          ) : null}
        </p>
      ) : null}
      {result.benefit === 'fallback' ? <p>{t('result.fallback')}</p> : null}
      <ul className="facts">
        <li>
          {t('result.months', { own: result.months.own })}
          {result.months.aggregated > result.months.own
            ? ` · ${t('result.monthsAggregated', { aggregated: result.months.aggregated })}`
            : ''}
          {result.months.required !== null
            ? ` · ${t('result.monthsRequired', { required: result.months.required })}`
            : ''}
        </li>
        {result.status !== 'not_covered' ? (
          <li className={`payable payable--${String(result.payableAbroad)}`}>
            {result.payableAbroad === null
              ? t('result.payable.unknown', { country: where })
              : result.payableAbroad
                ? t('result.payable.yes', { country: where })
                : t('result.payable.no', { country: where })}
          </li>
        ) : null}
        {result.agreements.length > 0 ? (
          <li>{t('result.agreements', { count: result.agreements.length })}</li>
        ) : null}
      </ul>
      {result.barriers.length > 0 ? (
        <div className="barriers">
          <h5>{t('result.barriers')}</h5>
          <ul>
            {result.barriers.map((b, i) => (
              <BarrierItem key={i} barrier={b} />
            ))}
          </ul>
        </div>
      ) : null}
      {result.reasons.length > 0 ? (
        <ul className="reasons">
          {result.reasons.map((r, i) => {
            const detail = result.reasonDetails?.[i];
            return detail ? (
              <li key={r}>{reasonSentence(detail, i18n, claimed)}</li>
            ) : (
              <li key={r} lang="en">
                {r}
              </li>
            );
          })}
        </ul>
      ) : null}
      {result.missing.length > 0 ? (
        <div className="missing">
          <p className="label">{t('result.missing')}</p>
          <ul>
            {result.missing.map((m) => {
              const key = missingKey(m);
              return <li key={m}>{key ? t(key) : <En>{m}</En>}</li>;
            })}
          </ul>
        </div>
      ) : null}
      {result.onDeparture ? (
        <p>
          <strong>{t('result.onDeparture')}</strong> <En>{result.onDeparture}</En>
        </p>
      ) : null}
      {result.status !== 'not_covered' ? <HowToClaim result={result} /> : null}
      <Trace result={result} />
    </article>
  );
}

/** The schemes that cover none of the worker's months, once each, with why. */
function NotCovered({ results }: { readonly results: readonly BranchResult[] }) {
  const i18n = useI18n();
  const schemes = [...new Set(results.map((r) => r.scheme))];
  if (schemes.length === 0) return null;
  return (
    <details className="not-covered">
      <summary>{i18n.t('results.notCovered', { count: schemes.length })}</summary>
      <ul>
        {schemes.map((s) => {
          const rs = results.filter((r) => r.scheme === s);
          const first = rs[0];
          if (!first) return null;
          const barriers = first.barriers;
          return (
            <li key={s}>
              <strong lang="en">{first.schemeName}</strong>{' '}
              <span className="muted">
                ({i18n.list(rs.map((r) => i18n.t(`branch.${r.branch}`)))})
              </span>
              {barriers.length > 0 ? (
                <ul>
                  {barriers.map((b, i) => (
                    <BarrierItem key={i} barrier={b} />
                  ))}
                </ul>
              ) : (
                <p className="muted">{i18n.t('results.notCoveredNoBarrier')}</p>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

function CoverageSummary({
  result,
  kb,
}: {
  readonly result: CheckResult;
  readonly kb: KnowledgeBase;
}) {
  const i18n = useI18n();
  const schemeName = (id: string) => kb.schemes.get(id)?.raw.name ?? id;
  return (
    <section className="coverage" aria-labelledby="coverage-title">
      <h3 id="coverage-title">{i18n.t('coverage.title')}</h3>
      <ol>
        {result.coverage.map((c) => (
          <li key={c.period}>
            <strong>{i18n.country(c.country)}</strong>, {i18n.month(c.from)} – {i18n.month(c.to)}:{' '}
            {c.schemes.length === 0 ? (
              <span className="muted">{i18n.t('coverage.none')}</span>
            ) : (
              c.schemes.map((s, i) => (
                <span key={`${s.scheme}-${s.from}`}>
                  {i > 0 ? '; ' : ''}
                  <span lang="en">{schemeName(s.scheme)}</span> ({i18n.month(s.from)} –{' '}
                  {i18n.month(s.to)}
                  {s.membership === 'voluntary' ? `, ${i18n.t('coverage.voluntary')}` : ''}
                  {s.counted ? '' : `, ${i18n.t('coverage.notPaid')}`})
                </span>
              ))
            )}
          </li>
        ))}
      </ol>
      {result.notes.length > 0 ? (
        <ul className="muted">
          {result.notes.map((n) => (
            <li key={n} lang="en">
              {n}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The whole answer. */
export function Results({
  result,
  kb,
  at,
}: {
  readonly result: CheckResult;
  readonly kb: KnowledgeBase;
  readonly at: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const entitled = result.results.filter(isEntitled);
  const countries = [...new Set(result.results.map((r) => r.country))].sort(
    (a, b) =>
      Number(entitled.some((r) => r.country === b)) - Number(entitled.some((r) => r.country === a)),
  );
  return (
    <div className="results">
      <p className="results__summary" data-testid="results-summary">
        {t('results.summary', {
          entitled: entitled.length,
          countries: new Set(entitled.map((r) => r.country)).size,
        })}
      </p>
      <p className="results__context">
        {t('results.context', { date: i18n.date(at), country: i18n.country(result.residence) })}
        {result.claim
          ? ` ${t('results.claim', { branch: t(`branch.${result.claim.branch}`), date: i18n.month(result.claim.date) })}`
          : ''}
      </p>
      {i18n.locale !== 'en' ? <p className="notice">{t('results.englishNote')}</p> : null}
      <CoverageSummary result={result} kb={kb} />
      {countries.map((country) => {
        const rs = result.results
          .filter((r) => r.country === country)
          .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
        const shown = rs.filter((r) => r.status !== 'not_covered');
        const notCovered = rs.filter((r) => r.status === 'not_covered');
        return (
          <section className="country-results" key={country} aria-labelledby={`in-${country}`}>
            <h3 id={`in-${country}`}>{t('results.country', { country: i18n.country(country) })}</h3>
            {shown.length === 0 ? (
              <p className="muted">{t('results.noneIn', { country: i18n.country(country) })}</p>
            ) : (
              <div className="result-list">
                {shown.map((r) => (
                  <ResultCard
                    key={`${r.scheme}-${r.branch}`}
                    result={r}
                    residence={result.residence}
                    claimed={result.claim !== null}
                  />
                ))}
              </div>
            )}
            <NotCovered results={notCovered} />
          </section>
        );
      })}
      {result.results.length === 0 ? <p>{t('results.nothing')}</p> : null}
    </div>
  );
}
