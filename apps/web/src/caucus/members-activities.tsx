// The secretariat's review of what members and their staff recorded (bills, visits, engagements):
// kept to the caucus or the secretariat until published here, with the change route
// (`visibility: "public"`) the secretariat uses for any record.
import { useI18n } from '../i18n/i18n.tsx';
import type { List } from './api.ts';
import type { ActivitiesByKind } from './activities-page.tsx';
import { BillCard } from './activities-page.tsx';
import { PublishButton } from './record-form.tsx';
import { Loading, VisibilityTag, partialDate, useApi } from './ui.tsx';

interface Reviewed {
  readonly id: string;
  readonly title: string;
  readonly visibility: string;
  readonly recorded_by?: { readonly name: string; readonly role: string };
  readonly updated_at?: string;
}

function RecordedBy({ item }: { readonly item: Reviewed }) {
  const i18n = useI18n();
  if (!item.recorded_by) return null;
  return (
    <p className="muted">
      {i18n.t('caucus.sec.activities.recordedBy', {
        name: item.recorded_by.name,
        role: item.recorded_by.role,
        date: partialDate(i18n, item.updated_at),
      })}
    </p>
  );
}

export function MembersActivitiesSection() {
  const i18n = useI18n();
  const { t } = i18n;
  const [data, reload] = useApi<ActivitiesByKind>('/api/activities/from-members');
  const [organizations] = useApi<List<{ id: string; name: string }>>(
    '/api/organizations?limit=500',
  );
  const names =
    organizations.status === 'ready'
      ? new Map(organizations.data.items.map((o) => [o.id, o.name]))
      : new Map<string, string>();
  return (
    <>
      <p>{t('caucus.sec.activities.lead')}</p>
      <Loading state={data}>
        {(d) =>
          d.bills.length + d.visits.length + d.engagements.length === 0 ? (
            <p>{t('caucus.sec.activities.none')}</p>
          ) : (
            <>
              <h2>{t('caucus.activities.bills')}</h2>
              <ul className="card-list card-list--single" data-testid="members-bills">
                {d.bills.map((b) => (
                  <BillCard
                    key={b.id}
                    bill={b}
                    parliamentName={names.get(b.organization_id) ?? b.organization_id}
                  >
                    <RecordedBy item={b} />
                    <PublishButton
                      path={`/api/bills/${b.id}`}
                      title={b.title}
                      visibility={b.visibility}
                      onDone={reload}
                    />
                  </BillCard>
                ))}
              </ul>
              <h2>{t('caucus.activities.visits')}</h2>
              <ul className="card-list card-list--single">
                {d.visits.map((v) => (
                  <li key={v.id} className="card">
                    <p>
                      <VisibilityTag visibility={v.visibility} />
                    </p>
                    <h3 className="card__title">{v.title}</h3>
                    <RecordedBy item={v} />
                    <PublishButton
                      path={`/api/visits/${v.id}`}
                      title={v.title}
                      visibility={v.visibility}
                      onDone={reload}
                    />
                  </li>
                ))}
              </ul>
              <h2>{t('caucus.activities.engagements')}</h2>
              <ul className="card-list card-list--single">
                {d.engagements.map((e) => (
                  <li key={e.id} className="card">
                    <p>
                      <VisibilityTag visibility={e.visibility} />
                    </p>
                    <h3 className="card__title">{e.title}</h3>
                    <p className="muted">{names.get(e.organization_id) ?? e.organization_id}</p>
                    <RecordedBy item={e} />
                    <PublishButton
                      path={`/api/engagements/${e.id}`}
                      title={e.title}
                      visibility={e.visibility}
                      onDone={reload}
                    />
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Loading>
    </>
  );
}
