import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { KnowledgeGate } from '../ui/knowledge-gate.tsx';
import { CorridorPicker } from './corridor-picker.tsx';
import { RegionCorridorMap } from './region-corridor-map.tsx';
import { REPORT_CORRIDORS } from './region-corridors.ts';

export default function CorridorsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby="corridors-title">
      <h1 id="corridors-title">{t('corridors.title')}</h1>
      <p className="lead">{t('corridors.intro')}</p>
      <KnowledgeGate>
        {(knowledge) => (
          <>
            <CorridorPicker knowledge={knowledge} />
            <section aria-labelledby="map-title">
              <h2 id="map-title">{t('corridors.map.heading')}</h2>
              <p className="muted">{t('corridors.map.note')}</p>
              <RegionCorridorMap knowledge={knowledge} />
            </section>
          </>
        )}
      </KnowledgeGate>
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
