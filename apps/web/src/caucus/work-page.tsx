// The caucus's activities as the viewer may see them (/caucus/activities): the strategy workshops
// whose areas for action the work follows, national caucuses and committees with their status
// history, the meetings of the bodies the caucus engages (with the iCalendar feed), and the work
// with CSOs and trade unions. What the secretariat keeps to the caucus or to itself shows only to
// those who may see it: the API filters every list.
import { useI18n } from '../i18n/i18n.tsx';
import {
  CardList,
  CollaborationHeading,
  MeetingHeading,
  MemberList,
  NationalCaucusHeading,
  StatusHistory,
} from './activity-records.tsx';
import type {
  BodyEvent,
  Collaboration,
  List,
  NationalCaucus,
  Organization,
  Person,
  RecordSource,
  Topic,
} from './api.ts';
import { LazyDetails } from './record-form.tsx';
import { Loading, useApi, useTitle } from './ui.tsx';
import { WorkshopList } from './workshop-ui.tsx';

/** Meetings that recur first (a body's cycle), then the dated ones, the latest first. */
function byWhen(a: BodyEvent, b: BodyEvent): number {
  const recurs = (m: BodyEvent) => (m.cycle !== undefined || m.recurrence !== undefined ? 0 : 1);
  return recurs(a) - recurs(b) || (b.start_date ?? '').localeCompare(a.start_date ?? '');
}

/** Where a record's facts come from: a cited source with its link, or the founding report. */
function Source({ source }: { readonly source: RecordSource | undefined }) {
  const { t } = useI18n();
  if (!source) return null;
  if (source.title)
    return (
      <p className="muted">
        {t('caucus.work.source')}{' '}
        {source.url ? (
          <a href={source.url} lang="en">
            {source.title}
          </a>
        ) : (
          <span lang="en">{source.title}</span>
        )}
      </p>
    );
  if (source.section)
    return (
      <p className="muted">
        {t('caucus.work.reportSection')} <span lang="en">{source.section}</span>
      </p>
    );
  return null;
}

function Members({ caucus }: { readonly caucus: NationalCaucus }) {
  const [detail] = useApi<NationalCaucus>(`/api/national-caucuses/${caucus.id}`);
  const [people] = useApi<List<Person>>('/api/people?limit=500');
  return (
    <Loading state={detail}>
      {(d) => (
        <Loading state={people}>
          {(p) => (
            <MemberList
              members={d.members ?? []}
              names={new Map(p.items.map((x) => [x.id, x.name]))}
            />
          )}
        </Loading>
      )}
    </Loading>
  );
}

export function WorkPage() {
  const { t } = useI18n();
  useTitle(t('caucus.work.title'));
  const [caucuses] = useApi<List<NationalCaucus>>('/api/national-caucuses');
  const [meetings] = useApi<List<BodyEvent>>('/api/body-events?limit=500');
  const [collaborations] = useApi<List<Collaboration>>('/api/collaborations?limit=500');
  const [organizations] = useApi<List<Organization>>('/api/organizations?limit=500');
  const [topics] = useApi<List<Topic>>('/api/topics?kind=area_for_action&limit=500');
  const names = new Map(
    organizations.status === 'ready' ? organizations.data.items.map((o) => [o.id, o.name]) : [],
  );
  const areas = new Map(
    topics.status === 'ready' ? topics.data.items.map((x) => [x.id, x.name]) : [],
  );
  const orgName = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
  return (
    <section>
      <h1>{t('caucus.work.title')}</h1>
      <p className="lead">{t('caucus.work.lead')}</p>

      <WorkshopList />

      <h2>{t('caucus.work.caucuses')}</h2>
      <p>{t('caucus.work.caucusesLead')}</p>
      <Loading state={caucuses}>
        {(list) => (
          <CardList
            records={list.items}
            none={t('caucus.work.noCaucuses')}
            testId="public-national-caucuses"
            card={(c) => (
              <li className="card">
                <NationalCaucusHeading caucus={c} parliament={orgName(c.parliament_id)} />
                {c.description ? <p lang="en">{c.description}</p> : null}
                <StatusHistory caucus={c} />
                <LazyDetails summary={t('caucus.work.members', { name: c.name })}>
                  {() => <Members caucus={c} />}
                </LazyDetails>
              </li>
            )}
          />
        )}
      </Loading>

      <h2>{t('caucus.work.meetings')}</h2>
      <p>
        {t('caucus.work.meetingsLead')}{' '}
        <a href="/api/engagements.ics">{t('caucus.work.calendar')}</a>
      </p>
      <Loading state={meetings}>
        {(list) => (
          <CardList
            records={[...list.items].sort(byWhen)}
            none={t('caucus.none')}
            testId="public-meetings"
            card={(m) => (
              <li className="card">
                <MeetingHeading meeting={m} body={orgName(m.organization_id)} />
                {m.description ? <p lang="en">{m.description}</p> : null}
                <Source source={m.source} />
              </li>
            )}
          />
        )}
      </Loading>

      <h2>{t('caucus.work.collaborations')}</h2>
      <Loading state={collaborations}>
        {(list) => (
          <CardList
            records={list.items}
            none={t('caucus.none')}
            testId="public-collaborations"
            card={(c) => (
              <li className="card">
                <CollaborationHeading
                  collaboration={c}
                  partner={orgName(c.organization_id)}
                  area={c.topic_id ? (areas.get(c.topic_id) ?? null) : null}
                />
                {c.description ? <p lang="en">{c.description}</p> : null}
                <Source source={c.source} />
              </li>
            )}
          />
        )}
      </Loading>
    </section>
  );
}
