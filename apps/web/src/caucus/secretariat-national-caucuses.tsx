// The secretariat's screen of national caucuses and committees (`/api/national-caucuses`): record
// one with its first status, change its name, founding date, description or visibility (it is a
// Popolo Organization: `PATCH /api/organizations/:id`), add a change of status (the history keeps
// every one, each with its own visibility), and add a member (a Popolo Membership of it).
import type { I18n } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { MemberList, NationalCaucusHeading, StatusHistory } from './activity-records.tsx';
import type { List, NationalCaucus, Organization, Person } from './api.ts';
import { CAUCUS_STATUSES } from './api.ts';
import { sortedCountries } from './document-form.tsx';
import { ALL_VISIBILITIES, filled, publicRecord } from './record-body.ts';
import { RecordEditor, named, visibilityField } from './record-editor.tsx';
import { LazyDetails } from './record-form.tsx';
import { RecordCard, SecretariatRecords } from './secretariat-records.tsx';
import { Loading, useApi } from './ui.tsx';

/** The roles the form offers for a member of a caucus (the API takes any short text). */
const CAUCUS_ROLES = ['chair', 'vice_chair', 'secretary', 'member'] as const;

const division = (country: string) => `ocd-division/country:${country.toLowerCase()}`;

/**
 * The parliaments of a country: those whose area is the country, and chambers of one (a chamber
 * carries no area of its own, its parliament does), as the API checks them.
 */
export function parliamentsOf(
  country: string,
  organizations: readonly Organization[],
): Organization[] {
  const parliaments = organizations.filter((o) => o.classification === 'parliament');
  if (country === '') return parliaments;
  const area = division(country);
  const byId = new Map(organizations.map((o) => [o.id, o]));
  return parliaments.filter(
    (o) =>
      o.area_id === area ||
      ((o.area_id ?? null) === null &&
        o.parent_id != null &&
        byId.get(o.parent_id)?.area_id === area),
  );
}

/** The statuses a caucus may have, in words. */
const statuses = (t: I18n['t']) =>
  CAUCUS_STATUSES.map((s) => ({
    value: s,
    label: t('caucus.nationalCaucus.status', { status: s }),
  }));

/** A status and its date, side by side: a caucus's first, or a change of it. */
function statusFields(t: I18n['t'], dateId: string) {
  return [
    { key: 'status', label: t('caucus.field.status'), options: statuses(t) },
    { key: 'status_date', id: dateId, label: t('caucus.field.status_date'), isDate: true },
  ] as const;
}

/**
 * What a caucus's form shows: a new one's fields, or those of one recorded (its country,
 * parliament and status are then the record's, and changed otherwise: a change of status).
 */
function caucusValues(c: NationalCaucus | undefined) {
  return {
    country: c?.country ?? '',
    parliament_id: c?.parliament_id ?? '',
    name: c?.name ?? '',
    status: c?.status ?? 'informal_group',
    status_date: '',
    founding_date: c?.founding_date ?? '',
    description: c?.description ?? '',
    note: '',
    visibility: c?.visibility ?? publicRecord,
  };
}

/**
 * Records a caucus with its first status, or changes one's own fields (`caucus`): its name,
 * founding date, description and visibility, as the Popolo Organization it is.
 */
function CaucusForm({
  organizations,
  caucus,
  onSaved,
}: {
  readonly organizations: readonly Organization[];
  readonly caucus?: NationalCaucus;
  readonly onSaved: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const own = (v: ReturnType<typeof caucusValues>) => ({
    name: v.name,
    ...filled({ founding_date: v.founding_date, description: v.description }),
    visibility: v.visibility,
  });
  return (
    <RecordEditor
      idPrefix={caucus ? `nc-${caucus.id}` : 'nc-new'}
      values={caucusValues(caucus)}
      body={(v) =>
        caucus
          ? own(v)
          : {
              country: v.country,
              parliament_id: v.parliament_id,
              status: v.status,
              status_date: v.status_date,
              ...filled({ note: v.note }),
              ...own(v),
            }
      }
      send={
        caucus
          ? { change: `/api/organizations/${caucus.id}` }
          : {
              create: '/api/national-caucuses',
              keeps: ['country', 'parliament_id', 'status', 'visibility'],
            }
      }
      onSaved={onSaved}
      submitLabel={caucus ? t('caucus.sec.save') : t('caucus.sec.nationalCaucuses.create')}
      fields={({ values }) => [
        caucus
          ? null
          : [
              {
                key: 'country',
                label: t('caucus.field.country'),
                options: sortedCountries(i18n).map((c) => ({ value: c, label: i18n.country(c) })),
                empty: t('caucus.none.choice'),
                // Another country's parliaments are not this one's.
                also: { parliament_id: '' },
              },
              {
                key: 'parliament_id',
                id: 'parliament',
                label: t('caucus.field.parliament_id'),
                options: named(parliamentsOf(values.country, organizations)),
                empty: t('caucus.none.choice'),
              },
            ],
        {
          key: 'name',
          label: t('caucus.field.name'),
          hint: caucus ? undefined : t('caucus.sec.nationalCaucuses.nameHint'),
          maxLength: 300,
        },
        [
          ...(caucus ? [] : statusFields(t, 'status-date')),
          {
            key: 'founding_date',
            id: 'founding',
            label: t('caucus.field.founding_date'),
            isOptional: true,
            isDate: true,
          },
          visibilityField(
            t,
            ALL_VISIBILITIES,
            caucus ? undefined : t('caucus.sec.nationalCaucuses.visibilityHint'),
          ),
        ],
        { key: 'description', label: t('caucus.field.description'), isOptional: true, rows: 3 },
        caucus
          ? null
          : {
              key: 'note',
              label: t('caucus.sec.nationalCaucuses.statusNote'),
              isOptional: true,
              maxLength: 2000,
            },
      ]}
    />
  );
}

/** A change of status: the history keeps the earlier ones. Its visibility is its own. */
function StatusChangeForm({
  caucus,
  onSaved,
}: {
  readonly caucus: NationalCaucus;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  return (
    <RecordEditor
      idPrefix={`nc-${caucus.id}-change`}
      values={{
        status: caucus.status ?? 'informal_group',
        status_date: '',
        note: '',
        source: '',
        visibility: caucus.visibility,
      }}
      body={(v) => ({
        status: v.status,
        status_date: v.status_date,
        ...filled({ note: v.note, source: v.source }),
        visibility: v.visibility,
      })}
      send={{
        create: `/api/national-caucuses/${caucus.id}/status`,
        keeps: ['status', 'visibility'],
      }}
      onSaved={onSaved}
      submitLabel={t('caucus.sec.nationalCaucuses.addChange')}
      fields={() => [
        statusFields(t, 'date'),
        { key: 'note', label: t('caucus.field.note'), isOptional: true, maxLength: 2000 },
        {
          key: 'source',
          label: t('caucus.field.source'),
          hint: t('caucus.records.sourceHint'),
          isOptional: true,
          maxLength: 2000,
        },
        visibilityField(t, ALL_VISIBILITIES, t('caucus.sec.nationalCaucuses.changeVisibilityHint')),
      ]}
    />
  );
}

/** A member of the caucus: a Popolo Membership of the caucus's organisation. */
function MembershipForm({
  caucus,
  people,
  onSaved,
}: {
  readonly caucus: NationalCaucus;
  readonly people: readonly Person[];
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  return (
    <RecordEditor
      idPrefix={`nc-${caucus.id}-member`}
      values={{
        person_id: '',
        role: 'member',
        start_date: '',
        visibility: caucus.visibility,
      }}
      body={(v) => ({
        person_id: v.person_id,
        organization_id: caucus.id,
        role: v.role,
        ...filled({ start_date: v.start_date }),
        visibility: v.visibility,
      })}
      send={{ create: '/api/memberships', keeps: ['role', 'visibility'] }}
      onSaved={onSaved}
      submitLabel={t('caucus.sec.nationalCaucuses.addMember')}
      fields={() => [
        [
          {
            key: 'person_id',
            id: 'person',
            label: t('caucus.field.person_id'),
            options: named(people),
            empty: t('caucus.none.choice'),
          },
          {
            key: 'role',
            label: t('caucus.field.role'),
            options: CAUCUS_ROLES.map((r) => ({
              value: r,
              label: t('caucus.nationalCaucus.role', { role: r }),
            })),
          },
          {
            key: 'start_date',
            id: 'start',
            label: t('caucus.field.start_date'),
            isOptional: true,
            isDate: true,
          },
          visibilityField(t, ALL_VISIBILITIES),
        ],
      ]}
    />
  );
}

/** Who the caucus's members are (one caucus comes with them), and the form to add one. */
function CaucusMembers({
  caucus,
  people,
}: {
  readonly caucus: NationalCaucus;
  readonly people: readonly Person[];
}) {
  const { t } = useI18n();
  const [detail, reload] = useApi<NationalCaucus>(`/api/national-caucuses/${caucus.id}`);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return (
    <>
      <Loading state={detail}>
        {(d) => <MemberList members={d.members ?? []} names={names} />}
      </Loading>
      <h4>{t('caucus.sec.nationalCaucuses.addMember')}</h4>
      <MembershipForm caucus={caucus} people={people} onSaved={reload} />
    </>
  );
}

export function NationalCaucusesSection() {
  const { t } = useI18n();
  const [caucuses, reload] = useApi<List<NationalCaucus>>('/api/national-caucuses');
  const [organizations] = useApi<List<Organization>>('/api/organizations?limit=500');
  const [people] = useApi<List<Person>>('/api/people?limit=500');
  return (
    <SecretariatRecords
      lead={t('caucus.sec.nationalCaucuses.lead')}
      needs={organizations}
      newHeading={t('caucus.sec.nationalCaucuses.new')}
      existingHeading={t('caucus.sec.nationalCaucuses.existing')}
      records={caucuses}
      testId="national-caucuses"
      emptyText={t('caucus.none')}
      create={(orgs) => <CaucusForm organizations={orgs.items} onSaved={reload} />}
      card={(c, orgs) => (
        <RecordCard
          name={c.name}
          heading={
            <>
              <NationalCaucusHeading
                caucus={c}
                parliament={orgs.items.find((o) => o.id === c.parliament_id)?.name ?? null}
              />
              <StatusHistory caucus={c} />
            </>
          }
          edit={<CaucusForm organizations={orgs.items} caucus={c} onSaved={reload} />}
          path={`/api/organizations/${c.id}`}
          visibility={c.visibility}
          onChanged={reload}
        >
          <details>
            <summary>{t('caucus.sec.nationalCaucuses.changeStatusOf', { name: c.name })}</summary>
            <StatusChangeForm caucus={c} onSaved={reload} />
          </details>
          {/* Its members come with the one caucus: asked for when opened. */}
          <LazyDetails summary={t('caucus.work.members', { name: c.name })}>
            {() => (
              <Loading state={people}>
                {(p) => <CaucusMembers caucus={c} people={p.items} />}
              </Loading>
            )}
          </LazyDetails>
        </RecordCard>
      )}
    />
  );
}
