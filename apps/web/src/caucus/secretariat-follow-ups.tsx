// The secretariat's follow-ups: those due by a date, those still without a due date (the founding
// report's next steps are loaded so, as the report gives none), a form to set a follow-up's due
// date and status, and one to add a follow-up, on a commitment or on its own.
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { SelectField, TextAreaField, TextField } from '../ui/field.tsx';
import type { Commitment, FollowUp, List } from './api.ts';
import { api, query } from './api.ts';
import {
  ErrorNotice,
  Loading,
  PartialDateField,
  fieldError,
  partialDate,
  useAction,
  useApi,
} from './ui.tsx';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A follow-up's due date and status, changed in place. */
function FollowUpEdit({
  followUp,
  onSaved,
}: {
  readonly followUp: FollowUp;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [due, setDue] = useState(followUp.due_date ?? '');
  const [status, setStatus] = useState<FollowUp['status']>(followUp.status);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api('PATCH', `/api/follow-ups/${followUp.id}`, {
        status,
        ...(due.trim() !== '' ? { due_date: due.trim() } : {}),
      });
      onSaved();
    });
  };
  return (
    <details>
      <summary>{t('caucus.sec.followUps.edit')}</summary>
      <form onSubmit={submit} noValidate aria-label={followUp.title}>
        {action.error ? <ErrorNotice error={action.error} /> : null}
        <PartialDateField
          id={`follow-up-due-${followUp.id}`}
          label={t('caucus.field.due_date')}
          errorText={fieldError(action.error, 'due_date')}
          value={due}
          onChange={setDue}
        />
        <SelectField
          id={`follow-up-status-${followUp.id}`}
          label={t('caucus.field.status')}
          errorText={fieldError(action.error, 'status')}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'open', label: t('caucus.sec.followUps.status.open') },
            { value: 'done', label: t('caucus.sec.followUps.status.done') },
          ]}
        />
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('caucus.sec.followUps.save')}
        </button>
      </form>
    </details>
  );
}

function FollowUpCard({
  followUp: f,
  onChange,
}: {
  readonly followUp: FollowUp;
  readonly onChange: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = isoDay(new Date());
  return (
    <li className="card">
      <h4 lang="en">{f.title}</h4>
      <p className={f.due_date && f.due_date < today ? 'overdue' : 'muted'}>
        {f.due_date
          ? f.due_date < today
            ? t('caucus.sec.followUps.overdue', { date: partialDate(i18n, f.due_date) })
            : t('caucus.followUps.due', { date: partialDate(i18n, f.due_date) })
          : t('caucus.sec.followUps.undated')}
        {f.commitment_id ? (
          <>
            {' · '}
            <Link to={`/caucus/commitments/${f.commitment_id}`}>
              {t('caucus.sec.followUps.commitment')}
            </Link>
          </>
        ) : null}
      </p>
      <FollowUpEdit followUp={f} onSaved={onChange} />
    </li>
  );
}

/** A new follow-up task, on a commitment or on its own. */
function NewFollowUp({ onSaved }: { readonly onSaved: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [commitments] = useApi<List<Commitment>>('/api/commitments?limit=500');
  const [commitmentId, setCommitmentId] = useState('');
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [description, setDescription] = useState('');
  const [done, setDone] = useState(false);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setDone(false);
    void action.run(async () => {
      await api('POST', '/api/follow-ups', {
        title,
        ...(commitmentId ? { commitment_id: commitmentId } : {}),
        ...(due.trim() !== '' ? { due_date: due.trim() } : {}),
        ...(description.trim() !== '' ? { description } : {}),
      });
      setTitle('');
      setDue('');
      setDescription('');
      setDone(true);
      onSaved();
    });
  };
  const err = (f: string) => fieldError(action.error, f);
  return (
    <form className="panel" onSubmit={submit} noValidate>
      <h3>{t('caucus.sec.followUps.new')}</h3>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      {done ? (
        <p className="notice" role="status">
          {t('caucus.sec.followUps.created')}
        </p>
      ) : null}
      <SelectField
        id="follow-up-commitment"
        label={t('caucus.field.commitment_id')}
        errorText={err('commitment_id')}
        value={commitmentId}
        onChange={setCommitmentId}
        empty={t('caucus.sec.followUps.noCommitment')}
        options={
          commitments.status === 'ready'
            ? commitments.data.items.map((c) => ({ value: c.id, label: c.title }))
            : []
        }
      />
      <TextField
        id="follow-up-title"
        label={t('caucus.field.title')}
        errorText={err('title')}
        value={title}
        onChange={setTitle}
      />
      <PartialDateField
        id="follow-up-due"
        label={t('caucus.field.due_date')}
        errorText={err('due_date')}
        isOptional
        value={due}
        onChange={setDue}
      />
      <TextAreaField
        id="follow-up-description"
        label={t('caucus.field.description')}
        errorText={err('description')}
        isOptional
        rows={3}
        value={description}
        onChange={setDescription}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('caucus.sec.followUps.create')}
        </button>
      </div>
    </form>
  );
}

export function FollowUpsSection() {
  const { t } = useI18n();
  const [by, setBy] = useState(() => isoDay(new Date(Date.now() + 30 * 86_400_000)));
  const [due, reloadDue] = useApi<{ items: FollowUp[] }>(`/api/follow-ups/due${query({ by })}`);
  const [all, reloadAll] = useApi<List<FollowUp>>('/api/follow-ups?limit=500');
  const reload = () => {
    reloadDue();
    reloadAll();
  };
  return (
    <>
      <p>{t('caucus.sec.followUps.lead')}</p>
      <div className="field filters">
        <label htmlFor="due-by">{t('caucus.sec.followUps.by')}</label>
        <input
          id="due-by"
          type="date"
          value={by}
          onChange={(e) => {
            if (e.target.value) setBy(e.target.value);
          }}
        />
      </div>
      <Loading state={due}>
        {(d) =>
          d.items.length === 0 ? (
            <p>{t('caucus.sec.followUps.none')}</p>
          ) : (
            <ul className="card-list card-list--single" data-testid="follow-ups-due">
              {d.items.map((f) => (
                <FollowUpCard key={f.id} followUp={f} onChange={reload} />
              ))}
            </ul>
          )
        }
      </Loading>
      <h3>{t('caucus.sec.followUps.undatedTitle')}</h3>
      <p>{t('caucus.sec.followUps.undatedLead')}</p>
      <Loading state={all}>
        {(list) => {
          const undated = list.items.filter((f) => f.status === 'open' && !f.due_date);
          return undated.length === 0 ? (
            <p>{t('caucus.sec.followUps.allDated')}</p>
          ) : (
            <ul className="card-list card-list--single" data-testid="follow-ups-undated">
              {undated.map((f) => (
                <FollowUpCard key={f.id} followUp={f} onChange={reload} />
              ))}
            </ul>
          );
        }}
      </Loading>
      <NewFollowUp onSaved={reload} />
    </>
  );
}
