// The member area's activities (/account/activities): what a member, or their staff, recorded —
// bills they sponsor with their status and last action, visits they were part of, engagements
// with a body — and the forms to record more. The server keeps them to the caucus (or the
// secretariat) until the secretariat publishes them, and checks every rule (docs/api.md).
import type { BillActionName } from '@tulay/store/vocabulary';
import { BILL_ACTIONS } from '@tulay/store/vocabulary';
import type { ReactNode, SyntheticEvent } from 'react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { SelectField, TextAreaField, TextField } from '../ui/field.tsx';
import type { List } from './api.ts';
import { ApiError, api } from './api.ts';
import { sortedCountries } from './document-form.tsx';
import { useSession } from './session.ts';
import {
  ErrorNotice,
  Loading,
  PartialDateField,
  VisibilityTag,
  partialDate,
  useAction,
  useApi,
  useTitle,
} from './ui.tsx';

/** What a member may choose: publishing is the secretariat's. */
type MemberVisibility = 'caucus' | 'secretariat';

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
  readonly updated_at?: string;
  readonly recorded_by?: { readonly name: string; readonly role: string };
}

export interface Visit {
  readonly id: string;
  readonly title: string;
  readonly host_country: string;
  readonly visiting_countries: string[];
  readonly start_date?: string;
  readonly end_date?: string;
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

/** The message of the error the API gave for `path` or a field under it (`body.sites.0.name`). */
function errorAt(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f) => f.path === path || f.path.startsWith(`${path}.`))?.message;
}

function VisibilityField({
  id,
  value,
  onChange,
  errorText,
}: {
  readonly id: string;
  readonly value: MemberVisibility;
  readonly onChange: (v: MemberVisibility) => void;
  readonly errorText: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      id={id}
      label={t('caucus.field.visibility')}
      hint={t('caucus.activities.visibilityHint')}
      errorText={errorText}
      value={value}
      onChange={onChange}
      options={[
        { value: 'caucus', label: t('caucus.visibility.caucus') },
        { value: 'secretariat', label: t('caucus.visibility.secretariat') },
      ]}
    />
  );
}

/** Only the optional fields that were filled in. */
function filled(values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v.trim() !== '') out[k] = v.trim();
  return out;
}

/** Lines of a text area, blank ones left out. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

const today = () => new Date().toISOString().slice(0, 10);

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

function ActionChoice({
  id,
  value,
  onChange,
  errorText,
}: {
  readonly id: string;
  readonly value: BillActionName;
  readonly onChange: (v: BillActionName) => void;
  readonly errorText: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      id={id}
      label={t('caucus.activities.action')}
      errorText={errorText}
      value={value}
      onChange={onChange}
      options={BILL_ACTIONS.map((a) => ({
        value: a,
        label: t('caucus.activities.billStatus', { status: a }),
      }))}
    />
  );
}

function BillForm({
  parliaments,
  onDone,
}: {
  readonly parliaments: Organization[];
  readonly onDone: (bill: Bill) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [organization, setOrganization] = useState('');
  const [identifier, setIdentifier] = useState('');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [first, setFirst] = useState<BillActionName>('introduced');
  const [date, setDate] = useState(today);
  const [visibility, setVisibility] = useState<MemberVisibility>('caucus');
  const err = (path: string) => errorAt(action.error, path);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const bill = await api<Bill>('POST', '/api/bills', {
        organization_id: organization,
        identifier,
        title,
        ...filled({ summary }),
        actions: [{ date, classification: first }],
        visibility,
      });
      onDone(bill);
    });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="bill-form-title">
      <h3 id="bill-form-title">{t('caucus.activities.recordBill')}</h3>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <SelectField
        id="bill-parliament"
        label={t('caucus.activities.parliament')}
        errorText={err('body.organization_id')}
        value={organization}
        onChange={setOrganization}
        empty={t('caucus.none.choice')}
        options={parliaments.map((o) => ({ value: o.id, label: o.name }))}
      />
      <div className="grid grid--2">
        <TextField
          id="bill-identifier"
          label={t('caucus.activities.identifier')}
          hint={t('caucus.activities.identifierHint')}
          errorText={err('body.identifier')}
          value={identifier}
          maxLength={100}
          onChange={setIdentifier}
        />
        <VisibilityField
          id="bill-visibility"
          value={visibility}
          onChange={setVisibility}
          errorText={err('body.visibility')}
        />
      </div>
      <TextField
        id="bill-title"
        label={t('caucus.field.title')}
        errorText={err('body.title')}
        value={title}
        maxLength={1000}
        onChange={setTitle}
      />
      <TextAreaField
        id="bill-summary"
        label={t('caucus.activities.summary')}
        errorText={err('body.summary')}
        isOptional
        rows={4}
        value={summary}
        onChange={setSummary}
      />
      <fieldset className="field">
        <legend>{t('caucus.activities.firstAction')}</legend>
        <div className="grid grid--2">
          <ActionChoice
            id="bill-first-action"
            value={first}
            onChange={setFirst}
            errorText={err('body.actions.0.classification')}
          />
          <PartialDateField
            id="bill-first-date"
            label={t('caucus.field.date')}
            value={date}
            onChange={setDate}
            errorText={err('body.actions.0.date')}
          />
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('caucus.activities.saveBill')}
        </button>
      </div>
    </form>
  );
}

function ActionForm({ bill, onDone }: { readonly bill: Bill; readonly onDone: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [classification, setClassification] = useState<BillActionName>('referred_to_committee');
  const [date, setDate] = useState(today);
  const [description, setDescription] = useState('');
  const err = (path: string) => errorAt(action.error, path);
  const prefix = `action-${bill.id}`;
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api<Bill>('POST', `/api/bills/${bill.id}/actions`, {
        date,
        classification,
        ...filled({ description }),
      });
      setDescription('');
      onDone();
    });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <div className="grid grid--2">
        <ActionChoice
          id={`${prefix}-classification`}
          value={classification}
          onChange={setClassification}
          errorText={err('body.classification')}
        />
        <PartialDateField
          id={`${prefix}-date`}
          label={t('caucus.field.date')}
          value={date}
          onChange={setDate}
          errorText={err('body.date')}
        />
      </div>
      <TextField
        id={`${prefix}-description`}
        label={t('caucus.field.description')}
        errorText={err('body.description')}
        isOptional
        value={description}
        maxLength={2000}
        onChange={setDescription}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('caucus.activities.addAction')}
        </button>
      </div>
    </form>
  );
}

function VisitForm({ onDone }: { readonly onDone: (visit: Visit) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const action = useAction();
  const [title, setTitle] = useState('');
  const [host, setHost] = useState('');
  const [visiting, setVisiting] = useState<string[]>([]);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [sites, setSites] = useState('');
  const [findings, setFindings] = useState('');
  const [recommendations, setRecommendations] = useState('');
  const [visibility, setVisibility] = useState<MemberVisibility>('caucus');
  const err = (path: string) => errorAt(action.error, path);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const visit = await api<Visit>('POST', '/api/visits', {
        title,
        host_country: host,
        visiting_countries: visiting,
        ...filled({ start_date: start, end_date: end, findings }),
        ...(lines(sites).length > 0 ? { sites: lines(sites).map((name) => ({ name })) } : {}),
        ...(lines(recommendations).length > 0 ? { recommendations: lines(recommendations) } : {}),
        visibility,
      });
      onDone(visit);
    });
  };
  const visitingError = err('body.visiting_countries');
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="visit-form-title">
      <h3 id="visit-form-title">{t('caucus.activities.recordVisit')}</h3>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <TextField
        id="visit-title"
        label={t('caucus.field.title')}
        errorText={err('body.title')}
        value={title}
        maxLength={500}
        onChange={setTitle}
      />
      <div className="grid grid--2">
        <SelectField
          id="visit-host"
          label={t('caucus.activities.host')}
          errorText={err('body.host_country')}
          value={host}
          onChange={setHost}
          empty={t('caucus.none.choice')}
          options={sortedCountries(i18n).map((c) => ({ value: c, label: i18n.country(c) }))}
        />
        <VisibilityField
          id="visit-visibility"
          value={visibility}
          onChange={setVisibility}
          errorText={err('body.visibility')}
        />
        <PartialDateField
          id="visit-start"
          label={t('caucus.field.start_date')}
          value={start}
          onChange={setStart}
          errorText={err('body.start_date')}
          isOptional
        />
        <PartialDateField
          id="visit-end"
          label={t('caucus.field.end_date')}
          value={end}
          onChange={setEnd}
          errorText={err('body.end_date')}
          isOptional
        />
      </div>
      <fieldset
        className={`field${visitingError ? ' field--invalid' : ''}`}
        aria-describedby={visitingError ? 'visit-visiting-error' : undefined}
      >
        <legend>{t('caucus.activities.visiting')}</legend>
        {visitingError ? (
          <p className="field__error" id="visit-visiting-error">
            {visitingError}
          </p>
        ) : null}
        <div className="checkbox-grid">
          {sortedCountries(i18n).map((c) => (
            <label key={c} className="checkbox">
              <input
                type="checkbox"
                checked={visiting.includes(c)}
                onChange={(e) => {
                  setVisiting((xs) => (e.target.checked ? [...xs, c] : xs.filter((x) => x !== c)));
                }}
              />{' '}
              {i18n.country(c)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        id="visit-sites"
        label={t('caucus.activities.sites')}
        hint={t('caucus.activities.onePerLine')}
        errorText={err('body.sites')}
        isOptional
        rows={3}
        value={sites}
        onChange={setSites}
      />
      <TextAreaField
        id="visit-findings"
        label={t('caucus.activities.findings')}
        errorText={err('body.findings')}
        isOptional
        rows={4}
        value={findings}
        onChange={setFindings}
      />
      <TextAreaField
        id="visit-recommendations"
        label={t('caucus.activities.recommendations')}
        hint={t('caucus.activities.onePerLine')}
        errorText={err('body.recommendations')}
        isOptional
        rows={3}
        value={recommendations}
        onChange={setRecommendations}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('caucus.activities.saveVisit')}
        </button>
      </div>
    </form>
  );
}

function EngagementForm({
  bodies,
  onDone,
}: {
  readonly bodies: Organization[];
  readonly onDone: (engagement: Engagement) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [organization, setOrganization] = useState('');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [asked, setAsked] = useState('');
  const [response, setResponse] = useState('');
  const [visibility, setVisibility] = useState<MemberVisibility>('caucus');
  const err = (path: string) => errorAt(action.error, path);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const engagement = await api<Engagement>('POST', '/api/engagements', {
        organization_id: organization,
        title,
        ...filled({ engagement_date: date, asked, response }),
        visibility,
      });
      onDone(engagement);
    });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="engagement-form-title">
      <h3 id="engagement-form-title">{t('caucus.activities.recordEngagement')}</h3>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <div className="grid grid--2">
        <SelectField
          id="engagement-body"
          label={t('caucus.activities.body')}
          errorText={err('body.organization_id')}
          value={organization}
          onChange={setOrganization}
          empty={t('caucus.none.choice')}
          options={bodies.map((o) => ({ value: o.id, label: o.name }))}
        />
        <PartialDateField
          id="engagement-date"
          label={t('caucus.field.date')}
          value={date}
          onChange={setDate}
          errorText={err('body.engagement_date')}
          isOptional
        />
      </div>
      <TextField
        id="engagement-title"
        label={t('caucus.field.title')}
        errorText={err('body.title')}
        value={title}
        maxLength={500}
        onChange={setTitle}
      />
      <TextAreaField
        id="engagement-asked"
        label={t('caucus.activities.asked')}
        errorText={err('body.asked')}
        isOptional
        rows={3}
        value={asked}
        onChange={setAsked}
      />
      <TextAreaField
        id="engagement-response"
        label={t('caucus.activities.response')}
        errorText={err('body.response')}
        isOptional
        rows={3}
        value={response}
        onChange={setResponse}
      />
      <VisibilityField
        id="engagement-visibility"
        value={visibility}
        onChange={setVisibility}
        errorText={err('body.visibility')}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('caucus.activities.saveEngagement')}
        </button>
      </div>
    </form>
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
      <p>
        <BillStatusTag status={bill.status} /> <VisibilityTag visibility={bill.visibility} />
      </p>
      <h3 className="card__title">
        {bill.identifier} · {bill.title}
      </h3>
      <p className="muted">
        {parliamentName}
        {last
          ? ` · ${t('caucus.activities.lastAction', {
              action: t('caucus.activities.billStatus', { status: last.classification }),
              date: partialDate(i18n, last.date),
            })}`
          : ''}
      </p>
      {children}
    </li>
  );
}

function MyActivities({
  mine,
  names,
  reload,
}: {
  readonly mine: ActivitiesByKind;
  readonly names: ReadonlyMap<string, string>;
  readonly reload: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const name = (id: string) => names.get(id) ?? id;
  return (
    <>
      <h2>{t('caucus.activities.bills')}</h2>
      {mine.bills.length === 0 ? (
        <p>{t('caucus.activities.noBills')}</p>
      ) : (
        <ul className="card-list card-list--single" data-testid="my-bills">
          {mine.bills.map((b) => (
            <BillCard key={b.id} bill={b} parliamentName={name(b.organization_id)}>
              <details>
                <summary>{t('caucus.activities.addActionTo', { bill: b.identifier })}</summary>
                <ActionForm bill={b} onDone={reload} />
              </details>
            </BillCard>
          ))}
        </ul>
      )}
      <h2>{t('caucus.activities.visits')}</h2>
      {mine.visits.length === 0 ? (
        <p>{t('caucus.activities.noVisits')}</p>
      ) : (
        <ul className="card-list card-list--single">
          {mine.visits.map((v) => (
            <li key={v.id} className="card">
              <p>
                <VisibilityTag visibility={v.visibility} />
              </p>
              <h3 className="card__title">{v.title}</h3>
              <p className="muted">
                {t('caucus.activities.visitPlaces', {
                  host: i18n.country(v.host_country),
                  visitors: i18n.list(v.visiting_countries.map((c) => i18n.country(c))),
                })}
                {v.start_date ? ` · ${partialDate(i18n, v.start_date)}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('caucus.activities.engagements')}</h2>
      {mine.engagements.length === 0 ? (
        <p>{t('caucus.activities.noEngagements')}</p>
      ) : (
        <ul className="card-list card-list--single">
          {mine.engagements.map((e) => (
            <li key={e.id} className="card">
              <p>
                <VisibilityTag visibility={e.visibility} />
              </p>
              <h3 className="card__title">{e.title}</h3>
              <p className="muted">
                {name(e.organization_id)}
                {e.engagement_date ? ` · ${partialDate(i18n, e.engagement_date)}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
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
                onDone={(b) => {
                  done(b.title);
                }}
              />
            ) : null}
            {form === 'visit' ? (
              <VisitForm
                onDone={(v) => {
                  done(v.title);
                }}
              />
            ) : null}
            {form === 'engagement' ? (
              <EngagementForm
                bodies={list.items.filter((o) => BODIES.has(o.classification))}
                onDone={(e) => {
                  done(e.title);
                }}
              />
            ) : null}
            <Loading state={mine}>
              {(data) => (
                <MyActivities
                  mine={data}
                  names={new Map(list.items.map((o) => [o.id, o.name]))}
                  reload={reload}
                />
              )}
            </Loading>
          </>
        )}
      </Loading>
    </section>
  );
}
