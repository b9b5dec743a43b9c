// The secretariat's workshops (/secretariat/workshops): set one up for a programme, and run one
// (/secretariat/workshops/:id) step by step: its settings and visibility, its groups, questions,
// answers and priorities (workshop-parts.tsx), its status from preparing to picking to closed, the
// condensation into areas for action and the picks (workshop-condense.tsx).
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import { SelectField, TextAreaField, TextField } from '../ui/field.tsx';
import type { List, Person, Programme, Visibility } from './api.ts';
import { api } from './api.ts';
import { AreasStep, PicksStep } from './workshop-condense.tsx';
import type { MemberChoice, Workshop, WorkshopDetail } from './workshop-model.ts';
import { errorAt, memberChoices, statusMoves, workshopNames } from './workshop-model.ts';
import {
  AnswerForm,
  AnswerItem,
  GroupForm,
  PriorityForm,
  QuestionForm,
  TextPartForm,
} from './workshop-parts.tsx';
import { WorkshopErrorNotice, WorkshopNames, WorkshopStatusTag, useNamed } from './workshop-ui.tsx';
import { Loading, PartialDateField, VisibilityTag, partialDate, useAction, useApi } from './ui.tsx';
import './workshop.css';

const VISIBILITIES: readonly Visibility[] = ['public', 'caucus', 'secretariat'];

function VisibilitySelect({
  id,
  value,
  onChange,
  errorText,
}: {
  readonly id: string;
  readonly value: Visibility;
  readonly onChange: (v: Visibility) => void;
  readonly errorText: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      id={id}
      label={t('caucus.field.visibility')}
      hint={t('caucus.sec.workshops.visibilityHint')}
      errorText={errorText}
      value={value}
      onChange={onChange}
      options={VISIBILITIES.map((v) => ({ value: v, label: t(`caucus.visibility.${v}`) }))}
    />
  );
}

/** A session of the programme the workshop belongs to, or none. */
function SessionSelect({
  id,
  programme,
  value,
  onChange,
  errorText,
}: {
  readonly id: string;
  readonly programme: Programme | null;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly errorText: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <SelectField
      id={id}
      label={t('caucus.field.session_id')}
      errorText={errorText}
      isOptional
      value={value}
      onChange={onChange}
      empty={t('caucus.none.choice')}
      options={[...(programme?.sessions ?? [])]
        .sort((a, b) => a.position - b.position)
        .map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}

function NewWorkshopForm({ programmes }: { readonly programmes: readonly Programme[] }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const action = useAction();
  const named = useNamed();
  const [programmeId, setProgrammeId] = useState('');
  const [session, setSession] = useState('');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [programme] = useApi<Programme>(programmeId ? `/api/programmes/${programmeId}` : null);
  const err = (f: string) => named(errorAt(action.error, `body.${f}`));
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const created = await api<Workshop>('POST', '/api/workshops', {
        programme_id: programmeId,
        title,
        visibility,
        ...(session ? { session_id: session } : {}),
        ...(date.trim() ? { date: date.trim() } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
      });
      navigate(`/secretariat/workshops/${created.id}`);
    });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate data-testid="workshop-new-form">
      {action.error ? <WorkshopErrorNotice error={action.error} /> : null}
      <div className="grid grid--2">
        <SelectField
          id="workshop-new-programme"
          label={t('caucus.field.programme_id')}
          errorText={err('programme_id')}
          value={programmeId}
          onChange={(v) => {
            setProgrammeId(v);
            setSession('');
          }}
          empty={t('caucus.none.choice')}
          options={programmes.map((p) => ({ value: p.id, label: p.name }))}
        />
        <SessionSelect
          id="workshop-new-session"
          programme={
            programmeId && programme.status === 'ready' && programme.data.id === programmeId
              ? programme.data
              : null
          }
          value={session}
          onChange={setSession}
          errorText={err('session_id')}
        />
      </div>
      <TextField
        id="workshop-new-title"
        label={t('caucus.field.title')}
        errorText={err('title')}
        value={title}
        onChange={setTitle}
        maxLength={300}
      />
      <div className="grid grid--2">
        <PartialDateField
          id="workshop-new-date"
          label={t('caucus.field.date')}
          errorText={err('date')}
          isOptional
          value={date}
          onChange={setDate}
        />
        <VisibilitySelect
          id="workshop-new-visibility"
          value={visibility}
          onChange={setVisibility}
          errorText={err('visibility')}
        />
      </div>
      <TextAreaField
        id="workshop-new-description"
        label={t('caucus.field.description')}
        errorText={err('description')}
        isOptional
        rows={3}
        value={description}
        onChange={setDescription}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('caucus.sec.workshops.create')}
        </button>
      </div>
    </form>
  );
}

function WorkshopsOverview() {
  const i18n = useI18n();
  const { t } = i18n;
  const [workshops] = useApi<List<Workshop>>('/api/workshops?limit=500');
  const [programmes] = useApi<List<Programme>>('/api/programmes?limit=500');
  return (
    <>
      <p>{t('caucus.sec.workshops.lead')}</p>
      <h2>{t('caucus.sec.workshops.new')}</h2>
      <Loading state={programmes}>{(list) => <NewWorkshopForm programmes={list.items} />}</Loading>
      <h2>{t('caucus.sec.workshops.existing')}</h2>
      <Loading state={workshops}>
        {(list) => {
          const names = new Map(
            programmes.status === 'ready' ? programmes.data.items.map((p) => [p.id, p.name]) : [],
          );
          return list.items.length === 0 ? (
            <p>{t('caucus.workshops.none')}</p>
          ) : (
            <ul className="card-list card-list--single" data-testid="sec-workshops">
              {list.items.map((w) => (
                <li key={w.id} className="card">
                  <p>
                    <WorkshopStatusTag status={w.status} />
                    <VisibilityTag visibility={w.visibility} />
                  </p>
                  <h3 className="card__title">
                    <Link to={`/secretariat/workshops/${w.id}`}>
                      {t('caucus.sec.workshops.runItem', { title: w.title })}
                    </Link>
                  </h3>
                  <p className="muted">
                    {[names.get(w.programme_id), partialDate(i18n, w.date)]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </li>
              ))}
            </ul>
          );
        }}
      </Loading>
    </>
  );
}

/** The workshop's own fields and who sees it: only what changed is sent. */
function SettingsForm({
  detail,
  programme,
  onSaved,
}: {
  readonly detail: WorkshopDetail;
  readonly programme: Programme | null;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const named = useNamed();
  const was = {
    title: detail.title,
    date: detail.date ?? '',
    session: detail.session_id ?? '',
    description: detail.description ?? '',
    visibility: detail.visibility,
  };
  const [v, setV] = useState(was);
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null);
  const set =
    <K extends keyof typeof was>(key: K) =>
    (value: (typeof was)[K]) => {
      setV((x) => ({ ...x, [key]: value }));
    };
  const err = (f: string) => named(errorAt(action.error, `body.${f}`));
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setOutcome(null);
    // A field emptied is sent as null where the API empties it (date, session, description), and
    // as "" for the title, which the API refuses by name.
    const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
    const patch = {
      ...(v.title !== was.title ? { title: v.title } : {}),
      ...(v.date !== was.date ? { date: orNull(v.date) } : {}),
      ...(v.session !== was.session ? { session_id: orNull(v.session) } : {}),
      ...(v.description !== was.description ? { description: orNull(v.description) } : {}),
      ...(v.visibility !== was.visibility ? { visibility: v.visibility } : {}),
    };
    void action.run(async () => {
      if (Object.keys(patch).length === 0) {
        setOutcome('unchanged');
        return;
      }
      await api('PATCH', `/api/workshops/${detail.id}`, patch);
      setOutcome('saved');
      onSaved();
    });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate data-testid="workshop-settings-form">
      {action.error ? <WorkshopErrorNotice error={action.error} /> : null}
      <TextField
        id="workshop-title"
        label={t('caucus.field.title')}
        errorText={err('title')}
        value={v.title}
        onChange={set('title')}
        maxLength={300}
      />
      <div className="grid grid--2">
        <PartialDateField
          id="workshop-date"
          label={t('caucus.field.date')}
          errorText={err('date')}
          isOptional
          value={v.date}
          onChange={set('date')}
        />
        <SessionSelect
          id="workshop-session"
          programme={programme}
          value={v.session}
          onChange={set('session')}
          errorText={err('session_id')}
        />
      </div>
      <TextAreaField
        id="workshop-description"
        label={t('caucus.field.description')}
        errorText={err('description')}
        isOptional
        rows={3}
        value={v.description}
        onChange={set('description')}
      />
      <VisibilitySelect
        id="workshop-visibility"
        value={v.visibility}
        onChange={set('visibility')}
        errorText={err('visibility')}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('caucus.sec.save')}
        </button>
      </div>
      {outcome ? (
        <p className="notice" role="status">
          {outcome === 'saved' ? t('caucus.sec.saved') : t('caucus.records.unchanged')}
        </p>
      ) : null}
    </form>
  );
}

/** Publishing a workshop kept to the caucus or the secretariat, as the other screens publish. */
function PublishWorkshop({
  detail,
  onSaved,
}: {
  readonly detail: WorkshopDetail;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  if (detail.visibility === 'public')
    return <p className="muted">{t('caucus.sec.activities.published')}</p>;
  return (
    <>
      {action.error ? <WorkshopErrorNotice error={action.error} /> : null}
      <button
        type="button"
        className="button button--primary"
        disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            await api('PATCH', `/api/workshops/${detail.id}`, { visibility: 'public' });
            onSaved();
          })
        }
      >
        {t('caucus.sec.activities.publish', { title: detail.title })}
      </button>
    </>
  );
}

/** Where the workshop stands, and the step on (or back) the secretariat may take. */
function StatusStep({
  detail,
  onSaved,
}: {
  readonly detail: WorkshopDetail;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  return (
    <div data-testid="workshop-status">
      <p>
        <WorkshopStatusTag status={detail.status} />{' '}
        {t('caucus.sec.workshops.statusLead', { status: detail.status })}
      </p>
      {action.error ? <WorkshopErrorNotice error={action.error} /> : null}
      {detail.picks_recorded ? (
        <div className="form-actions">
          {statusMoves(detail.status).map((move) => (
            <button
              key={move.to}
              type="button"
              className={`button ${move.isForward ? 'button--primary' : 'button--secondary'}`}
              disabled={action.busy}
              onClick={() =>
                void action.run(async () => {
                  await api('PATCH', `/api/workshops/${detail.id}`, { status: move.to });
                  onSaved();
                })
              }
            >
              {move.isForward
                ? t('caucus.sec.workshops.moveForward', { to: move.to })
                : t('caucus.sec.workshops.moveBack', { to: move.to })}
            </button>
          ))}
        </div>
      ) : (
        <p className="muted">{t('caucus.sec.workshops.notRecorded')}</p>
      )}
    </div>
  );
}

const STEPS = [
  ['settings', 'caucus.sec.workshops.settings'],
  ['groups', 'caucus.sec.workshops.groups'],
  ['questions', 'caucus.sec.workshops.questions'],
  ['answers', 'caucus.sec.workshops.answers'],
  ['priorities', 'caucus.sec.workshops.priorities'],
  ['status', 'caucus.sec.workshops.status'],
  ['areas', 'caucus.sec.workshops.areas'],
  ['picks', 'caucus.sec.workshops.picks'],
] as const;

function Run({ detail, reload }: { readonly detail: WorkshopDetail; readonly reload: () => void }) {
  const { t } = useI18n();
  const [programme] = useApi<Programme>(`/api/programmes/${detail.programme_id}`);
  const [people] = useApi<List<Person>>('/api/people?limit=500');
  const loaded = programme.status === 'ready' ? programme.data : null;
  const names = new Map(
    people.status === 'ready' ? people.data.items.map((p) => [p.id, p.name]) : [],
  );
  const choices = (groupId: string | null): MemberChoice[] =>
    memberChoices(loaded?.participants ?? [], names, detail.groups, groupId);
  const ready = loaded !== null && people.status === 'ready';
  const heading = (step: (typeof STEPS)[number]) => <h2 id={`step-${step[0]}`}>{t(step[1])}</h2>;
  const [settings, groups, questions, answers, priorities, status, areas, picks] = STEPS;
  const known = workshopNames(detail, [
    ...names,
    ...(loaded ? [[loaded.id, loaded.name] as const] : []),
  ]);
  return (
    <WorkshopNames names={known}>
      <article className="workshop-run" data-testid="workshop-run">
        <p className="breadcrumb">
          <Link to="/secretariat/workshops">{t('caucus.sec.workshops.all')}</Link>
        </p>
        <h2 className="workshop-run__title">
          <span lang="en">{detail.title}</span> <WorkshopStatusTag status={detail.status} />
          <VisibilityTag visibility={detail.visibility} />
        </h2>
        <p className="muted">
          {loaded ? <span lang="en">{loaded.name}</span> : null}{' '}
          <Link to={`/caucus/workshops/${detail.id}`}>{t('caucus.sec.workshops.results')}</Link>
        </p>
        <nav aria-label={t('caucus.sec.workshops.contents')}>
          <ul className="inline-list">
            {STEPS.map(([id, key]) => (
              <li key={id}>
                <a href={`#step-${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>

        {heading(settings)}
        <SettingsForm
          key={`${detail.title}|${detail.date ?? ''}|${detail.session_id ?? ''}|${detail.visibility}`}
          detail={detail}
          programme={loaded}
          onSaved={reload}
        />
        <PublishWorkshop detail={detail} onSaved={reload} />

        {heading(groups)}
        <p>{t('caucus.sec.workshops.groupsLead')}</p>
        {ready ? (
          <>
            {detail.groups.length > 0 ? (
              <ul className="card-list card-list--single" data-testid="sec-groups">
                {detail.groups.map((g) => (
                  <li key={g.id} className="card">
                    <h3 className="card__title" lang="en">
                      {g.name}
                    </h3>
                    <p className="muted">
                      {g.members.length > 0
                        ? t('caucus.workshop.members', {
                            names: g.members.map((m) => m.name).join(', '),
                          })
                        : t('caucus.sec.workshops.noMembers')}
                    </p>
                    <details>
                      <summary>{t('caucus.sec.workshops.edit', { name: g.name })}</summary>
                      <GroupForm
                        workshopId={detail.id}
                        group={g}
                        choices={choices(g.id)}
                        onSaved={reload}
                      />
                    </details>
                  </li>
                ))}
              </ul>
            ) : null}
            <h3>{t('caucus.sec.workshops.newGroup')}</h3>
            <GroupForm workshopId={detail.id} choices={choices(null)} onSaved={reload} />
          </>
        ) : programme.status === 'error' || people.status === 'error' ? (
          <WorkshopErrorNotice
            error={
              programme.status === 'error'
                ? programme.error
                : people.status === 'error'
                  ? people.error
                  : null
            }
          />
        ) : (
          <p className="status" role="status">
            {t('caucus.loading')}
          </p>
        )}

        {heading(questions)}
        <p>{t('caucus.sec.workshops.questionsLead')}</p>
        {detail.questions.length > 0 ? (
          <ol className="card-list card-list--single" data-testid="sec-questions">
            {detail.questions.map((q, i) => (
              <li key={q.id} className="card">
                <p>
                  <strong>{t('caucus.workshop.questionN', { n: i + 1 })}</strong>:{' '}
                  <span lang="en">{q.text}</span>
                </p>
                <details>
                  <summary>
                    {t('caucus.sec.workshops.edit', {
                      name: t('caucus.workshop.questionN', { n: i + 1 }),
                    })}
                  </summary>
                  <TextPartForm
                    path={`/api/workshops/${detail.id}/questions/${q.id}`}
                    testId={`question-${q.id}-form`}
                    label={t('caucus.field.question_id')}
                    text={q.text}
                    onSaved={reload}
                  />
                </details>
              </li>
            ))}
          </ol>
        ) : null}
        <h3>{t('caucus.sec.workshops.newQuestion')}</h3>
        <QuestionForm workshopId={detail.id} onSaved={reload} />

        {heading(answers)}
        <p>{t('caucus.sec.workshops.answersLead')}</p>
        {detail.groups.length === 0 || detail.questions.length === 0 ? (
          <p className="muted">{t('caucus.sec.workshops.answersFirst')}</p>
        ) : (
          <>
            <ul className="card-list card-list--single" data-testid="sec-answers">
              {detail.groups.map((g) => (
                <li key={g.id} className="card">
                  <h3 className="card__title" lang="en">
                    {g.name}
                  </h3>
                  {detail.questions.map((q, i) => {
                    const cell = detail.answers.filter(
                      (a) => a.group_id === g.id && a.question_id === q.id,
                    );
                    return (
                      <div key={q.id} className="workshop-sec-cell">
                        <h4>{t('caucus.workshop.questionN', { n: i + 1 })}</h4>
                        {cell.length === 0 ? (
                          <p className="muted">{t('caucus.workshop.noAnswer')}</p>
                        ) : (
                          <ul>
                            {cell.map((a) => (
                              <AnswerItem key={a.id} detail={detail} answer={a} onSaved={reload} />
                            ))}
                          </ul>
                        )}
                      </div>
                    );
                  })}
                </li>
              ))}
            </ul>
            <h3>{t('caucus.sec.workshops.newAnswer')}</h3>
            <AnswerForm detail={detail} onSaved={reload} />
          </>
        )}

        {heading(priorities)}
        <p>{t('caucus.sec.workshops.prioritiesLead')}</p>
        {detail.priorities.length > 0 ? (
          <ol className="card-list card-list--single" data-testid="sec-priorities">
            {detail.priorities.map((p, i) => (
              <li key={p.id} className="card">
                <p>
                  {i + 1}. <span lang="en">{p.text}</span>
                </p>
                <details>
                  <summary>{t('caucus.sec.workshops.edit', { name: p.text })}</summary>
                  <TextPartForm
                    path={`/api/workshops/${detail.id}/priorities/${p.id}`}
                    testId={`priority-${p.id}-form`}
                    label={t('caucus.field.text')}
                    text={p.text}
                    onSaved={reload}
                  />
                </details>
              </li>
            ))}
          </ol>
        ) : null}
        <h3>{t('caucus.sec.workshops.newPriority')}</h3>
        <PriorityForm detail={detail} onSaved={reload} />

        {heading(status)}
        <StatusStep detail={detail} onSaved={reload} />

        {heading(areas)}
        <p>{t('caucus.sec.workshops.areasLead')}</p>
        <AreasStep detail={detail} onSaved={reload} />

        {heading(picks)}
        <PicksStep key={detail.status} detail={detail} participants={ready ? choices(null) : []} />
      </article>
    </WorkshopNames>
  );
}

/** Running one workshop. */
function RunWorkshop({ id }: { readonly id: string }) {
  const [detail, reload] = useApi<WorkshopDetail>(`/api/workshops/${id}`);
  return <Loading state={detail}>{(d) => <Run detail={d} reload={reload} />}</Loading>;
}

/** The secretariat's workshops: every one, a new one, or one to run. */
export function WorkshopsSection({ workshopId }: { readonly workshopId?: string | undefined }) {
  return workshopId === undefined ? <WorkshopsOverview /> : <RunWorkshop id={workshopId} />;
}
