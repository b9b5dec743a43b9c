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
import type { ControlProps } from '../ui/field.tsx';
import type { List, Person } from './api.ts';
import { api } from './api.ts';
import { BillSponsors } from './bill-sponsors.tsx';
import { sortedCountries } from './document-form.tsx';
import type { Body } from './record-body.ts';
import { changedFields, errorAt, filled, lines } from './record-body.ts';
import { Field, FormActions } from './record-form.tsx';
import { useSession } from './session.ts';
import {
  ErrorNotice,
  Loading,
  VisibilityTag,
  partialDate,
  useAction,
  useApi,
  useTitle,
} from './ui.tsx';

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

function VisibilityField({
  id,
  value,
  onChange,
  error,
}: {
  readonly id: string;
  readonly value: MemberVisibility;
  readonly onChange: (v: MemberVisibility) => void;
  readonly error: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <Field
      id={id}
      label={t('caucus.field.visibility')}
      hint={t('caucus.activities.visibilityHint')}
      error={error}
    >
      {(props) => (
        <select
          {...props}
          value={value}
          onChange={(e) => {
            onChange(e.target.value as MemberVisibility);
          }}
        >
          <option value="caucus">{t('caucus.visibility.caucus')}</option>
          <option value="secretariat">{t('caucus.visibility.secretariat')}</option>
        </select>
      )}
    </Field>
  );
}

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
  error,
}: {
  readonly id: string;
  readonly value: BillActionName;
  readonly onChange: (v: BillActionName) => void;
  readonly error: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <Field id={id} label={t('caucus.activities.action')} error={error}>
      {(props) => (
        <select
          {...props}
          value={value}
          onChange={(e) => {
            onChange(e.target.value as BillActionName);
          }}
        >
          {BILL_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t('caucus.activities.billStatus', { status: a })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** What a bill's form shows, from the bill (or empty for a new one). */
function billValues(bill: Bill | undefined) {
  return {
    organization: bill?.organization_id ?? '',
    identifier: bill?.identifier ?? '',
    title: bill?.title ?? '',
    summary: bill?.summary ?? '',
    visibility: memberVisibility(bill?.visibility),
  };
}

/** The fields of a bill the form sets, as the API takes them. */
function billBody(v: ReturnType<typeof billValues>): Body {
  return {
    organization_id: v.organization,
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
  readonly onDone: (bill: Bill) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const initial = billValues(bill);
  const [organization, setOrganization] = useState(initial.organization);
  const [identifier, setIdentifier] = useState(initial.identifier);
  const [title, setTitle] = useState(initial.title);
  const [summary, setSummary] = useState(initial.summary);
  const [first, setFirst] = useState<BillActionName>('introduced');
  const [date, setDate] = useState(today);
  const [visibility, setVisibility] = useState<MemberVisibility>(initial.visibility);
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null);
  const err = (path: string) => errorAt(action.error, path);
  const id = (f: string) => (bill ? `bill-${bill.id}-${f}` : `bill-${f}`);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setOutcome(null);
    const body = billBody({ organization, identifier, title, summary, visibility });
    void action.run(async () => {
      if (!bill) {
        onDone(
          await api<Bill>('POST', '/api/bills', {
            ...body,
            actions: [{ date, classification: first }],
          }),
        );
        return;
      }
      // Compared with the bill as it is now, so a second save sends only what changed since.
      const patch = changedFields(billBody(billValues(bill)), body);
      if (Object.keys(patch).length === 0) {
        setOutcome('unchanged');
        return;
      }
      const saved = await api<Bill>('PATCH', `/api/bills/${bill.id}`, patch);
      setOutcome('saved');
      onDone(saved);
    });
  };
  return (
    <form
      className="panel"
      onSubmit={submit}
      noValidate
      aria-labelledby={bill ? undefined : 'bill-form-title'}
    >
      {bill ? null : <h3 id="bill-form-title">{t('caucus.activities.recordBill')}</h3>}
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <Field
        id={id('parliament')}
        label={t('caucus.activities.parliament')}
        error={err('body.organization_id')}
      >
        {(props) => (
          <select
            {...props}
            value={organization}
            onChange={(e) => {
              setOrganization(e.target.value);
            }}
          >
            <option value="">{t('caucus.none.choice')}</option>
            {parliaments.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid grid--2">
        <Field
          id={id('identifier')}
          label={t('caucus.activities.identifier')}
          hint={t('caucus.activities.identifierHint')}
          error={err('body.identifier')}
        >
          {(props) => (
            <input
              {...props}
              value={identifier}
              maxLength={100}
              onChange={(e) => {
                setIdentifier(e.target.value);
              }}
            />
          )}
        </Field>
        <VisibilityField
          id={id('visibility')}
          value={visibility}
          onChange={setVisibility}
          error={err('body.visibility')}
        />
      </div>
      <Field id={id('title')} label={t('caucus.field.title')} error={err('body.title')}>
        {(props) => (
          <input
            {...props}
            value={title}
            maxLength={1000}
            onChange={(e) => {
              setTitle(e.target.value);
            }}
          />
        )}
      </Field>
      <Field
        id={id('summary')}
        label={t('caucus.activities.summary')}
        error={err('body.summary')}
        isOptional
      >
        {(props) => (
          <textarea
            {...props}
            rows={4}
            value={summary}
            onChange={(e) => {
              setSummary(e.target.value);
            }}
          />
        )}
      </Field>
      {bill ? null : (
        <fieldset className="field">
          <legend>{t('caucus.activities.firstAction')}</legend>
          <div className="grid grid--2">
            <ActionChoice
              id="bill-first-action"
              value={first}
              onChange={setFirst}
              error={err('body.actions.0.classification')}
            />
            <Field
              id="bill-first-date"
              label={t('caucus.field.date')}
              hint={t('caucus.dateHint')}
              error={err('body.actions.0.date')}
            >
              {(props) => (
                <input
                  {...props}
                  value={date}
                  inputMode="numeric"
                  onChange={(e) => {
                    setDate(e.target.value);
                  }}
                />
              )}
            </Field>
          </div>
        </fieldset>
      )}
      <FormActions
        label={bill ? t('caucus.activities.saveChanges') : t('caucus.activities.saveBill')}
        busy={action.busy}
        outcome={outcome}
      />
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
          error={err('body.classification')}
        />
        <Field
          id={`${prefix}-date`}
          label={t('caucus.field.date')}
          hint={t('caucus.dateHint')}
          error={err('body.date')}
        >
          {(props) => (
            <input
              {...props}
              value={date}
              inputMode="numeric"
              onChange={(e) => {
                setDate(e.target.value);
              }}
            />
          )}
        </Field>
      </div>
      <Field
        id={`${prefix}-description`}
        label={t('caucus.field.description')}
        error={err('body.description')}
        isOptional
      >
        {(props) => (
          <input
            {...props}
            value={description}
            maxLength={2000}
            onChange={(e) => {
              setDescription(e.target.value);
            }}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('caucus.activities.addAction')}
        </button>
      </div>
    </form>
  );
}

/** The caucus's countries, and any other a record already names (the secretariat may record one). */
function withCurrent(countries: readonly string[], current: readonly string[]): string[] {
  return [...countries, ...current.filter((c) => !countries.includes(c))];
}

function CountrySelect({
  id,
  value,
  onChange,
  props,
}: {
  readonly id: string;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly props: ControlProps;
}) {
  const i18n = useI18n();
  return (
    <select
      {...props}
      id={id}
      value={value}
      onChange={(e) => {
        onChange(e.target.value);
      }}
    >
      <option value="">{i18n.t('caucus.none.choice')}</option>
      {withCurrent(sortedCountries(i18n), value === '' ? [] : [value]).map((c) => (
        <option key={c} value={c}>
          {i18n.country(c)}
        </option>
      ))}
    </select>
  );
}

/** What a visit's form shows, from the visit (or empty for a new one). */
function visitValues(visit: Visit | undefined) {
  return {
    title: visit?.title ?? '',
    host: visit?.host_country ?? '',
    visiting: visit?.visiting_countries ?? [],
    start: visit?.start_date ?? '',
    end: visit?.end_date ?? '',
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
    host_country: v.host,
    visiting_countries: v.visiting,
    ...filled({ start_date: v.start, end_date: v.end, findings: v.findings }),
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
  readonly onDone: (visit: Visit) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const action = useAction();
  const initial = visitValues(visit);
  const [title, setTitle] = useState(initial.title);
  const [host, setHost] = useState(initial.host);
  const [visiting, setVisiting] = useState<string[]>(initial.visiting);
  const [start, setStart] = useState(initial.start);
  const [end, setEnd] = useState(initial.end);
  const [sites, setSites] = useState(initial.sites);
  const [findings, setFindings] = useState(initial.findings);
  const [recommendations, setRecommendations] = useState(initial.recommendations);
  const [visibility, setVisibility] = useState<MemberVisibility>(initial.visibility);
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null);
  const hasLinked = (visit?.recommendations ?? []).some((r) => r.commitment_id !== null);
  const err = (path: string) => errorAt(action.error, path);
  const id = (f: string) => (visit ? `visit-${visit.id}-${f}` : `visit-${f}`);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setOutcome(null);
    const values = {
      title,
      host,
      visiting,
      start,
      end,
      sites,
      findings,
      recommendations,
      visibility,
    };
    void action.run(async () => {
      if (!visit) {
        onDone(await api<Visit>('POST', '/api/visits', visitBody(values, undefined, false)));
        return;
      }
      const patch = changedFields(
        visitBody(visitValues(visit), visit, hasLinked),
        visitBody(values, visit, hasLinked),
      );
      if (Object.keys(patch).length === 0) {
        setOutcome('unchanged');
        return;
      }
      const saved = await api<Visit>('PATCH', `/api/visits/${visit.id}`, patch);
      setOutcome('saved');
      onDone(saved);
    });
  };
  const visitingError = err('body.visiting_countries');
  return (
    <form
      className="panel"
      onSubmit={submit}
      noValidate
      aria-labelledby={visit ? undefined : 'visit-form-title'}
    >
      {visit ? null : <h3 id="visit-form-title">{t('caucus.activities.recordVisit')}</h3>}
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <Field id={id('title')} label={t('caucus.field.title')} error={err('body.title')}>
        {(props) => (
          <input
            {...props}
            value={title}
            maxLength={500}
            onChange={(e) => {
              setTitle(e.target.value);
            }}
          />
        )}
      </Field>
      <div className="grid grid--2">
        <Field id={id('host')} label={t('caucus.activities.host')} error={err('body.host_country')}>
          {(props) => (
            <CountrySelect id={id('host')} value={host} onChange={setHost} props={props} />
          )}
        </Field>
        <VisibilityField
          id={id('visibility')}
          value={visibility}
          onChange={setVisibility}
          error={err('body.visibility')}
        />
        <Field
          id={id('start')}
          label={t('caucus.field.start_date')}
          hint={t('caucus.dateHint')}
          error={err('body.start_date')}
          isOptional
        >
          {(props) => (
            <input
              {...props}
              value={start}
              inputMode="numeric"
              onChange={(e) => {
                setStart(e.target.value);
              }}
            />
          )}
        </Field>
        <Field
          id={id('end')}
          label={t('caucus.field.end_date')}
          hint={t('caucus.dateHint')}
          error={err('body.end_date')}
          isOptional
        >
          {(props) => (
            <input
              {...props}
              value={end}
              inputMode="numeric"
              onChange={(e) => {
                setEnd(e.target.value);
              }}
            />
          )}
        </Field>
      </div>
      <fieldset
        className={`field${visitingError ? ' field--invalid' : ''}`}
        aria-describedby={visitingError ? id('visiting-error') : undefined}
      >
        <legend>{t('caucus.activities.visiting')}</legend>
        {visitingError ? (
          <p className="field__error" id={id('visiting-error')}>
            {visitingError}
          </p>
        ) : null}
        <div className="checkbox-grid">
          {withCurrent(sortedCountries(i18n), visiting).map((c) => (
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
      <Field
        id={id('sites')}
        label={t('caucus.activities.sites')}
        hint={t('caucus.activities.onePerLine')}
        error={err('body.sites')}
        isOptional
      >
        {(props) => (
          <textarea
            {...props}
            rows={3}
            value={sites}
            onChange={(e) => {
              setSites(e.target.value);
            }}
          />
        )}
      </Field>
      <Field
        id={id('findings')}
        label={t('caucus.activities.findings')}
        error={err('body.findings')}
        isOptional
      >
        {(props) => (
          <textarea
            {...props}
            rows={4}
            value={findings}
            onChange={(e) => {
              setFindings(e.target.value);
            }}
          />
        )}
      </Field>
      {hasLinked ? (
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
        <Field
          id={id('recommendations')}
          label={t('caucus.activities.recommendations')}
          hint={t('caucus.activities.onePerLine')}
          error={err('body.recommendations')}
          isOptional
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              value={recommendations}
              onChange={(e) => {
                setRecommendations(e.target.value);
              }}
            />
          )}
        </Field>
      )}
      <FormActions
        label={visit ? t('caucus.activities.saveChanges') : t('caucus.activities.saveVisit')}
        busy={action.busy}
        outcome={outcome}
      />
    </form>
  );
}

/** What an engagement's form shows, from the engagement (or empty for a new one). */
function engagementValues(engagement: Engagement | undefined) {
  return {
    organization: engagement?.organization_id ?? '',
    title: engagement?.title ?? '',
    date: engagement?.engagement_date ?? '',
    asked: engagement?.asked ?? '',
    response: engagement?.response ?? '',
    visibility: memberVisibility(engagement?.visibility),
  };
}

function engagementBody(v: ReturnType<typeof engagementValues>): Body {
  return {
    organization_id: v.organization,
    title: v.title,
    ...filled({ engagement_date: v.date, asked: v.asked, response: v.response }),
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
  readonly onDone: (engagement: Engagement) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const initial = engagementValues(engagement);
  const [organization, setOrganization] = useState(initial.organization);
  const [title, setTitle] = useState(initial.title);
  const [date, setDate] = useState(initial.date);
  const [asked, setAsked] = useState(initial.asked);
  const [response, setResponse] = useState(initial.response);
  const [visibility, setVisibility] = useState<MemberVisibility>(initial.visibility);
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null);
  const err = (path: string) => errorAt(action.error, path);
  const id = (f: string) => (engagement ? `engagement-${engagement.id}-${f}` : `engagement-${f}`);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setOutcome(null);
    const body = engagementBody({ organization, title, date, asked, response, visibility });
    void action.run(async () => {
      if (!engagement) {
        onDone(await api<Engagement>('POST', '/api/engagements', body));
        return;
      }
      const patch = changedFields(engagementBody(engagementValues(engagement)), body);
      if (Object.keys(patch).length === 0) {
        setOutcome('unchanged');
        return;
      }
      const saved = await api<Engagement>('PATCH', `/api/engagements/${engagement.id}`, patch);
      setOutcome('saved');
      onDone(saved);
    });
  };
  return (
    <form
      className="panel"
      onSubmit={submit}
      noValidate
      aria-labelledby={engagement ? undefined : 'engagement-form-title'}
    >
      {engagement ? null : (
        <h3 id="engagement-form-title">{t('caucus.activities.recordEngagement')}</h3>
      )}
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <div className="grid grid--2">
        <Field
          id={id('body')}
          label={t('caucus.activities.body')}
          error={err('body.organization_id')}
        >
          {(props) => (
            <select
              {...props}
              value={organization}
              onChange={(e) => {
                setOrganization(e.target.value);
              }}
            >
              <option value="">{t('caucus.none.choice')}</option>
              {bodies.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={id('date')}
          label={t('caucus.field.date')}
          hint={t('caucus.dateHint')}
          error={err('body.engagement_date')}
          isOptional
        >
          {(props) => (
            <input
              {...props}
              value={date}
              inputMode="numeric"
              onChange={(e) => {
                setDate(e.target.value);
              }}
            />
          )}
        </Field>
      </div>
      <Field id={id('title')} label={t('caucus.field.title')} error={err('body.title')}>
        {(props) => (
          <input
            {...props}
            value={title}
            maxLength={500}
            onChange={(e) => {
              setTitle(e.target.value);
            }}
          />
        )}
      </Field>
      <Field
        id={id('asked')}
        label={t('caucus.activities.asked')}
        error={err('body.asked')}
        isOptional
      >
        {(props) => (
          <textarea
            {...props}
            rows={3}
            value={asked}
            onChange={(e) => {
              setAsked(e.target.value);
            }}
          />
        )}
      </Field>
      <Field
        id={id('response')}
        label={t('caucus.activities.response')}
        error={err('body.response')}
        isOptional
      >
        {(props) => (
          <textarea
            {...props}
            rows={3}
            value={response}
            onChange={(e) => {
              setResponse(e.target.value);
            }}
          />
        )}
      </Field>
      <VisibilityField
        id={id('visibility')}
        value={visibility}
        onChange={setVisibility}
        error={err('body.visibility')}
      />
      <FormActions
        label={
          engagement ? t('caucus.activities.saveChanges') : t('caucus.activities.saveEngagement')
        }
        busy={action.busy}
        outcome={outcome}
      />
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
      {mine.bills.length === 0 ? (
        <p>{t('caucus.activities.noBills')}</p>
      ) : (
        <ul className="card-list card-list--single" data-testid="my-bills">
          {mine.bills.map((b) => (
            <BillCard key={b.id} bill={b} parliamentName={name(b.organization_id)}>
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
          ))}
        </ul>
      )}
      <h2>{t('caucus.activities.visits')}</h2>
      {mine.visits.length === 0 ? (
        <p>{t('caucus.activities.noVisits')}</p>
      ) : (
        <ul className="card-list card-list--single" data-testid="my-visits">
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
              <EditOwn
                label={t('caucus.activities.editItem', { title: v.title })}
                visibility={v.visibility}
              >
                <VisitForm visit={v} onDone={reload} />
              </EditOwn>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('caucus.activities.engagements')}</h2>
      {mine.engagements.length === 0 ? (
        <p>{t('caucus.activities.noEngagements')}</p>
      ) : (
        <ul className="card-list card-list--single" data-testid="my-engagements">
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
              <EditOwn
                label={t('caucus.activities.editItem', { title: e.title })}
                visibility={e.visibility}
              >
                <EngagementForm bodies={bodies} engagement={e} onDone={reload} />
              </EditOwn>
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
