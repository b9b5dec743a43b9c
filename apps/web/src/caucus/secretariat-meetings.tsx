// The secretariat's screen of the bodies' meetings (`/api/body-events`): record one, change one,
// publish one kept to the caucus or the secretariat. A meeting whose dates vary (an assembly hosted
// in turn) has a cycle; one whose dates repeat exactly, a recurrence rule (docs/api.md).
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { MeetingWhen } from './activity-records.tsx';
import type { BodyEvent, List, MeetingFrequency, Organization } from './api.ts';
import { MEETING_FREQUENCIES, api } from './api.ts';
import type { Body } from './record-body.ts';
import {
  ALL_VISIBILITIES,
  changedFields,
  errorAt,
  filled,
  isSourceKept,
  publicRecord,
  sourceFields,
  sourceOf,
  unpublishedFirst,
  withOwn,
} from './record-body.ts';
import {
  Field,
  FormActions,
  PublishButton,
  RecordSelect,
  SourceControls,
  TextControl,
  VisibilityControl,
} from './record-form.tsx';
import { ErrorNotice, Loading, VisibilityTag, useAction, useApi } from './ui.tsx';

/** The bodies the caucus engages: regional and international ones (docs/seed-data.md). */
export const BODY_CLASSES = new Set(['regional_body', 'international_body']);

const noFrequency: MeetingFrequency | '' = '';

function meetingValues(m: BodyEvent | undefined) {
  const source = sourceFields(m?.source);
  return {
    organization: m?.organization_id ?? '',
    title: m?.title ?? '',
    start: m?.start_date ?? '',
    end: m?.end_date ?? '',
    place: m?.place ?? '',
    frequency: m?.cycle?.frequency ?? noFrequency,
    cycleNote: m?.cycle?.note ?? '',
    recurrence: m?.recurrence ?? '',
    description: m?.description ?? '',
    isVerified: m?.is_verified ?? false,
    sourceTitle: source.title,
    sourceUrl: source.url,
    visibility: m?.visibility ?? publicRecord,
  };
}

type MeetingValues = ReturnType<typeof meetingValues>;

function meetingBody(v: MeetingValues, keepsSource: boolean): Body {
  return {
    organization_id: v.organization,
    title: v.title,
    ...filled({
      start_date: v.start,
      end_date: v.end,
      place: v.place,
      recurrence: v.recurrence,
      description: v.description,
    }),
    ...(v.frequency !== ''
      ? { cycle: { frequency: v.frequency, ...filled({ note: v.cycleNote }) } }
      : {}),
    is_verified: v.isVerified,
    ...(keepsSource ? {} : sourceOf(v.sourceTitle, v.sourceUrl)),
    visibility: v.visibility,
  };
}

function MeetingForm({
  bodies,
  meeting,
  onSaved,
}: {
  readonly bodies: readonly Organization[];
  readonly meeting?: BodyEvent;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [v, setV] = useState<MeetingValues>(() => meetingValues(meeting));
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null);
  const set =
    <K extends keyof MeetingValues>(key: K) =>
    (value: MeetingValues[K]) => {
      setV((x) => ({ ...x, [key]: value }));
    };
  const keepsSource = isSourceKept(meeting?.source);
  const err = (path: string) => errorAt(action.error, path);
  const id = (f: string) => `meeting-${meeting?.id ?? 'new'}-${f}`;
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setOutcome(null);
    void action.run(async () => {
      if (!meeting) {
        await api('POST', '/api/body-events', meetingBody(v, false));
        setV(meetingValues(undefined));
        setOutcome('saved');
        onSaved();
        return;
      }
      const patch = changedFields(
        meetingBody(meetingValues(meeting), keepsSource),
        meetingBody(v, keepsSource),
      );
      if (Object.keys(patch).length === 0) {
        setOutcome('unchanged');
        return;
      }
      await api('PATCH', `/api/body-events/${meeting.id}`, patch);
      setOutcome('saved');
      onSaved();
    });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate data-testid={id('form')}>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <div className="grid grid--2">
        <RecordSelect
          id={id('body')}
          label={t('caucus.activities.body')}
          error={err('body.organization_id')}
          value={v.organization}
          onChange={set('organization')}
          options={bodies}
        />
        <VisibilityControl
          id={id('visibility')}
          value={v.visibility}
          onChange={set('visibility')}
          error={err('body.visibility')}
          choices={ALL_VISIBILITIES}
        />
      </div>
      <TextControl
        id={id('title')}
        label={t('caucus.field.title')}
        error={err('body.title')}
        value={v.title}
        onChange={set('title')}
        maxLength={500}
      />
      <div className="grid grid--2">
        <TextControl
          id={id('start')}
          label={t('caucus.field.start_date')}
          error={err('body.start_date')}
          isOptional
          isDate
          value={v.start}
          onChange={set('start')}
        />
        <TextControl
          id={id('end')}
          label={t('caucus.field.end_date')}
          error={err('body.end_date')}
          isOptional
          isDate
          value={v.end}
          onChange={set('end')}
        />
      </div>
      <TextControl
        id={id('place')}
        label={t('caucus.field.place')}
        error={err('body.place')}
        isOptional
        value={v.place}
        onChange={set('place')}
        maxLength={300}
      />
      <div className="grid grid--2">
        <Field
          id={id('frequency')}
          label={t('caucus.field.cycle')}
          hint={t('caucus.sec.meetings.cycleHint')}
          error={err('body.cycle.frequency') ?? err('body.cycle')}
          isOptional
        >
          {(props) => (
            <select
              {...props}
              value={v.frequency}
              onChange={(e) => {
                set('frequency')(MEETING_FREQUENCIES.find((f) => f === e.target.value) ?? '');
              }}
            >
              <option value="">{t('caucus.none.choice')}</option>
              {MEETING_FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {t('caucus.meetings.frequency', { frequency: f })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextControl
          id={id('cycle-note')}
          label={t('caucus.sec.meetings.cycleNote')}
          error={err('body.cycle.note')}
          isOptional
          value={v.cycleNote}
          onChange={set('cycleNote')}
          maxLength={1000}
        />
      </div>
      <TextControl
        id={id('recurrence')}
        label={t('caucus.field.recurrence')}
        hint={t('caucus.sec.meetings.recurrenceHint')}
        error={err('body.recurrence')}
        isOptional
        value={v.recurrence}
        onChange={set('recurrence')}
        maxLength={200}
      />
      <TextControl
        id={id('description')}
        label={t('caucus.field.description')}
        error={err('body.description')}
        isOptional
        rows={3}
        value={v.description}
        onChange={set('description')}
      />
      {keepsSource ? (
        <p className="muted">{t('caucus.records.reportSource')}</p>
      ) : (
        <SourceControls
          idPrefix={id('src')}
          title={v.sourceTitle}
          url={v.sourceUrl}
          onTitle={set('sourceTitle')}
          onUrl={set('sourceUrl')}
          error={action.error}
        />
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={v.isVerified}
          onChange={(e) => {
            set('isVerified')(e.target.checked);
          }}
        />{' '}
        {t('caucus.sec.meetings.verified')}
      </label>
      <FormActions
        label={meeting ? t('caucus.sec.save') : t('caucus.sec.meetings.create')}
        busy={action.busy}
        outcome={outcome}
      />
    </form>
  );
}

export function MeetingsSection() {
  const { t } = useI18n();
  const [meetings, reload] = useApi<List<BodyEvent>>('/api/body-events?limit=500');
  const [organizations] = useApi<List<Organization>>('/api/organizations?limit=500');
  return (
    <>
      <p>{t('caucus.sec.meetings.lead')}</p>
      <Loading state={organizations}>
        {(orgs) => {
          const bodies = orgs.items.filter((o) => BODY_CLASSES.has(o.classification));
          const names = new Map(orgs.items.map((o) => [o.id, o.name]));
          return (
            <>
              <h2>{t('caucus.sec.meetings.new')}</h2>
              <MeetingForm bodies={bodies} onSaved={reload} />
              <h2>{t('caucus.sec.meetings.existing')}</h2>
              <Loading state={meetings}>
                {(list) => (
                  <ul className="card-list card-list--single" data-testid="meetings">
                    {unpublishedFirst(list.items).map((m) => (
                      <li key={m.id} className="card">
                        <p>
                          <VisibilityTag visibility={m.visibility} />
                          {m.is_verified === false ? (
                            <span className="tag tag--wait">{t('caucus.records.unverified')}</span>
                          ) : null}
                        </p>
                        <h3 className="card__title" lang="en">
                          {m.title}
                        </h3>
                        <p className="muted">
                          <span lang="en">{names.get(m.organization_id) ?? m.organization_id}</span>
                          {' · '}
                          <MeetingWhen meeting={m} />
                        </p>
                        <details>
                          <summary>{t('caucus.activities.editItem', { title: m.title })}</summary>
                          <MeetingForm
                            bodies={withOwn(bodies, m.organization_id, orgs.items)}
                            meeting={m}
                            onSaved={reload}
                          />
                        </details>
                        <PublishButton
                          path={`/api/body-events/${m.id}`}
                          title={m.title}
                          visibility={m.visibility}
                          onDone={reload}
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </Loading>
            </>
          );
        }}
      </Loading>
    </>
  );
}
