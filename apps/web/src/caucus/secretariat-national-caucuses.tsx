// The secretariat's screen of national caucuses and committees (`/api/national-caucuses`): record
// one with its first status, change its name, founding date, description or visibility (it is a
// Popolo Organization: `PATCH /api/organizations/:id`), add a change of status (the history keeps
// every one, each with its own visibility), and add a member (a Popolo Membership of it).
import type { I18n } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { MemberList, NationalCaucusHeading, StatusHistory } from './activity-records.tsx';
import type { CaucusStatus, List, NationalCaucus, Organization, Person } from './api.ts';
import { CAUCUS_STATUSES } from './api.ts';
import { sortedCountries } from './document-form.tsx';
import { ALL_VISIBILITIES, filled, publicRecord } from './record-body.ts';
import { RecordEditor, named, visibilities } from './record-editor.tsx';
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

/** A new caucus: what the form starts with, and starts again with but for the choices kept. */
const newCaucus = {
  country: '',
  parliament_id: '',
  name: '',
  status: 'informal_group' as CaucusStatus,
  status_date: '',
  founding_date: '',
  description: '',
  note: '',
  visibility: publicRecord,
};

function NewCaucusForm({
  organizations,
  onSaved,
}: {
  readonly organizations: readonly Organization[];
  readonly onSaved: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <RecordEditor
      idPrefix="nc-new"
      values={newCaucus}
      body={(v) => ({
        country: v.country,
        parliament_id: v.parliament_id,
        name: v.name,
        status: v.status,
        status_date: v.status_date,
        ...filled({ founding_date: v.founding_date, description: v.description, note: v.note }),
        visibility: v.visibility,
      })}
      send={{
        create: '/api/national-caucuses',
        keeps: ['country', 'parliament_id', 'status', 'visibility'],
      }}
      onSaved={onSaved}
      submitLabel={t('caucus.sec.nationalCaucuses.create')}
      fields={({ values }) => [
        [
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
          hint: t('caucus.sec.nationalCaucuses.nameHint'),
          maxLength: 300,
        },
        [
          { key: 'status', label: t('caucus.field.status'), options: statuses(t) },
          {
            key: 'status_date',
            id: 'status-date',
            label: t('caucus.field.status_date'),
            isDate: true,
          },
          {
            key: 'founding_date',
            id: 'founding',
            label: t('caucus.field.founding_date'),
            isOptional: true,
            isDate: true,
          },
          {
            key: 'visibility',
            label: t('caucus.field.visibility'),
            hint: t('caucus.sec.nationalCaucuses.visibilityHint'),
            options: visibilities(t, ALL_VISIBILITIES),
          },
        ],
        { key: 'description', label: t('caucus.field.description'), isOptional: true, rows: 3 },
        {
          key: 'note',
          label: t('caucus.sec.nationalCaucuses.statusNote'),
          isOptional: true,
          maxLength: 2000,
        },
      ]}
    />
  );
}

function caucusValues(c: NationalCaucus) {
  return {
    name: c.name,
    founding_date: c.founding_date ?? '',
    description: c.description ?? '',
    visibility: c.visibility,
  };
}

/** A caucus's own fields, changed as the organisation it is. */
function EditCaucusForm({
  caucus,
  onSaved,
}: {
  readonly caucus: NationalCaucus;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  return (
    <RecordEditor
      idPrefix={`nc-${caucus.id}`}
      values={caucusValues(caucus)}
      body={(v) => ({
        name: v.name,
        ...filled({ founding_date: v.founding_date, description: v.description }),
        visibility: v.visibility,
      })}
      send={{ change: `/api/organizations/${caucus.id}` }}
      onSaved={onSaved}
      submitLabel={t('caucus.sec.save')}
      fields={() => [
        { key: 'name', label: t('caucus.field.name'), maxLength: 300 },
        [
          {
            key: 'founding_date',
            id: 'founding',
            label: t('caucus.field.founding_date'),
            isOptional: true,
            isDate: true,
          },
          {
            key: 'visibility',
            label: t('caucus.field.visibility'),
            options: visibilities(t, ALL_VISIBILITIES),
          },
        ],
        { key: 'description', label: t('caucus.field.description'), isOptional: true, rows: 3 },
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
        [
          { key: 'status', label: t('caucus.field.status'), options: statuses(t) },
          { key: 'status_date', id: 'date', label: t('caucus.field.status_date'), isDate: true },
        ],
        { key: 'note', label: t('caucus.field.note'), isOptional: true, maxLength: 2000 },
        {
          key: 'source',
          label: t('caucus.field.source'),
          hint: t('caucus.records.sourceHint'),
          isOptional: true,
          maxLength: 2000,
        },
        {
          key: 'visibility',
          label: t('caucus.field.visibility'),
          hint: t('caucus.sec.nationalCaucuses.changeVisibilityHint'),
          options: visibilities(t, ALL_VISIBILITIES),
        },
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
          {
            key: 'visibility',
            label: t('caucus.field.visibility'),
            options: visibilities(t, ALL_VISIBILITIES),
          },
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
      create={(orgs) => <NewCaucusForm organizations={orgs.items} onSaved={reload} />}
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
          edit={<EditCaucusForm caucus={c} onSaved={reload} />}
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
