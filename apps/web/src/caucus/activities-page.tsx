// The member area's activities (/account/activities): what a member, or their staff, recorded —
// bills they sponsor with their status and last action, visits they were part of, engagements
// with a body — and the forms to record more. The server keeps them to the caucus (or the
// secretariat) until the secretariat publishes them, and checks every rule (docs/api.md).
import type { BillActionName } from '@tulay/store/vocabulary';
import { BILL_ACTIONS } from '@tulay/store/vocabulary';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { I18n } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { CardList, RecordHeading } from './activity-records.tsx';
import type { List, Person } from './api.ts';
import { BillSponsors } from './bill-sponsors.tsx';
import { sortedCountries } from './document-form.tsx';
import type { Body } from './record-body.ts';
import { filled, lines } from './record-body.ts';
import { RecordEditor, dateFields, named, visibilityField } from './record-editor.tsx';
import { useSession } from './session.ts';
import { Loading, VisibilityTag, partialDate, useApi, useTitle } from './ui.tsx';

/** What a member may choose: publishing is the secretariat's. */
type MemberVisibility = 'caucus' | 'secretariat';

/** A member's record as its form shows it: one the member sees is never public while editable. */
const memberVisibility = (v: string | undefined): MemberVisibility =>
  v === 'secretariat' ? 'secretariat' : 'caucus';

export interface BillAction {
  readonly date: string;
  readonly classification: BillActionName;
  readonly description?: string;
}

export interface Bill {
  readonly id: string;
  readonly organization_id: string;
  readonly identifier: string;
  readonly title: string;
  readonly summary?: string;
  readonly status?: BillActionName;
  readonly status_date?: string;
  readonly visibility: string;
  readonly actions: BillAction[];
  readonly sponsors: BillSponsor[];
  readonly updated_at?: string;
  readonly recorded_by?: { readonly name: string; readonly role: string };
}

export interface BillSponsor {
  readonly person_id: string;
  readonly classification: 'primary' | 'cosponsor';
}

/** The places a visit went to (the kinds the report names). */
export interface VisitSite {
  readonly name: string;
  readonly kind?: string;
}

export interface VisitRecommendation {
  readonly n: number;
  readonly text: string;
  readonly commitment_id: string | null;
}

export interface Visit {
  readonly id: string;
  readonly title: string;
  readonly host_country: string;
  readonly visiting_countries: string[];
  readonly start_date?: string;
  readonly end_date?: string;
  readonly sites?: VisitSite[];
  readonly findings?: string;
  readonly recommendations?: VisitRecommendation[];
  readonly visibility: string;
  readonly updated_at?: string;
  readonly recorded_by?: { readonly name: string; readonly role: string };
}

export interface Engagement {
  readonly id: string;
  readonly organization_id: string;
  readonly title: string;
  readonly engagement_date?: string;
  readonly asked?: string;
  readonly response?: string;
  readonly visibility: string;
  readonly updated_at?: string;
  readonly recorded_by?: { readonly name: string; readonly role: string };
}

/** GET /api/activities/mine and /api/activities/from-members. */
export interface ActivitiesByKind {
  readonly bills: Bill[];
  readonly visits: Visit[];
  readonly engagements: Engagement[];
}

interface Organization {
  readonly id: string;
  readonly name: string;
  readonly classification: string;
}

/** The bodies a member engages: regional and international ones. */
const BODIES = new Set(['regional_body', 'international_body']);

/** Who may see a member's record, the choice of the member. */
const MEMBER_VISIBILITIES: readonly MemberVisibility[] = ['caucus', 'secretariat'];

const today = () => new Date().toISOString().slice(0, 10);

/** A bill's actions, in words. */
const billActions = (t: I18n['t']) =>
  BILL_ACTIONS.map((a) => ({ value: a, label: t('caucus.activities.billStatus', { status: a }) }));

export function BillStatusTag({ status }: { readonly status: BillActionName | undefined }) {
  const { t } = useI18n();
  if (status === undefined) return null;
  const tone =
    status === 'enacted' || status === 'passed'
      ? 'yes'
      : status === 'vetoed' || status === 'lapsed' || status === 'withdrawn'
        ? 'rejected'
        : 'wait';
  return (
    <span className={`tag tag--${tone}`}>{t('caucus.activities.billStatus', { status })}</span>
  );
}

/** What a bill's form shows, from the bill (or empty for a new one, with its first action). */
function billValues(bill: Bill | undefined) {
  return {
    organization_id: bill?.organization_id ?? '',
    identifier: bill?.identifier ?? '',
    title: bill?.title ?? '',
    summary: bill?.summary ?? '',
    visibility: memberVisibility(bill?.visibility),
    first: 'introduced' as BillActionName,
    date: today(),
  };
}

/** The fields of a bill the form sets, as the API takes them (a new one's first action apart). */
function billBody(v: ReturnType<typeof billValues>): Body {
  return {
    organization_id: v.organization_id,
    identifier: v.identifier,
    title: v.title,
    ...filled({ summary: v.summary }),
    visibility: v.visibility,
  };
}

/** Records a bill, or changes one not yet published (`bill`): its actions have their own form. */
function BillForm({
  parliaments,
  bill,
  onDone,
}: {
  readonly parliaments: Organization[];
  readonly bill?: Bill;
  /** With the title recorded (as the API keeps it, trimmed). */
  readonly onDone: (title: string) => void;
}) {
  const { t } = useI18n();
  return (
    <RecordEditor
      idPrefix={bill ? `bill-${bill.id}` : 'bill'}
      values={billValues(bill)}
      body={(v) =>
        bill
          ? billBody(v)
          : { ...billBody(v), actions: [{ date: v.date, classification: v.first }] }
      }
      send={bill ? { change: `/api/bills/${bill.id}` } : { create: '/api/bills' }}
      onSaved={(v) => {
        onDone(v.title.trim());
      }}
      heading={bill ? undefined : t('caucus.activities.recordBill')}
      submitLabel={bill ? t('caucus.activities.saveChanges') : t('caucus.activities.saveBill')}
      fields={() => [
        {
          key: 'organization_id',
          id: 'parliament',
          label: t('caucus.activities.parliament'),
          options: named(parliaments),
          empty: t('caucus.none.choice'),
        },
        [
          {
            key: 'identifier',
            label: t('caucus.activities.identifier'),
            hint: t('caucus.activities.identifierHint'),
            maxLength: 100,
          },
          visibilityField(t, MEMBER_VISIBILITIES, t('caucus.activities.visibilityHint')),
        ],
        { key: 'title', label: t('caucus.field.title'), maxLength: 1000 },
        { key: 'summary', label: t('caucus.activities.summary'), isOptional: true, rows: 4 },
        bill
          ? null
          : {
              legend: t('caucus.activities.firstAction'),
              row: [
                {
                  key: 'first',
                  id: 'first-action',
                  label: t('caucus.activities.action'),
                  errors: ['body.actions.0.classification'],
                  options: billActions(t),
                },
                {
                  key: 'date',
                  id: 'first-date',
                  label: t('caucus.field.date'),
                  errors: ['body.actions.0.date'],
                  isDate: true,
                },
              ],
            },
      ]}
    />
  );
}

/** A bill's next action: its status becomes the latest. */
function ActionForm({ bill, onDone }: { readonly bill: Bill; readonly onDone: () => void }) {
  const { t } = useI18n();
  return (
    <RecordEditor
      idPrefix={`action-${bill.id}`}
      values={{
        classification: 'referred_to_committee',
        date: today(),
        description: '',
      }}
      body={(v) => ({
        date: v.date,
        classification: v.classification,
        ...filled({ description: v.description }),
      })}
      send={{ create: `/api/bills/${bill.id}/actions`, keeps: ['classification', 'date'] }}
      onSaved={onDone}
      submitLabel={t('caucus.activities.addAction')}
      fields={() => [
        [
          { key: 'classification', label: t('caucus.activities.action'), options: billActions(t) },
          { key: 'date', label: t('caucus.field.date'), isDate: true },
        ],
        {
          key: 'description',
          label: t('caucus.field.description'),
          isOptional: true,
          maxLength: 2000,
        },
      ]}
    />
  );
}

/** The caucus's countries, and any other a record already names (the secretariat may record one). */
function withCurrent(countries: readonly string[], current: readonly string[]): string[] {
  return [...countries, ...current.filter((c) => !countries.includes(c))];
}

/** What a visit's form shows, from the visit (or empty for a new one). */
function visitValues(visit: Visit | undefined) {
  return {
    title: visit?.title ?? '',
    host_country: visit?.host_country ?? '',
    visiting_countries: visit?.visiting_countries ?? [],
    start_date: visit?.start_date ?? '',
    end_date: visit?.end_date ?? '',
    sites: (visit?.sites ?? []).map((s) => s.name).join('\n'),
    findings: visit?.findings ?? '',
    recommendations: (visit?.recommendations ?? []).map((r) => r.text).join('\n'),
    visibility: memberVisibility(visit?.visibility),
  };
}

/**
 * The fields of a visit the form sets, as the API takes them. A place keeps the kind it was
 * recorded with (the form edits names only); recommendations already tied to a commitment are
 * the secretariat's to change, so the form leaves them out (`hasLinked`).
 */
function visitBody(
  v: ReturnType<typeof visitValues>,
  before: Visit | undefined,
  hasLinked: boolean,
): Body {
  const kinds = new Map((before?.sites ?? []).map((s) => [s.name, s.kind]));
  const sites = lines(v.sites).map((name) => {
    const kind = kinds.get(name);
    return kind === undefined ? { name } : { name, kind };
  });
  const recommendations = lines(v.recommendations);
  return {
    title: v.title,
    host_country: v.host_country,
    visiting_countries: v.visiting_countries,
    ...filled({ start_date: v.start_date, end_date: v.end_date, findings: v.findings }),
    ...(sites.length > 0 ? { sites } : {}),
    ...(!hasLinked && recommendations.length > 0 ? { recommendations } : {}),
    visibility: v.visibility,
  };
}

/** Records a visit, or changes one not yet published (`visit`). */
function VisitForm({
  visit,
  onDone,
}: {
  readonly visit?: Visit;
  /** With the title recorded (as the API keeps it, trimmed). */
  readonly onDone: (title: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const hasLinked = (visit?.recommendations ?? []).some((r) => r.commitment_id !== null);
  return (
    <RecordEditor
      idPrefix={visit ? `visit-${visit.id}` : 'visit'}
      values={visitValues(visit)}
      body={(v) => visitBody(v, visit, hasLinked)}
      send={visit ? { change: `/api/visits/${visit.id}` } : { create: '/api/visits' }}
      onSaved={(v) => {
        onDone(v.title.trim());
      }}
      heading={visit ? undefined : t('caucus.activities.recordVisit')}
      submitLabel={visit ? t('caucus.activities.saveChanges') : t('caucus.activities.saveVisit')}
      fields={({ values, set, error, id }) => [
        { key: 'title', label: t('caucus.field.title'), maxLength: 500 },
        [
          {
            key: 'host_country',
            id: 'host',
            label: t('caucus.activities.host'),
            options: withCurrent(
              sortedCountries(i18n),
              values.host_country === '' ? [] : [values.host_country],
            ).map((c) => ({ value: c, label: i18n.country(c) })),
            empty: t('caucus.none.choice'),
          },
          visibilityField(t, MEMBER_VISIBILITIES, t('caucus.activities.visibilityHint')),
          ...dateFields(t),
        ],
        <VisitingCountries
          id={id('visiting')}
          value={values.visiting_countries}
          onChange={(visiting_countries) => {
            set({ visiting_countries });
          }}
          error={error('body.visiting_countries')}
        />,
        {
          key: 'sites',
          label: t('caucus.activities.sites'),
          hint: t('caucus.activities.onePerLine'),
          isOptional: true,
          rows: 3,
        },
        { key: 'findings', label: t('caucus.activities.findings'), isOptional: true, rows: 4 },
        hasLinked ? (
          <div className="field">
            <p className="label">{t('caucus.activities.recommendations')}</p>
            <p className="field__hint">{t('caucus.activities.recommendationsLinked')}</p>
            <ul>
              {(visit?.recommendations ?? []).map((r) => (
                <li key={r.n}>{r.text}</li>
              ))}
            </ul>
          </div>
        ) : (
          {
            key: 'recommendations',
            label: t('caucus.activities.recommendations'),
            hint: t('caucus.activities.onePerLine'),
            isOptional: true,
            rows: 3,
          }
        ),
      ]}
    />
  );
}

/** The countries a visit came from, ticked (the caucus's, and any the visit already names). */
function VisitingCountries({
  id,
  value,
  onChange,
  error,
}: {
  readonly id: string;
  readonly value: readonly string[];
  readonly onChange: (countries: string[]) => void;
  readonly error: string | undefined;
}) {
  const i18n = useI18n();
  return (
    <fieldset
      className={`field${error ? ' field--invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{i18n.t('caucus.activities.visiting')}</legend>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="checkbox-grid">
        {withCurrent(sortedCountries(i18n), value).map((c) => (
          <label key={c} className="checkbox">
            <input
              type="checkbox"
              checked={value.includes(c)}
              onChange={(e) => {
                onChange(e.target.checked ? [...value, c] : value.filter((x) => x !== c));
              }}
            />{' '}
            {i18n.country(c)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** What an engagement's form shows, from the engagement (or empty for a new one). */
function engagementValues(engagement: Engagement | undefined) {
  return {
    organization_id: engagement?.organization_id ?? '',
    title: engagement?.title ?? '',
    engagement_date: engagement?.engagement_date ?? '',
    asked: engagement?.asked ?? '',
    response: engagement?.response ?? '',
    visibility: memberVisibility(engagement?.visibility),
  };
}

function engagementBody(v: ReturnType<typeof engagementValues>): Body {
  return {
    organization_id: v.organization_id,
    title: v.title,
    ...filled({ engagement_date: v.engagement_date, asked: v.asked, response: v.response }),
    visibility: v.visibility,
  };
}

/** Records an engagement with a body, or changes one not yet published (`engagement`). */
function EngagementForm({
  bodies,
  engagement,
  onDone,
}: {
  readonly bodies: Organization[];
  readonly engagement?: Engagement;
  /** With the title recorded (as the API keeps it, trimmed). */
  readonly onDone: (title: string) => void;
}) {
  const { t } = useI18n();
  return (
    <RecordEditor
      idPrefix={engagement ? `engagement-${engagement.id}` : 'engagement'}
      values={engagementValues(engagement)}
      body={engagementBody}
      send={
        engagement
          ? { change: `/api/engagements/${engagement.id}` }
          : { create: '/api/engagements' }
      }
      onSaved={(v) => {
        onDone(v.title.trim());
      }}
      heading={engagement ? undefined : t('caucus.activities.recordEngagement')}
      submitLabel={
        engagement ? t('caucus.activities.saveChanges') : t('caucus.activities.saveEngagement')
      }
      fields={() => [
        [
          {
            key: 'organization_id',
            id: 'body',
            label: t('caucus.activities.body'),
            options: named(bodies),
            empty: t('caucus.none.choice'),
          },
          {
            key: 'engagement_date',
            id: 'date',
            label: t('caucus.field.date'),
            isOptional: true,
            isDate: true,
          },
        ],
        { key: 'title', label: t('caucus.field.title'), maxLength: 500 },
        { key: 'asked', label: t('caucus.activities.asked'), isOptional: true, rows: 3 },
        { key: 'response', label: t('caucus.activities.response'), isOptional: true, rows: 3 },
        visibilityField(t, MEMBER_VISIBILITIES, t('caucus.activities.visibilityHint')),
      ]}
    />
  );
}

/** A bill as a card: status, last action, who recorded it (for the secretariat), and its actions. */
export function BillCard({
  bill,
  parliamentName,
  children,
}: {
  readonly bill: Bill;
  readonly parliamentName: string;
  readonly children?: ReactNode;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const last = bill.actions.at(-1);
  return (
    <li className="card" data-testid={`bill-${bill.id}`}>
      <RecordHeading
        tags={
          <>
            <BillStatusTag status={bill.status} /> <VisibilityTag visibility={bill.visibility} />
          </>
        }
        title={`${bill.identifier} · ${bill.title}`}
      >
        {parliamentName}
        {last
          ? ` · ${t('caucus.activities.lastAction', {
              action: t('caucus.activities.billStatus', { status: last.classification }),
              date: partialDate(i18n, last.date),
            })}`
          : ''}
      </RecordHeading>
      {children}
    </li>
  );
}

/**
 * A record the member may still change (not yet published: docs/api.md), in a disclosure; a
 * published one says the secretariat changes it now, and offers nothing the API would refuse.
 */
function EditOwn({
  label,
  visibility,
  children,
}: {
  readonly label: string;
  readonly visibility: string;
  readonly children: ReactNode;
}) {
  const { t } = useI18n();
  if (visibility === 'public') return <p className="muted">{t('caucus.activities.published')}</p>;
  return (
    <details>
      <summary>{label}</summary>
      {children}
    </details>
  );
}

/** A visit or an engagement as a card: what it is (`children`), and its form until published. */
function OwnCard({
  record,
  form,
  children,
}: {
  readonly record: { readonly title: string; readonly visibility: string };
  readonly form: ReactNode;
  readonly children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <li className="card">
      <RecordHeading tags={<VisibilityTag visibility={record.visibility} />} title={record.title}>
        {children}
      </RecordHeading>
      <EditOwn
        label={t('caucus.activities.editItem', { title: record.title })}
        visibility={record.visibility}
      >
        {form}
      </EditOwn>
    </li>
  );
}

function MyActivities({
  mine,
  organizations,
  people,
  personId,
  reload,
}: {
  readonly mine: ActivitiesByKind;
  readonly organizations: readonly Organization[];
  readonly people: readonly Person[];
  readonly personId: string;
  readonly reload: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  const name = (id: string) => names.get(id) ?? id;
  const parliaments = organizations.filter((o) => o.classification === 'parliament');
  const bodies = organizations.filter((o) => BODIES.has(o.classification));
  return (
    <>
      <h2>{t('caucus.activities.bills')}</h2>
      <CardList
        records={mine.bills}
        none={t('caucus.activities.noBills')}
        testId="my-bills"
        isSingle
        card={(b) => (
          <BillCard bill={b} parliamentName={name(b.organization_id)}>
            <BillSponsors bill={b} people={people} personId={personId} onDone={reload} />
            <EditOwn
              label={t('caucus.activities.editItem', { title: b.identifier })}
              visibility={b.visibility}
            >
              <BillForm parliaments={parliaments} bill={b} onDone={reload} />
            </EditOwn>
            <details>
              <summary>{t('caucus.activities.addActionTo', { bill: b.identifier })}</summary>
              <ActionForm bill={b} onDone={reload} />
            </details>
          </BillCard>
        )}
      />
      <h2>{t('caucus.activities.visits')}</h2>
      <CardList
        records={mine.visits}
        none={t('caucus.activities.noVisits')}
        testId="my-visits"
        isSingle
        card={(v) => (
          <OwnCard record={v} form={<VisitForm visit={v} onDone={reload} />}>
            {t('caucus.activities.visitPlaces', {
              host: i18n.country(v.host_country),
              visitors: i18n.list(v.visiting_countries.map((c) => i18n.country(c))),
            })}
            {v.start_date ? ` · ${partialDate(i18n, v.start_date)}` : ''}
          </OwnCard>
        )}
      />
      <h2>{t('caucus.activities.engagements')}</h2>
      <CardList
        records={mine.engagements}
        none={t('caucus.activities.noEngagements')}
        testId="my-engagements"
        isSingle
        card={(e) => (
          <OwnCard
            record={e}
            form={<EngagementForm bodies={bodies} engagement={e} onDone={reload} />}
          >
            {name(e.organization_id)}
            {e.engagement_date ? ` · ${partialDate(i18n, e.engagement_date)}` : ''}
          </OwnCard>
        )}
      />
    </>
  );
}

type Form = 'bill' | 'visit' | 'engagement';

export function ActivitiesPage() {
  const { t } = useI18n();
  const session = useSession();
  useTitle(t('caucus.activities.title'));
  const user = session.status === 'ready' ? session.user : null;
  const mayRecord =
    user !== null && (user.role === 'member' || user.role === 'staff') && user.person_id !== null;
  const [mine, reload] = useApi<ActivitiesByKind>(mayRecord ? '/api/activities/mine' : null);
  const [organizations] = useApi<List<Organization>>(
    mayRecord ? '/api/organizations?limit=500' : null,
  );
  // Co-sponsors are chosen from the people the API lists to the member.
  const [people] = useApi<List<Person>>(mayRecord ? '/api/people?limit=500' : null);
  const [form, setForm] = useState<Form | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);

  if (session.status === 'loading')
    return (
      <p className="status" role="status">
        {t('caucus.loading')}
      </p>
    );
  if (session.status === 'offline') return <p className="notice">{t('caucus.error.network')}</p>;
  if (!user)
    return (
      <section>
        <h1>{t('caucus.activities.title')}</h1>
        <p>
          {t('caucus.account.signInFirst')} <Link to="/sign-in">{t('caucus.nav.signIn')}</Link>
        </p>
      </section>
    );
  if (!mayRecord)
    return (
      <section>
        <h1>{t('caucus.activities.title')}</h1>
        <p className="notice">{t('caucus.activities.membersOnly')}</p>
      </section>
    );

  const done = (title: string) => {
    setRecorded(title);
    setForm(null);
    reload();
  };
  return (
    <section>
      <p className="label">
        <Link to="/account">{t('caucus.account.title')}</Link>
      </p>
      <h1>{t('caucus.activities.title')}</h1>
      <p className="lead">{t('caucus.activities.lead')}</p>
      {recorded ? (
        <p className="notice" role="status">
          {t('caucus.activities.recorded', { title: recorded })}
        </p>
      ) : null}
      <div className="form-actions">
        {(['bill', 'visit', 'engagement'] as const).map((f) => (
          <button
            key={f}
            type="button"
            className={`button ${form === f ? 'button--primary' : 'button--secondary'}`}
            aria-expanded={form === f}
            onClick={() => {
              setRecorded(null);
              setForm((x) => (x === f ? null : f));
            }}
          >
            {t('caucus.activities.record', { kind: f })}
          </button>
        ))}
      </div>
      <Loading state={organizations}>
        {(list) => (
          <>
            {form === 'bill' ? (
              <BillForm
                parliaments={list.items.filter((o) => o.classification === 'parliament')}
                onDone={done}
              />
            ) : null}
            {form === 'visit' ? <VisitForm onDone={done} /> : null}
            {form === 'engagement' ? (
              <EngagementForm
                bodies={list.items.filter((o) => BODIES.has(o.classification))}
                onDone={done}
              />
            ) : null}
            <Loading state={mine}>
              {(data) => (
                <Loading state={people}>
                  {(persons) => (
                    <MyActivities
                      mine={data}
                      organizations={list.items}
                      people={persons.items}
                      personId={user.person_id ?? ''}
                      reload={reload}
                    />
                  )}
                </Loading>
              )}
            </Loading>
          </>
        )}
      </Loading>
    </section>
  );
}
