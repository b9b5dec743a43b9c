// The secretariat's last steps of a workshop: condensing the priorities into areas for action
// (which priorities fed each; a new area for action if none fits), and the picks: who picked
// what, kept to the secretariat, and a participant's picks entered on their behalf.
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { SelectField, TextAreaField, TextField } from '../ui/field.tsx';
import type { List, Topic } from './api.ts';
import { ApiError, api } from './api.ts';
import type {
  CondensationRow,
  MemberChoice,
  Picks,
  Ranks,
  WorkshopDetail,
} from './workshop-model.ts';
import {
  NO_RANKS,
  condensationBody,
  condensationErrors,
  condensationRows,
  errorAt,
  picksBody,
  rankErrors,
} from './workshop-model.ts';
import {
  CheckboxesField,
  RankFields,
  priorityLabel,
  WorkshopErrorNotice,
  useNamed,
} from './workshop-ui.tsx';
import { Loading, useAction, useApi } from './ui.tsx';

/** The areas for action of a workshop and the priorities that fed each, replaced whole on saving. */
function CondensationForm({
  detail,
  topics,
  onSaved,
}: {
  readonly detail: WorkshopDetail;
  readonly topics: readonly Topic[];
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [rows, setRows] = useState<CondensationRow[]>(() => condensationRows(detail, topics));
  const [sent, setSent] = useState<CondensationRow[]>([]);
  const named = useNamed();
  const [isSaved, setIsSaved] = useState(false);
  // An area for action added since the form opened joins the end of the list.
  const all = [
    ...rows,
    ...condensationRows({ areas: [] }, topics).filter(
      (r) => !rows.some((x) => x.topicId === r.topicId),
    ),
  ];
  const change = (topicId: string, patch: Partial<CondensationRow>) => {
    setRows(all.map((r) => (r.topicId === topicId ? { ...r, ...patch } : r)));
  };
  const errors = condensationErrors(action.error, sent);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setIsSaved(false);
    setSent(all);
    void action.run(async () => {
      await api('POST', `/api/workshops/${detail.id}/condensation`, condensationBody(all));
      setIsSaved(true);
      onSaved();
    });
  };
  const options = detail.priorities.map((p, i) => ({
    value: p.id,
    label: priorityLabel(p, i),
    lang: 'en',
  }));
  return (
    <form className="panel" onSubmit={submit} noValidate data-testid="condensation-form">
      {action.error ? <WorkshopErrorNotice error={action.error} /> : null}
      <ol className="workshop-condensation">
        {all.map((row) => (
          <li key={row.topicId} className="card" data-testid={`condense-${row.topicId}`}>
            <label className="checkbox workshop-condensation__area">
              <input
                type="checkbox"
                checked={row.isChosen}
                onChange={(e) => {
                  change(row.topicId, { isChosen: e.target.checked });
                }}
              />{' '}
              <span lang="en">{row.name}</span>
            </label>
            {errors.get(row.topicId) && !(row.isChosen && options.length > 0) ? (
              <p className="field__error">{named(errors.get(row.topicId))}</p>
            ) : null}
            {row.isChosen ? (
              options.length === 0 ? (
                <p className="muted">{t('caucus.workshop.noPriorities')}</p>
              ) : (
                <CheckboxesField
                  id={`condense-${row.topicId}-priorities`}
                  legend={t('caucus.sec.workshops.fedByArea', { name: row.name })}
                  errorText={named(errors.get(row.topicId))}
                  options={options}
                  chosen={row.priorityIds}
                  onChange={(priorityIds) => {
                    change(row.topicId, { priorityIds });
                  }}
                />
              )
            ) : null}
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('caucus.sec.workshops.saveAreas')}
        </button>
      </div>
      {isSaved ? (
        <p className="notice" role="status">
          {t('caucus.sec.saved')}
        </p>
      ) : null}
    </form>
  );
}

/** A new area for action (a topic of that kind), seen by whoever sees the workshop. */
function NewAreaForm({
  detail,
  onSaved,
}: {
  readonly detail: WorkshopDetail;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const named = useNamed();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [isSaved, setIsSaved] = useState(false);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setIsSaved(false);
    void action.run(async () => {
      await api('POST', '/api/topics', {
        kind: 'area_for_action',
        name,
        ...(description.trim() ? { description: description.trim() } : {}),
        visibility: detail.visibility,
      });
      setName('');
      setDescription('');
      setIsSaved(true);
      onSaved();
    });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate data-testid="area-new-form">
      {action.error ? <WorkshopErrorNotice error={action.error} /> : null}
      <TextField
        id="area-new-name"
        label={t('caucus.field.name')}
        errorText={named(errorAt(action.error, 'body.name'))}
        value={name}
        onChange={setName}
        maxLength={300}
      />
      <TextAreaField
        id="area-new-description"
        label={t('caucus.field.description')}
        errorText={named(errorAt(action.error, 'body.description'))}
        isOptional
        rows={2}
        value={description}
        onChange={setDescription}
      />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={action.busy}>
          {t('caucus.sec.workshops.addArea')}
        </button>
      </div>
      {isSaved ? (
        <p className="notice" role="status">
          {t('caucus.sec.saved')}
        </p>
      ) : null}
    </form>
  );
}

/** The areas for action step: the condensation and, apart, a new area for action. */
export function AreasStep({
  detail,
  onSaved,
}: {
  readonly detail: WorkshopDetail;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const [topics, reloadTopics] = useApi<List<Topic>>('/api/topics?kind=area_for_action&limit=500');
  return (
    <>
      <Loading state={topics}>
        {(list) => <CondensationForm detail={detail} topics={list.items} onSaved={onSaved} />}
      </Loading>
      <details>
        <summary>{t('caucus.sec.workshops.newArea')}</summary>
        <NewAreaForm detail={detail} onSaved={reloadTopics} />
      </details>
    </>
  );
}

/** A participant's picks entered by the secretariat (from a paper form): they replace earlier ones. */
function PicksForForm({
  detail,
  participants,
  onSaved,
}: {
  readonly detail: WorkshopDetail;
  readonly participants: readonly MemberChoice[];
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const named = useNamed();
  const [person, setPerson] = useState('');
  const [ranks, setRanks] = useState<Ranks>(NO_RANKS);
  const [fromRank, setFromRank] = useState<readonly number[]>([]);
  const [isSaved, setIsSaved] = useState(false);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setIsSaved(false);
    const body = picksBody(ranks);
    setFromRank(body.fromRank);
    void action.run(async () => {
      await api('POST', `/api/workshops/${detail.id}/picks`, {
        person_id: person,
        priority_ids: body.priority_ids,
      });
      setRanks(NO_RANKS);
      setIsSaved(true);
      onSaved();
    });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate data-testid="picks-for-form">
      {action.error instanceof ApiError && action.error.code === 'conflict' ? (
        // Closed (or sent back to preparing) while the form was open.
        <p className="notice notice--error" role="alert">
          {t('caucus.workshop.pick.refused.not_open')}
        </p>
      ) : action.error ? (
        <WorkshopErrorNotice error={action.error} />
      ) : null}
      <SelectField
        id="picks-for-person"
        label={t('caucus.sec.workshops.participant')}
        errorText={named(errorAt(action.error, 'body.person_id'))}
        value={person}
        onChange={setPerson}
        empty={t('caucus.none.choice')}
        options={participants.map((p) => ({ value: p.personId, label: p.name }))}
      />
      <RankFields
        idPrefix="picks-for"
        priorities={detail.priorities}
        ranks={ranks}
        onChange={setRanks}
        errors={rankErrors(action.error, fromRank).map(named)}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {t('caucus.sec.workshops.savePicks')}
        </button>
      </div>
      {isSaved ? (
        <p className="notice" role="status">
          {t('caucus.sec.saved')}
        </p>
      ) : null}
    </form>
  );
}

/** Who picked what (the secretariat's alone), and entering a participant's picks. */
export function PicksStep({
  detail,
  participants,
}: {
  readonly detail: WorkshopDetail;
  readonly participants: readonly MemberChoice[];
}) {
  const { t } = useI18n();
  const [picks, reload] = useApi<{ items: Picks[] }>(`/api/workshops/${detail.id}/picks`);
  if (!detail.picks_recorded) return <p>{t('caucus.sec.workshops.notRecorded')}</p>;
  return (
    <>
      <p>{t('caucus.sec.workshops.picksLead')}</p>
      <Loading state={picks}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('caucus.sec.workshops.noPicks')}</p>
          ) : (
            <ul className="card-list card-list--single" data-testid="who-picked">
              {list.items.map((p) => (
                <li key={p.person_id} className="card">
                  <h4>{p.name ?? p.person_id}</h4>
                  <ol lang="en">
                    {[...p.picks]
                      .sort((a, b) => a.rank - b.rank)
                      .map((x) => (
                        <li key={x.rank}>{x.text}</li>
                      ))}
                  </ol>
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
      <h3>{t('caucus.sec.workshops.enterPicks')}</h3>
      {detail.status === 'picking' ? (
        <>
          <p>{t('caucus.sec.workshops.enterPicksLead')}</p>
          <PicksForForm detail={detail} participants={participants} onSaved={reload} />
        </>
      ) : (
        <p className="muted">{t('caucus.sec.workshops.picksNotOpen')}</p>
      )}
    </>
  );
}
