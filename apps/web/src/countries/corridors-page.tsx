import { useI18n } from '../i18n/i18n.tsx';
import { KnowledgeGate } from '../ui/knowledge-gate.tsx';
import { CorridorPicker } from './corridor-picker.tsx';
import { Link } from '../router.tsx';

/** The corridors of the 2011 report, and a picker for any other. */
const REPORT_CORRIDORS: readonly (readonly [string, string])[] = [
  ['KH', 'TH'],
  ['LA', 'TH'],
  ['MM', 'TH'],
  ['ID', 'MY'],
  ['NP', 'MY'],
  ['PH', 'SG'],
  ['ID', 'SG'],
  ['VN', 'MY'],
  ['IN', 'MY'],
];

export default function CorridorsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby="corridors-title">
      <h1 id="corridors-title">{t('corridors.title')}</h1>
      <p className="lead">{t('corridors.intro')}</p>
      <KnowledgeGate>{(knowledge) => <CorridorPicker knowledge={knowledge} />}</KnowledgeGate>
      <h2>{t('corridors.common')}</h2>
      <ul className="corridor-list">
        {REPORT_CORRIDORS.map(([o, d]) => (
          <li key={`${o}-${d}`}>
            <Link to={`/corridors/${o.toLowerCase()}/${d.toLowerCase()}`}>
              {i18n.country(o)} → {i18n.country(d)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
