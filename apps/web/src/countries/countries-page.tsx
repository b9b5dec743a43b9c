// Countries compared: for each country and branch, whether migrant workers are covered (inbound)
// and whether its nationals abroad are (outbound), at the law's date (coverageMatrix).
import type { MatrixCell } from '@tulay/engine';
import { BRANCHES, coverageMatrix, parseMonth } from '@tulay/engine';
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { useLawDate } from '../law-date.ts';
import { Link } from '../router.tsx';
import { RadioGroup } from '../ui/field.tsx';
import { KnowledgeGate } from '../ui/knowledge-gate.tsx';
import { describeRequirement } from './conditions.ts';

type Direction = 'inbound' | 'outbound';

function Cell({ cell }: { readonly cell: MatrixCell }) {
  const i18n = useI18n();
  const { t } = i18n;
  const icon = { compulsory: '●', voluntary: '◐', none: '○' }[cell.level];
  return (
    <td className={`cell cell--${cell.level}`}>
      <span className="cell__level">
        <span aria-hidden="true">{icon}</span> {t(`level.${cell.level}`)}
        {cell.unverified ? (
          <span className="flag flag--unverified" title={t('result.unverified')}>
            {' '}
            ?<span className="visually-hidden"> {t('result.unverified')}</span>
          </span>
        ) : null}
      </span>
      {cell.requirements.length > 0 ? (
        <span className="cell__conditions">
          {cell.requirements.map((r) => describeRequirement(r, i18n)).join('; ')}
        </span>
      ) : null}
    </td>
  );
}

function Matrix({ knowledge }: { readonly knowledge: Knowledge }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { date } = useLawDate();
  const [direction, setDirection] = useState<Direction>('inbound');
  const rows = useMemo(
    () => coverageMatrix(knowledge.kb, parseMonth(date.slice(0, 7))),
    [knowledge, date],
  );
  const collator = new Intl.Collator(i18n.intl.tag);
  const sorted = [...rows].sort((a, b) =>
    collator.compare(i18n.country(a.country, a.name), i18n.country(b.country, b.name)),
  );
  return (
    <>
      <RadioGroup<Direction>
        name="direction"
        legend={t('countries.direction')}
        value={direction}
        options={[
          { value: 'inbound', label: t('countries.inbound') },
          { value: 'outbound', label: t('countries.outbound') },
        ]}
        onChange={setDirection}
        className="radio-group--inline no-print"
      />
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="matrix-caption">
        <table className="matrix" data-testid="matrix">
          <caption id="matrix-caption">
            {t(
              direction === 'inbound' ? 'countries.caption.inbound' : 'countries.caption.outbound',
              {
                date: i18n.date(date),
              },
            )}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('countries.country')}</th>
              {BRANCHES.map((b) => (
                <th scope="col" key={b}>
                  {t(`branch.${b}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.country}>
                <th scope="row">
                  <Link to={`/countries/${row.country.toLowerCase()}`}>
                    {i18n.country(row.country, row.name)}
                  </Link>
                </th>
                {BRANCHES.map((b) => (
                  <Cell key={b} cell={row[direction][b]} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="legend">
        <span aria-hidden="true">●</span> {t('level.compulsory')} ·{' '}
        <span aria-hidden="true">◐</span> {t('level.voluntary')} · <span aria-hidden="true">○</span>{' '}
        {t('level.none')} · ? {t('result.unverified')}
      </p>
    </>
  );
}

export default function CountriesPage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="countries-title">
      <h1 id="countries-title">{t('countries.title')}</h1>
      <p className="lead">{t('countries.intro')}</p>
      <KnowledgeGate>{(knowledge) => <Matrix knowledge={knowledge} />}</KnowledgeGate>
    </section>
  );
}
