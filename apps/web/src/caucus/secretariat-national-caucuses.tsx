// The secretariat's screen of national caucuses and committees (`/api/national-caucuses`): record
// one with its first status, change its name, founding date, description or visibility (it is a
// Popolo Organization: `PATCH /api/organizations/:id`), add a change of status (the history keeps
// every one, each with its own visibility), and add a member (a Popolo Membership of it).
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { CaucusStatusTag, MemberList, StatusHistory } from './activity-records.tsx';
import type {
  CaucusStatus,
  List,
  NationalCaucus,
  Organization,
  Person,
  Visibility,
} from './api.ts';
import { CAUCUS_STATUSES, api } from './api.ts';
import { sortedCountries } from './document-form.tsx';
import type { Body } from './record-body.ts';
import {
  ALL_VISIBILITIES,
  changedFields,
  errorAt,
  filled,
  unpublishedFirst,
} from './record-body.ts';
import {
  Field,
  FormActions,
  LazyDetails,
  PublishButton,
  RecordSelect,
  TextControl,
  VisibilityControl,
} from './record-form.tsx';
import { ErrorNotice, Loading, VisibilityTag, useAction, useApi } from './ui.tsx';

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

function StatusSelect({
  id,
  value,
  onChange,
  error,
}: {
  readonly id: string;
  readonly value: CaucusStatus;
  readonly onChange: (v: CaucusStatus) => void;
  readonly error: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <Field id={id} label={t('caucus.field.status')} error={error}>
      {(props) => (
        <select
          {...props}
          value={value}
          onChange={(e) => {
            const chosen = CAUCUS_STATUSES.find((s) => s === e.target.value);
            if (chosen) onChange(chosen);
          }}
        >
          {CAUCUS_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t('caucus.nationalCaucus.status', { status: s })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function NewCaucusForm({
  organizations,
  onSaved,
}: {
  readonly organizations: readonly Organization[];
  readonly onSaved: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const action = useAction();
  const [country, setCountry] = useState('');
  const [parliament, setParliament] = useState('');
  const [name, setName] = useState('');
  const [status, setStatus] = useState<CaucusStatus>('informal_group');
  const [statusDate, setStatusDate] = useState('');
  const [founding, setFounding] = useState('');
  const [description, setDescription] = useState('');
  const [note, setNote] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [outcome, setOutcome] = useState<'saved' | null>(null);
  const err = (path: string) => errorAt(action.error, path);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setOutcome(null);
    void action.run(async () => {
      await api('POST', '/api/national-caucuses', {
        country,
        parliament_id: parliament,
        name,
        status,
        status_date: statusDate,
        ...filled({ founding_date: founding, description, note }),
        visibility,
      });
      setName('');
      setStatusDate('');
      setFounding('');
      setDescription('');
      setNote('');
      setOutcome('saved');
      onSaved();
    });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <div className="grid grid--2">
        <Field id="nc-new-country" label={t('caucus.field.country')} error={err('body.country')}>
          {(props) => (
            <select
              {...props}
              value={country}
              onChange={(e) => {
                setCountry(e.target.value);
                setParliament('');
              }}
            >
              <option value="">{t('caucus.none.choice')}</option>
              {sortedCountries(i18n).map((c) => (
                <option key={c} value={c}>
                  {i18n.country(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <RecordSelect
          id="nc-new-parliament"
          label={t('caucus.field.parliament_id')}
          error={err('body.parliament_id')}
          value={parliament}
          onChange={setParliament}
          options={parliamentsOf(country, organizations)}
        />
      </div>
      <TextControl
        id="nc-new-name"
        label={t('caucus.field.name')}
        hint={t('caucus.sec.nationalCaucuses.nameHint')}
        error={err('body.name')}
        value={name}
        onChange={setName}
        maxLength={300}
      />
      <div className="grid grid--2">
        <StatusSelect
          id="nc-new-status"
          value={status}
          onChange={setStatus}
          error={err('body.status')}
        />
        <TextControl
          id="nc-new-status-date"
          label={t('caucus.field.status_date')}
          error={err('body.status_date')}
          isDate
          value={statusDate}
          onChange={setStatusDate}
        />
        <TextControl
          id="nc-new-founding"
          label={t('caucus.field.founding_date')}
          error={err('body.founding_date')}
          isOptional
          isDate
          value={founding}
          onChange={setFounding}
        />
        <VisibilityControl
          id="nc-new-visibility"
          value={visibility}
          onChange={setVisibility}
          error={err('body.visibility')}
          choices={ALL_VISIBILITIES}
          hint={t('caucus.sec.nationalCaucuses.visibilityHint')}
        />
      </div>
      <TextControl
        id="nc-new-description"
        label={t('caucus.field.description')}
        error={err('body.description')}
        isOptional
        rows={3}
        value={description}
        onChange={setDescription}
      />
      <TextControl
        id="nc-new-note"
        label={t('caucus.sec.nationalCaucuses.statusNote')}
        error={err('body.note')}
        isOptional
        value={note}
        onChange={setNote}
        maxLength={2000}
      />
      <FormActions
        label={t('caucus.sec.nationalCaucuses.create')}
        busy={action.busy}
        outcome={outcome}
      />
    </form>
  );
}

function caucusValues(c: NationalCaucus) {
  return {
    name: c.name,
    founding: c.founding_date ?? '',
    description: c.description ?? '',
    visibility: c.visibility,
  };
}

function caucusBody(v: ReturnType<typeof caucusValues>): Body {
  return {
    name: v.name,
    ...filled({ founding_date: v.founding, description: v.description }),
    visibility: v.visibility,
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
  const action = useAction();
  const [v, setV] = useState(() => caucusValues(caucus));
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null);
  const err = (path: string) => errorAt(action.error, path);
  const id = (f: string) => `nc-${caucus.id}-${f}`;
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setOutcome(null);
    void action.run(async () => {
      const patch = changedFields(caucusBody(caucusValues(caucus)), caucusBody(v));
      if (Object.keys(patch).length === 0) {
        setOutcome('unchanged');
        return;
      }
      await api('PATCH', `/api/organizations/${caucus.id}`, patch);
      setOutcome('saved');
      onSaved();
    });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <TextControl
        id={id('name')}
        label={t('caucus.field.name')}
        error={err('body.name')}
        value={v.name}
        onChange={(name) => {
          setV((x) => ({ ...x, name }));
        }}
        maxLength={300}
      />
      <div className="grid grid--2">
        <TextControl
          id={id('founding')}
          label={t('caucus.field.founding_date')}
          error={err('body.founding_date')}
          isOptional
          isDate
          value={v.founding}
          onChange={(founding) => {
            setV((x) => ({ ...x, founding }));
          }}
        />
        <VisibilityControl
          id={id('visibility')}
          value={v.visibility}
          onChange={(visibility) => {
            setV((x) => ({ ...x, visibility }));
          }}
          error={err('body.visibility')}
          choices={ALL_VISIBILITIES}
        />
      </div>
      <TextControl
        id={id('description')}
        label={t('caucus.field.description')}
        error={err('body.description')}
        isOptional
        rows={3}
        value={v.description}
        onChange={(description) => {
          setV((x) => ({ ...x, description }));
        }}
      />
      <FormActions label={t('caucus.sec.save')} busy={action.busy} outcome={outcome} />
    </form>
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
  const action = useAction();
  const [status, setStatus] = useState<CaucusStatus>(caucus.status ?? 'informal_group');
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [source, setSource] = useState('');
  const [visibility, setVisibility] = useState<Visibility>(caucus.visibility);
  const [outcome, setOutcome] = useState<'saved' | null>(null);
  const err = (path: string) => errorAt(action.error, path);
  const id = (f: string) => `nc-${caucus.id}-change-${f}`;
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setOutcome(null);
    void action.run(async () => {
      await api('POST', `/api/national-caucuses/${caucus.id}/status`, {
        status,
        status_date: date,
        ...filled({ note, source }),
        visibility,
      });
      setDate('');
      setNote('');
      setSource('');
      setOutcome('saved');
      onSaved();
    });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <div className="grid grid--2">
        <StatusSelect
          id={id('status')}
          value={status}
          onChange={setStatus}
          error={err('body.status')}
        />
        <TextControl
          id={id('date')}
          label={t('caucus.field.status_date')}
          error={err('body.status_date')}
          isDate
          value={date}
          onChange={setDate}
        />
      </div>
      <TextControl
        id={id('note')}
        label={t('caucus.field.note')}
        error={err('body.note')}
        isOptional
        value={note}
        onChange={setNote}
        maxLength={2000}
      />
      <TextControl
        id={id('source')}
        label={t('caucus.field.source')}
        hint={t('caucus.records.sourceHint')}
        error={err('body.source')}
        isOptional
        value={source}
        onChange={setSource}
        maxLength={2000}
      />
      <VisibilityControl
        id={id('visibility')}
        value={visibility}
        onChange={setVisibility}
        error={err('body.visibility')}
        choices={ALL_VISIBILITIES}
        hint={t('caucus.sec.nationalCaucuses.changeVisibilityHint')}
      />
      <FormActions
        label={t('caucus.sec.nationalCaucuses.addChange')}
        busy={action.busy}
        outcome={outcome}
      />
    </form>
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
  const action = useAction();
  const [person, setPerson] = useState('');
  const [role, setRole] = useState<(typeof CAUCUS_ROLES)[number]>('member');
  const [start, setStart] = useState('');
  const [visibility, setVisibility] = useState<Visibility>(caucus.visibility);
  const [outcome, setOutcome] = useState<'saved' | null>(null);
  const err = (path: string) => errorAt(action.error, path);
  const id = (f: string) => `nc-${caucus.id}-member-${f}`;
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setOutcome(null);
    void action.run(async () => {
      await api('POST', '/api/memberships', {
        person_id: person,
        organization_id: caucus.id,
        role,
        ...filled({ start_date: start }),
        visibility,
      });
      setPerson('');
      setStart('');
      setOutcome('saved');
      onSaved();
    });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <div className="grid grid--2">
        <RecordSelect
          id={id('person')}
          label={t('caucus.field.person_id')}
          error={err('body.person_id')}
          value={person}
          onChange={setPerson}
          options={people}
        />
        <Field id={id('role')} label={t('caucus.field.role')} error={err('body.role')}>
          {(props) => (
            <select
              {...props}
              value={role}
              onChange={(e) => {
                const chosen = CAUCUS_ROLES.find((r) => r === e.target.value);
                if (chosen) setRole(chosen);
              }}
            >
              {CAUCUS_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t('caucus.nationalCaucus.role', { role: r })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextControl
          id={id('start')}
          label={t('caucus.field.start_date')}
          error={err('body.start_date')}
          isOptional
          isDate
          value={start}
          onChange={setStart}
        />
        <VisibilityControl
          id={id('visibility')}
          value={visibility}
          onChange={setVisibility}
          error={err('body.visibility')}
          choices={ALL_VISIBILITIES}
        />
      </div>
      <FormActions
        label={t('caucus.sec.nationalCaucuses.addMember')}
        busy={action.busy}
        outcome={outcome}
      />
    </form>
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
  const i18n = useI18n();
  const { t } = i18n;
  const [caucuses, reload] = useApi<List<NationalCaucus>>('/api/national-caucuses');
  const [organizations] = useApi<List<Organization>>('/api/organizations?limit=500');
  const [people] = useApi<List<Person>>('/api/people?limit=500');
  return (
    <>
      <p>{t('caucus.sec.nationalCaucuses.lead')}</p>
      <Loading state={organizations}>
        {(orgs) => {
          const names = new Map(orgs.items.map((o) => [o.id, o.name]));
          return (
            <>
              <h2>{t('caucus.sec.nationalCaucuses.new')}</h2>
              <NewCaucusForm organizations={orgs.items} onSaved={reload} />
              <h2>{t('caucus.sec.nationalCaucuses.existing')}</h2>
              <Loading state={caucuses}>
                {(list) =>
                  list.items.length === 0 ? (
                    <p>{t('caucus.none')}</p>
                  ) : (
                    <ul className="card-list card-list--single" data-testid="national-caucuses">
                      {unpublishedFirst(list.items).map((c) => (
                        <li key={c.id} className="card">
                          <p>
                            <CaucusStatusTag status={c.status} />{' '}
                            <VisibilityTag visibility={c.visibility} />
                          </p>
                          <h3 className="card__title" lang="en">
                            {c.name}
                          </h3>
                          <p className="muted">
                            {[
                              c.country ? i18n.country(c.country) : null,
                              c.parliament_id ? (names.get(c.parliament_id) ?? null) : null,
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          </p>
                          <StatusHistory caucus={c} />
                          <details>
                            <summary>{t('caucus.activities.editItem', { title: c.name })}</summary>
                            <EditCaucusForm caucus={c} onSaved={reload} />
                          </details>
                          <details>
                            <summary>
                              {t('caucus.sec.nationalCaucuses.changeStatusOf', { name: c.name })}
                            </summary>
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
                          <PublishButton
                            path={`/api/organizations/${c.id}`}
                            title={c.name}
                            visibility={c.visibility}
                            onDone={reload}
                          />
                        </li>
                      ))}
                    </ul>
                  )
                }
              </Loading>
            </>
          );
        }}
      </Loading>
    </>
  );
}
