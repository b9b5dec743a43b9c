// The secretariat's screens: invitations, endorsement drives, the moderation queue of documents,
// programmes and texts, follow-ups due, the activities members recorded (to publish), and the
// bodies' meetings, collaborations and national caucuses it records itself, and the strategy
// workshops it runs (workshop-secretariat.tsx). Shown only to the secretariat and admins; the
// server checks every action anyway.
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { MessageKey } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { SelectField, TextAreaField, TextField } from '../ui/field.tsx';
import type {
  CaucusDocument,
  CaucusText,
  List,
  Person,
  Programme,
  Role,
  User,
  Visibility,
} from './api.ts';
import { api } from './api.ts';
import { DocumentStatusTag } from './account-page.tsx';
import { MembersActivitiesSection } from './members-activities.tsx';
import { OneTimeLink } from './one-time-link.tsx';
import { CollaborationsSection } from './secretariat-collaborations.tsx';
import { DrivesSection } from './secretariat-drives.tsx';
import { FollowUpsSection } from './secretariat-follow-ups.tsx';
import { MeetingsSection } from './secretariat-meetings.tsx';
import { NationalCaucusesSection } from './secretariat-national-caucuses.tsx';
import { WorkshopsSection } from './workshop-secretariat.tsx';
import type { SecretariatSection } from './routes.ts';
import { SECRETARIAT_SECTIONS } from './routes.ts';
import { sortedCountries } from './document-form.tsx';
import { isSecretariat, useSession } from './session.ts';
import {
  ErrorNotice,
  Loading,
  PartialDateField,
  VisibilityTag,
  fieldError,
  partialDate,
  useAction,
  useApi,
  useTitle,
} from './ui.tsx';

const SECTION_TITLE: Readonly<Record<SecretariatSection, MessageKey>> = {
  invitations: 'caucus.sec.invitations.title',
  drives: 'caucus.sec.drives.title',
  moderation: 'caucus.sec.moderation.title',
  programmes: 'caucus.sec.programmes.title',
  texts: 'caucus.sec.texts.title',
  'follow-ups': 'caucus.sec.followUps.title',
  activities: 'caucus.sec.activities.title',
  meetings: 'caucus.sec.meetings.title',
  collaborations: 'caucus.sec.collaborations.title',
  'national-caucuses': 'caucus.sec.nationalCaucuses.title',
  workshops: 'caucus.sec.workshops.title',
};

/** Who sees a record: anyone, the caucus, or the secretariat. */
function VisibilityField({
  id,
  errorText,
  value,
  onChange,
}: {
  readonly id: string;
  readonly errorText: string | undefined;
  readonly value: Visibility;
  readonly onChange: (v: Visibility) => void;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      id={id}
      label={t('caucus.field.visibility')}
      errorText={errorText}
      value={value}
      onChange={onChange}
      options={[
        { value: 'public', label: t('caucus.visibility.public') },
        { value: 'caucus', label: t('caucus.visibility.caucus') },
        { value: 'secretariat', label: t('caucus.visibility.secretariat') },
      ]}
    />
  );
}

function InvitationsSection({ user }: { readonly user: User }) {
  const i18n = useI18n();
  const { t } = i18n;
  const action = useAction();
  const [people] = useApi<List<Person>>('/api/people?limit=500');
  const roles: Role[] =
    user.role === 'admin'
      ? ['member', 'staff', 'partner', 'secretariat', 'admin']
      : ['member', 'staff', 'partner'];
  const [role, setRole] = useState<Role>('member');
  const [email, setEmail] = useState('');
  const [personId, setPersonId] = useState('');
  const [hours, setHours] = useState('72');
  const [created, setCreated] = useState<{ url: string; role: Role; expires_at: string } | null>(
    null,
  );
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setCreated(null);
    void action.run(async () => {
      const r = await api<{ url: string; role: Role; expires_at: string }>(
        'POST',
        '/api/invitations',
        {
          role,
          ...(email ? { email } : {}),
          ...(personId ? { person_id: personId } : {}),
          expires_in_hours: Number(hours),
        },
      );
      setCreated(r);
      setEmail('');
      setPersonId('');
    });
  };
  const err = (f: string) => fieldError(action.error, f);
  return (
    <>
      <p>{t('caucus.sec.invitations.lead')}</p>
      {created ? (
        <div className="notice notice--warning" role="status" data-testid="invitation-created">
          <p>
            <strong>{t('caucus.sec.invitations.created', { role: created.role })}</strong>
          </p>
          <p>{t('caucus.sec.onceOnly')}</p>
          <OneTimeLink url={created.url} label={t('caucus.sec.invitations.link')} />
          <p className="muted">
            {t('caucus.sec.expires', {
              date: new Intl.DateTimeFormat(i18n.intl.tag, {
                dateStyle: 'long',
                timeStyle: 'short',
              }).format(new Date(created.expires_at)),
            })}
          </p>
        </div>
      ) : null}
      <form className="panel" onSubmit={submit} noValidate>
        {action.error ? <ErrorNotice error={action.error} /> : null}
        <div className="grid grid--2">
          <SelectField
            id="inv-role"
            label={t('caucus.field.role')}
            errorText={err('role')}
            value={role}
            onChange={setRole}
            options={roles.map((r) => ({ value: r, label: t('caucus.role', { role: r }) }))}
          />
          <TextField
            id="inv-hours"
            label={t('caucus.field.expires_in_hours')}
            errorText={err('expires_in_hours')}
            type="number"
            min={1}
            max={720}
            value={hours}
            onChange={setHours}
          />
        </div>
        <TextField
          id="inv-email"
          label={t('caucus.field.email')}
          errorText={err('email')}
          isOptional
          hint={t('caucus.sec.invitations.emailHint')}
          type="email"
          value={email}
          onChange={setEmail}
        />
        <SelectField
          id="inv-person"
          label={t('caucus.field.person_id')}
          errorText={err('person_id')}
          isOptional
          hint={t('caucus.sec.invitations.personHint')}
          value={personId}
          onChange={setPersonId}
          empty={t('caucus.none.choice')}
          options={
            people.status === 'ready'
              ? people.data.items.map((p) => ({ value: p.id, label: p.name }))
              : []
          }
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {t('caucus.sec.invitations.create')}
          </button>
        </div>
      </form>
    </>
  );
}

function DocumentText({ id }: { readonly id: string }) {
  const { t } = useI18n();
  const [text] = useApi<{ text: string }>(`/api/documents/${id}/text`);
  return (
    <Loading state={text}>
      {(x) => (
        <pre className="document-text">
          {x.text.slice(0, 4000) || t('caucus.sec.moderation.noText')}
        </pre>
      )}
    </Loading>
  );
}

function ModerationItem({
  doc,
  onDone,
}: {
  readonly doc: CaucusDocument;
  readonly onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const action = useAction();
  const [comment, setComment] = useState('');
  const [needsComment, setNeedsComment] = useState(false);
  const decide = (verb: 'publish' | 'return' | 'reject') => {
    if (verb !== 'publish' && comment.trim() === '') {
      setNeedsComment(true);
      return;
    }
    setNeedsComment(false);
    void action.run(async () => {
      await api(
        'POST',
        `/api/documents/${doc.id}/${verb}`,
        comment.trim() ? { comment: comment.trim() } : {},
      );
      onDone();
    });
  };
  const id = `mod-${doc.id}`;
  const commentError = needsComment
    ? t('caucus.sec.moderation.commentNeeded')
    : fieldError(action.error, 'comment');
  return (
    <li className="card" data-testid="moderation-item">
      <p>
        <DocumentStatusTag status={doc.status} /> <VisibilityTag visibility={doc.visibility} />
      </p>
      <h3 className="card__title" lang={doc.language}>
        {doc.title}
      </h3>
      <dl className="facts">
        <dt>{t('caucus.sec.moderation.from')}</dt>
        <dd>{doc.submitted_by?.name ?? '—'}</dd>
        <dt>{t('caucus.field.type')}</dt>
        <dd>{t('caucus.documents.type', { type: doc.type })}</dd>
        <dt>{t('caucus.field.date')}</dt>
        <dd>{partialDate(i18n, doc.date)}</dd>
        <dt>{t('caucus.field.language')}</dt>
        <dd>{i18n.language(doc.language)}</dd>
        <dt>{t('caucus.field.countries')}</dt>
        <dd>{i18n.list(doc.countries.map((c) => i18n.country(c)))}</dd>
        {doc.source ? (
          <>
            <dt>{t('caucus.field.source')}</dt>
            <dd>{doc.source}</dd>
          </>
        ) : null}
        <dt>{t('caucus.field.file')}</dt>
        <dd>
          <a href={`/api/documents/${doc.id}/file`}>{doc.file.name}</a>{' '}
          <span className="muted">
            (
            {t('caucus.sec.moderation.size', { kb: Math.max(1, Math.round(doc.file.size / 1024)) })}
            )
          </span>
        </dd>
      </dl>
      <details>
        <summary>{t('caucus.sec.moderation.readText')}</summary>
        <DocumentText id={doc.id} />
      </details>
      <TextAreaField
        id={`${id}-comment`}
        label={t('caucus.field.comment')}
        errorText={commentError}
        hint={t('caucus.sec.moderation.commentHint')}
        rows={3}
        value={comment}
        onChange={setComment}
      />
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={action.busy}
          onClick={() => {
            decide('publish');
          }}
        >
          {t('caucus.sec.moderation.publish')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={action.busy}
          onClick={() => {
            decide('return');
          }}
        >
          {t('caucus.sec.moderation.return')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={action.busy}
          onClick={() => {
            decide('reject');
          }}
        >
          {t('caucus.sec.moderation.reject')}
        </button>
      </div>
      {action.error ? <ErrorNotice error={action.error} /> : null}
    </li>
  );
}

function ModerationSection() {
  const { t } = useI18n();
  const [queue, reload] = useApi<List<CaucusDocument>>('/api/moderation/documents');
  const [decided, setDecided] = useState(0);
  return (
    <>
      <p>{t('caucus.sec.moderation.lead')}</p>
      {decided > 0 ? (
        <p className="notice" role="status">
          {t('caucus.sec.moderation.decided', { count: decided })}
        </p>
      ) : null}
      <Loading state={queue}>
        {(q) =>
          q.items.length === 0 ? (
            <p>{t('caucus.sec.moderation.empty')}</p>
          ) : (
            <ul className="card-list card-list--single">
              {q.items.map((d) => (
                <ModerationItem
                  key={d.id}
                  doc={d}
                  onDone={() => {
                    setDecided((n) => n + 1);
                    reload();
                  }}
                />
              ))}
            </ul>
          )
        }
      </Loading>
    </>
  );
}

function ProgrammeForm({
  programme,
  onSaved,
}: {
  readonly programme?: Programme;
  readonly onSaved: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const action = useAction();
  const p = programme;
  const [name, setName] = useState(p?.name ?? '');
  const [classification, setClassification] = useState(p?.classification ?? 'programme');
  const [start, setStart] = useState(p?.start_date ?? '');
  const [end, setEnd] = useState(p?.end_date ?? '');
  const [city, setCity] = useState(p?.city ?? '');
  const [country, setCountry] = useState(
    /country:([a-z]{2})/.exec(p?.area_id ?? '')?.[1]?.toUpperCase() ?? '',
  );
  const [description, setDescription] = useState(p?.description ?? '');
  const [visibility, setVisibility] = useState<Visibility>(p?.visibility ?? 'public');
  const [saved, setSaved] = useState(false);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setSaved(false);
    const body = {
      name,
      classification,
      visibility,
      ...(start ? { start_date: start } : {}),
      ...(end ? { end_date: end } : {}),
      ...(city ? { city } : {}),
      ...(country ? { area_id: `ocd-division/country:${country.toLowerCase()}` } : {}),
      ...(description ? { description } : {}),
    };
    void action.run(async () => {
      await api(p ? 'PATCH' : 'POST', p ? `/api/programmes/${p.id}` : '/api/programmes', body);
      setSaved(true);
      if (!p) {
        setName('');
        setStart('');
        setEnd('');
        setCity('');
        setCountry('');
        setDescription('');
      }
      onSaved();
    });
  };
  const id = (f: string) => `prog-${p?.id ?? 'new'}-${f}`;
  const err = (f: string) => fieldError(action.error, f);
  return (
    <form className="panel" onSubmit={submit} noValidate>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <TextField
        id={id('name')}
        label={t('caucus.field.name')}
        errorText={err('name')}
        value={name}
        onChange={setName}
      />
      <div className="grid grid--2">
        <TextField
          id={id('class')}
          label={t('caucus.field.classification')}
          errorText={err('classification')}
          hint={t('caucus.sec.programmes.classHint')}
          value={classification}
          onChange={setClassification}
        />
        <VisibilityField
          id={id('vis')}
          errorText={err('visibility')}
          value={visibility}
          onChange={setVisibility}
        />
        <PartialDateField
          id={id('start')}
          label={t('caucus.field.start_date')}
          errorText={err('start_date')}
          isOptional
          value={start}
          onChange={setStart}
        />
        <PartialDateField
          id={id('end')}
          label={t('caucus.field.end_date')}
          errorText={err('end_date')}
          isOptional
          value={end}
          onChange={setEnd}
        />
        <TextField
          id={id('city')}
          label={t('caucus.field.city')}
          errorText={err('city')}
          isOptional
          value={city}
          onChange={setCity}
        />
        <SelectField
          id={id('country')}
          label={t('caucus.field.country')}
          errorText={err('area_id')}
          isOptional
          value={country}
          onChange={setCountry}
          empty={t('caucus.none.choice')}
          options={sortedCountries(i18n).map((c) => ({ value: c, label: i18n.country(c) }))}
        />
      </div>
      <TextAreaField
        id={id('desc')}
        label={t('caucus.field.description')}
        errorText={err('description')}
        isOptional
        rows={3}
        value={description}
        onChange={setDescription}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {p ? t('caucus.sec.save') : t('caucus.sec.programmes.create')}
        </button>
      </div>
      {saved ? (
        <p className="notice" role="status">
          {t('caucus.sec.saved')}
        </p>
      ) : null}
    </form>
  );
}

function ProgrammesSection() {
  const i18n = useI18n();
  const { t } = i18n;
  const [programmes, reload] = useApi<List<Programme>>('/api/programmes?limit=500');
  return (
    <>
      <h3>{t('caucus.sec.programmes.new')}</h3>
      <ProgrammeForm onSaved={reload} />
      <h3>{t('caucus.sec.programmes.existing')}</h3>
      <Loading state={programmes}>
        {(list) => (
          <ul className="card-list card-list--single">
            {list.items.map((p) => (
              <li key={p.id} className="card">
                <h4>
                  <Link to={`/caucus/programmes/${p.id}`}>{p.name}</Link>{' '}
                  <VisibilityTag visibility={p.visibility} />
                </h4>
                <p className="muted">
                  {[partialDate(i18n, p.start_date), p.city].filter(Boolean).join(' · ')}
                </p>
                <details>
                  <summary>{t('caucus.sec.edit')}</summary>
                  <ProgrammeForm programme={p} onSaved={reload} />
                </details>
              </li>
            ))}
          </ul>
        )}
      </Loading>
    </>
  );
}

function NewTextForm({ onSaved }: { readonly onSaved: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [programmes] = useApi<List<Programme>>('/api/programmes?limit=500');
  const [kind, setKind] = useState<'resolution' | 'statement'>('resolution');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [language, setLanguage] = useState('en');
  const [status, setStatus] = useState<CaucusText['status']>('draft');
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [programmeId, setProgrammeId] = useState('');
  const [saved, setSaved] = useState(false);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setSaved(false);
    void action.run(async () => {
      await api('POST', '/api/texts', {
        kind,
        title,
        body,
        authoritative_language: language,
        status,
        visibility,
        ...(programmeId ? { programme_id: programmeId } : {}),
      });
      setTitle('');
      setBody('');
      setSaved(true);
      onSaved();
    });
  };
  const err = (f: string) => fieldError(action.error, f);
  return (
    <form className="panel" onSubmit={submit} noValidate>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <div className="grid grid--2">
        <SelectField
          id="text-kind"
          label={t('caucus.field.kind')}
          errorText={err('kind')}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'resolution', label: t('caucus.text.kind.resolution') },
            { value: 'statement', label: t('caucus.text.kind.statement') },
          ]}
        />
        <TextField
          id="text-language"
          label={t('caucus.field.authoritative_language')}
          errorText={err('authoritative_language')}
          hint={t('caucus.sec.texts.languageHint')}
          value={language}
          onChange={setLanguage}
        />
        <TextStatusField
          id="text-status"
          errorText={err('status')}
          value={status}
          onChange={setStatus}
        />
        <VisibilityField
          id="text-vis"
          errorText={err('visibility')}
          value={visibility}
          onChange={setVisibility}
        />
      </div>
      <SelectField
        id="text-programme"
        label={t('caucus.field.programme_id')}
        errorText={err('programme_id')}
        isOptional
        value={programmeId}
        onChange={setProgrammeId}
        empty={t('caucus.none.choice')}
        options={
          programmes.status === 'ready'
            ? programmes.data.items.map((p) => ({ value: p.id, label: p.name }))
            : []
        }
      />
      <TextField
        id="text-title"
        label={t('caucus.field.title')}
        errorText={err('title')}
        value={title}
        onChange={setTitle}
      />
      <TextAreaField
        id="text-body"
        label={t('caucus.field.body')}
        errorText={err('body')}
        hint={t('caucus.sec.texts.bodyHint')}
        rows={8}
        value={body}
        onChange={setBody}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('caucus.sec.texts.create')}
        </button>
      </div>
      {saved ? (
        <p className="notice" role="status">
          {t('caucus.sec.saved')}
        </p>
      ) : null}
    </form>
  );
}

function TextStatusField({
  id,
  errorText,
  value,
  onChange,
}: {
  readonly id: string;
  readonly errorText: string | undefined;
  readonly value: CaucusText['status'];
  readonly onChange: (v: CaucusText['status']) => void;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      id={id}
      label={t('caucus.field.status')}
      errorText={errorText}
      value={value}
      onChange={onChange}
      options={[
        { value: 'draft', label: t('caucus.text.status.draft') },
        { value: 'open', label: t('caucus.text.status.open') },
        { value: 'closed', label: t('caucus.text.status.closed') },
      ]}
    />
  );
}

/** Open or close a text, change who sees it, or add a version or a translation. */
function EditText({ text, onSaved }: { readonly text: CaucusText; readonly onSaved: () => void }) {
  const { t } = useI18n();
  const settings = useAction();
  const version = useAction();
  const latest =
    text.versions.find((v) => v.language === text.authoritative_language) ?? text.versions[0];
  const [status, setStatus] = useState(text.status);
  const [visibility, setVisibility] = useState(text.visibility);
  const [language, setLanguage] = useState(text.authoritative_language);
  const [title, setTitle] = useState(latest?.title ?? '');
  const [body, setBody] = useState(latest?.body ?? '');
  const [note, setNote] = useState('');
  const [isNewVersion, setIsNewVersion] = useState(true);
  const [saved, setSaved] = useState<'settings' | 'version' | null>(null);
  const id = (f: string) => `text-${text.id}-${f}`;
  const saveSettings = (e: SyntheticEvent) => {
    e.preventDefault();
    setSaved(null);
    void settings.run(async () => {
      await api('PATCH', `/api/texts/${text.id}`, { status, visibility });
      setSaved('settings');
      onSaved();
    });
  };
  const saveVersion = (e: SyntheticEvent) => {
    e.preventDefault();
    setSaved(null);
    void version.run(async () => {
      await api('POST', `/api/texts/${text.id}/versions`, {
        language,
        title,
        body,
        is_new_version: isNewVersion,
        ...(note ? { note } : {}),
      });
      setSaved('version');
      onSaved();
    });
  };
  return (
    <div>
      <form className="panel" onSubmit={saveSettings} noValidate>
        {settings.error ? <ErrorNotice error={settings.error} /> : null}
        <div className="grid grid--2">
          <TextStatusField
            id={id('status')}
            errorText={fieldError(settings.error, 'status')}
            value={status}
            onChange={setStatus}
          />
          <VisibilityField
            id={id('vis')}
            errorText={fieldError(settings.error, 'visibility')}
            value={visibility}
            onChange={setVisibility}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={settings.busy}>
            {t('caucus.sec.save')}
          </button>
        </div>
        {saved === 'settings' ? (
          <p className="notice" role="status">
            {t('caucus.sec.saved')}
          </p>
        ) : null}
      </form>
      <form className="panel" onSubmit={saveVersion} noValidate>
        <h5>{t('caucus.sec.texts.newVersion')}</h5>
        {version.error ? <ErrorNotice error={version.error} /> : null}
        <TextField
          id={id('lang')}
          label={t('caucus.field.language')}
          errorText={fieldError(version.error, 'language')}
          hint={t('caucus.sec.texts.languageHint')}
          value={language}
          onChange={setLanguage}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={isNewVersion}
            onChange={(e) => {
              setIsNewVersion(e.target.checked);
            }}
          />{' '}
          {t('caucus.sec.texts.isNewVersion')}
        </label>
        <TextField
          id={id('title')}
          label={t('caucus.field.title')}
          errorText={fieldError(version.error, 'title')}
          value={title}
          onChange={setTitle}
        />
        <TextAreaField
          id={id('body')}
          label={t('caucus.field.body')}
          errorText={fieldError(version.error, 'body')}
          rows={8}
          value={body}
          onChange={setBody}
        />
        <TextField
          id={id('note')}
          label={t('caucus.field.note')}
          errorText={fieldError(version.error, 'note')}
          isOptional
          value={note}
          onChange={setNote}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={version.busy}>
            {t('caucus.sec.texts.addVersion')}
          </button>
        </div>
        {saved === 'version' ? (
          <p className="notice" role="status">
            {t('caucus.sec.saved')}
          </p>
        ) : null}
      </form>
    </div>
  );
}

function TextsSection() {
  const { t } = useI18n();
  const [texts, reload] = useApi<List<CaucusText>>('/api/texts');
  return (
    <>
      <h3>{t('caucus.sec.texts.new')}</h3>
      <NewTextForm onSaved={reload} />
      <h3>{t('caucus.sec.texts.existing')}</h3>
      <Loading state={texts}>
        {(list) => (
          <ul className="card-list card-list--single">
            {list.items.map((x) => (
              <li key={x.id} className="card">
                <h4>
                  <Link to={`/caucus/texts/${x.id}`}>{x.versions[0]?.title ?? x.id}</Link>{' '}
                  <VisibilityTag visibility={x.visibility} />
                </h4>
                <p className="muted">
                  {t('caucus.sec.texts.summary', {
                    status: x.status,
                    version: x.version,
                    count: x.endorsement_count,
                  })}
                </p>
                <details>
                  <summary>{t('caucus.sec.edit')}</summary>
                  <EditText text={x} onSaved={reload} />
                </details>
              </li>
            ))}
          </ul>
        )}
      </Loading>
    </>
  );
}

export function SecretariatPage({
  section,
  workshopId,
}: {
  readonly section: SecretariatSection;
  readonly workshopId?: string | undefined;
}) {
  const { t } = useI18n();
  const session = useSession();
  useTitle(`${t(SECTION_TITLE[section])} · ${t('caucus.nav.secretariat')}`);
  if (session.status === 'loading')
    return (
      <p className="status" role="status">
        {t('caucus.loading')}
      </p>
    );
  if (session.status === 'offline') return <p className="notice">{t('caucus.error.network')}</p>;
  const user = session.user;
  if (!user || !isSecretariat(user.role))
    return (
      <section>
        <h1>{t('caucus.nav.secretariat')}</h1>
        <p className="notice">
          {t('caucus.sec.only')} {user ? null : <Link to="/sign-in">{t('caucus.nav.signIn')}</Link>}
        </p>
      </section>
    );
  return (
    <section>
      <p className="label">{t('caucus.nav.secretariat')}</p>
      <h1>{t(SECTION_TITLE[section])}</h1>
      <nav className="tabs" aria-label={t('caucus.sec.sections')}>
        <ul>
          {SECRETARIAT_SECTIONS.map((s) => (
            <li key={s}>
              <Link to={`/secretariat/${s}`} aria-current={s === section ? 'page' : undefined}>
                {t(SECTION_TITLE[s])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'invitations' ? <InvitationsSection user={user} /> : null}
      {section === 'drives' ? <DrivesSection /> : null}
      {section === 'moderation' ? <ModerationSection /> : null}
      {section === 'programmes' ? <ProgrammesSection /> : null}
      {section === 'texts' ? <TextsSection /> : null}
      {section === 'follow-ups' ? <FollowUpsSection /> : null}
      {section === 'activities' ? <MembersActivitiesSection /> : null}
      {section === 'meetings' ? <MeetingsSection /> : null}
      {section === 'collaborations' ? <CollaborationsSection /> : null}
      {section === 'national-caucuses' ? <NationalCaucusesSection /> : null}
      {section === 'workshops' ? <WorkshopsSection workshopId={workshopId} /> : null}
    </section>
  );
}
