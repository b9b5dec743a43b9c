// The secretariat's forms for a workshop's parts (docs/api.md, Strategy workshops): its groups
// (members chosen from the programme's participants), its questions, each group's answers to
// them, and the priorities participants pick from (drawn from an answer or written). Each part is
// added and changed through the API; an error shows under the field it names.
import type { ReactNode, SyntheticEvent } from 'react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { SelectField, TextAreaField, TextField } from '../ui/field.tsx';
import { api } from './api.ts';
import type {
  MemberChoice,
  WorkshopAnswer,
  WorkshopDetail,
  WorkshopGroup,
} from './workshop-model.ts';
import { answerOrigin, errorAt } from './workshop-model.ts';
import { CheckboxesField, WorkshopErrorNotice, useNamed } from './workshop-ui.tsx';
import { useAction } from './ui.tsx';

type Outcome = 'saved' | 'unchanged' | null;

/** A form of a part: the API's error on top, the fields, the save button and what came of it. */
function PartForm({
  testId,
  error,
  busy,
  outcome,
  label,
  onSubmit,
  children,
}: {
  readonly testId: string;
  readonly error: unknown;
  readonly busy: boolean;
  readonly outcome: Outcome;
  readonly label: string;
  readonly onSubmit: () => void;
  readonly children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form
      className="panel"
      noValidate
      data-testid={testId}
      onSubmit={(e: SyntheticEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {error ? <WorkshopErrorNotice error={error} /> : null}
      {children}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {label}
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

/** A group's name and members: a new group (POST) or a change to one (PATCH, only what changed). */
export function GroupForm({
  workshopId,
  group,
  choices,
  onSaved,
}: {
  readonly workshopId: string;
  readonly group?: WorkshopGroup;
  readonly choices: readonly MemberChoice[];
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const named = useNamed();
  const before = group?.members.map((m) => m.person_id) ?? [];
  const [name, setName] = useState(group?.name ?? '');
  const [members, setMembers] = useState<string[]>(before);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const id = (f: string) => `group-${group?.id ?? 'new'}-${f}`;
  const submit = () => {
    setOutcome(null);
    void action.run(async () => {
      if (!group) {
        await api('POST', `/api/workshops/${workshopId}/groups`, { name, member_ids: members });
        setName('');
        setMembers([]);
      } else {
        const sameMembers =
          members.length === before.length && members.every((m) => before.includes(m));
        const patch = {
          ...(name !== group.name ? { name } : {}),
          ...(sameMembers ? {} : { member_ids: members }),
        };
        if (Object.keys(patch).length === 0) {
          setOutcome('unchanged');
          return;
        }
        await api('PATCH', `/api/workshops/${workshopId}/groups/${group.id}`, patch);
      }
      setOutcome('saved');
      onSaved();
    });
  };
  return (
    <PartForm
      testId={id('form')}
      error={action.error}
      busy={action.busy}
      outcome={outcome}
      label={group ? t('caucus.sec.save') : t('caucus.sec.workshops.addGroup')}
      onSubmit={submit}
    >
      <TextField
        id={id('name')}
        label={t('caucus.field.name')}
        errorText={named(errorAt(action.error, 'body.name'))}
        value={name}
        onChange={setName}
        maxLength={200}
      />
      {choices.length === 0 ? (
        <p className="muted">{t('caucus.sec.workshops.noParticipants')}</p>
      ) : (
        <CheckboxesField
          id={id('members')}
          legend={t('caucus.field.member_ids')}
          hint={t('caucus.sec.workshops.membersHint')}
          errorText={named(errorAt(action.error, 'body.member_ids'))}
          options={choices.map((c) => ({
            value: c.personId,
            label: c.name,
            note: c.otherGroup ? t('caucus.sec.workshops.inGroup', { group: c.otherGroup }) : null,
          }))}
          chosen={members}
          onChange={setMembers}
        />
      )}
    </PartForm>
  );
}

/** One text of a part (a question, an answer, a priority) changed: only sent when it changed. */
export function TextPartForm({
  path,
  testId,
  label,
  text,
  onSaved,
}: {
  readonly path: string;
  readonly testId: string;
  readonly label: string;
  readonly text: string;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const named = useNamed();
  const [value, setValue] = useState(text);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const submit = () => {
    setOutcome(null);
    void action.run(async () => {
      if (value === text) {
        setOutcome('unchanged');
        return;
      }
      await api('PATCH', path, { text: value });
      setOutcome('saved');
      onSaved();
    });
  };
  return (
    <PartForm
      testId={testId}
      error={action.error}
      busy={action.busy}
      outcome={outcome}
      label={t('caucus.sec.save')}
      onSubmit={submit}
    >
      <TextAreaField
        id={`${testId}-text`}
        label={label}
        errorText={named(errorAt(action.error, 'body.text'))}
        rows={2}
        value={value}
        onChange={setValue}
      />
    </PartForm>
  );
}

/** A new question every group answers. */
export function QuestionForm({
  workshopId,
  onSaved,
}: {
  readonly workshopId: string;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const named = useNamed();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const submit = () => {
    setOutcome(null);
    void action.run(async () => {
      await api('POST', `/api/workshops/${workshopId}/questions`, { text });
      setText('');
      setOutcome('saved');
      onSaved();
    });
  };
  return (
    <PartForm
      testId="question-new-form"
      error={action.error}
      busy={action.busy}
      outcome={outcome}
      label={t('caucus.sec.workshops.addQuestion')}
      onSubmit={submit}
    >
      <TextAreaField
        id="question-new-text"
        label={t('caucus.field.question_id')}
        errorText={named(errorAt(action.error, 'body.text'))}
        rows={2}
        value={text}
        onChange={setText}
      />
    </PartForm>
  );
}

/** A new point of a group's answer to a question: a line of a cell of the matrix. */
export function AnswerForm({
  detail,
  onSaved,
}: {
  readonly detail: WorkshopDetail;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const named = useNamed();
  const [group, setGroup] = useState('');
  const [question, setQuestion] = useState('');
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const submit = () => {
    setOutcome(null);
    void action.run(async () => {
      await api('POST', `/api/workshops/${detail.id}/answers`, {
        group_id: group,
        question_id: question,
        text,
      });
      setText('');
      setOutcome('saved');
      onSaved();
    });
  };
  return (
    <PartForm
      testId="answer-new-form"
      error={action.error}
      busy={action.busy}
      outcome={outcome}
      label={t('caucus.sec.workshops.addAnswer')}
      onSubmit={submit}
    >
      <div className="grid grid--2">
        <SelectField
          id="answer-new-group"
          label={t('caucus.field.group_id')}
          errorText={named(errorAt(action.error, 'body.group_id'))}
          value={group}
          onChange={setGroup}
          empty={t('caucus.none.choice')}
          options={detail.groups.map((g) => ({ value: g.id, label: g.name }))}
        />
        <SelectField
          id="answer-new-question"
          label={t('caucus.field.question_id')}
          errorText={named(errorAt(action.error, 'body.question_id'))}
          value={question}
          onChange={setQuestion}
          empty={t('caucus.none.choice')}
          options={detail.questions.map((q, i) => ({ value: q.id, label: `${i + 1}. ${q.text}` }))}
        />
      </div>
      <TextAreaField
        id="answer-new-text"
        label={t('caucus.sec.workshops.answerText')}
        errorText={named(errorAt(action.error, 'body.text'))}
        rows={2}
        value={text}
        onChange={setText}
      />
    </PartForm>
  );
}

/** An answer's point, with its change and, unless it is one already, a button making it a priority. */
export function AnswerItem({
  detail,
  answer,
  onSaved,
}: {
  readonly detail: WorkshopDetail;
  readonly answer: WorkshopAnswer;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const isPriority = detail.priorities.some((p) => p.answer_id === answer.id);
  return (
    <li data-testid={`answer-${answer.id}`}>
      <span lang="en">{answer.text}</span>{' '}
      {isPriority ? (
        <span className="tag tag--yes">{t('caucus.sec.workshops.isPriority')}</span>
      ) : null}
      <details>
        <summary>{t('caucus.sec.workshops.edit', { name: answer.text })}</summary>
        <TextPartForm
          path={`/api/workshops/${detail.id}/answers/${answer.id}`}
          testId={`answer-${answer.id}-form`}
          label={t('caucus.sec.workshops.answerText')}
          text={answer.text}
          onSaved={onSaved}
        />
      </details>
      {isPriority ? null : (
        <button
          type="button"
          className="button button--secondary"
          disabled={action.busy}
          onClick={() =>
            void action.run(async () => {
              await api('POST', `/api/workshops/${detail.id}/priorities`, {
                answer_id: answer.id,
              });
              onSaved();
            })
          }
        >
          {t('caucus.sec.workshops.makePriority')}
        </button>
      )}
      {action.error ? <WorkshopErrorNotice error={action.error} /> : null}
    </li>
  );
}

/** A new priority: drawn from an answer (its words unless others are given) or written. */
export function PriorityForm({
  detail,
  onSaved,
}: {
  readonly detail: WorkshopDetail;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const named = useNamed();
  const [answer, setAnswer] = useState('');
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const submit = () => {
    setOutcome(null);
    void action.run(async () => {
      await api('POST', `/api/workshops/${detail.id}/priorities`, {
        ...(answer ? { answer_id: answer } : {}),
        ...(text.trim() ? { text: text.trim() } : {}),
      });
      setAnswer('');
      setText('');
      setOutcome('saved');
      onSaved();
    });
  };
  return (
    <PartForm
      testId="priority-new-form"
      error={action.error}
      busy={action.busy}
      outcome={outcome}
      label={t('caucus.sec.workshops.addPriority')}
      onSubmit={submit}
    >
      <SelectField
        id="priority-new-answer"
        label={t('caucus.field.answer_id')}
        errorText={named(errorAt(action.error, 'body.answer_id'))}
        isOptional
        value={answer}
        onChange={setAnswer}
        empty={t('caucus.none.choice')}
        options={detail.answers.map((a) => {
          const origin = answerOrigin(detail, a.id);
          return {
            value: a.id,
            label: origin ? `${origin.group} · ${origin.question}. ${a.text}` : a.text,
          };
        })}
      />
      <TextAreaField
        id="priority-new-text"
        label={t('caucus.field.text')}
        hint={t('caucus.sec.workshops.priorityTextHint')}
        errorText={named(errorAt(action.error, 'body.text'))}
        isOptional
        rows={2}
        value={text}
        onChange={setText}
      />
    </PartForm>
  );
}
