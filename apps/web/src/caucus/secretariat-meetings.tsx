// The secretariat's screen of the bodies' meetings (`/api/body-events`): record one, change one,
// publish one kept to the caucus or the secretariat. A meeting whose dates vary (an assembly hosted
// in turn) has a cycle; one whose dates repeat exactly, a recurrence rule (docs/api.md).
import { useI18n } from '../i18n/i18n.tsx';
import { MeetingHeading } from './activity-records.tsx';
import type { BodyEvent, List, MeetingFrequency, Organization } from './api.ts';
import { MEETING_FREQUENCIES } from './api.ts';
import type { Body } from './record-body.ts';
import {
  ALL_VISIBILITIES,
  activityBody,
  activityValues,
  filled,
  isSourceKept,
  withOwn,
} from './record-body.ts';
import {
  RecordEditor,
  dateFields,
  named,
  sourceFields,
  visibilityField,
} from './record-editor.tsx';
import { RecordCard, SecretariatRecords } from './secretariat-records.tsx';
import { useApi } from './ui.tsx';

/** The bodies the caucus engages: regional and international ones (docs/seed-data.md). */
export const BODY_CLASSES = new Set(['regional_body', 'international_body']);

const noFrequency: MeetingFrequency | '' = '';

const bodiesIn = (orgs: List<Organization>) =>
  orgs.items.filter((o) => BODY_CLASSES.has(o.classification));

function meetingValues(m: BodyEvent | undefined) {
  return {
    ...activityValues(m),
    place: m?.place ?? '',
    frequency: m?.cycle?.frequency ?? noFrequency,
    cycleNote: m?.cycle?.note ?? '',
    recurrence: m?.recurrence ?? '',
    is_verified: m?.is_verified ?? false,
  };
}

function meetingBody(v: ReturnType<typeof meetingValues>, keepsSource: boolean): Body {
  return {
    ...activityBody(v, keepsSource),
    ...filled({ place: v.place, recurrence: v.recurrence }),
    ...(v.frequency !== ''
      ? { cycle: { frequency: v.frequency, ...filled({ note: v.cycleNote }) } }
      : {}),
    is_verified: v.is_verified,
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
  const keepsSource = isSourceKept(meeting?.source);
  return (
    <RecordEditor
      idPrefix={`meeting-${meeting?.id ?? 'new'}`}
      values={meetingValues(meeting)}
      body={(v) => meetingBody(v, keepsSource)}
      send={meeting ? { change: `/api/body-events/${meeting.id}` } : { create: '/api/body-events' }}
      onSaved={onSaved}
      submitLabel={meeting ? t('caucus.sec.save') : t('caucus.sec.meetings.create')}
      fields={({ values, set }) => [
        [
          {
            key: 'organization_id',
            id: 'body',
            label: t('caucus.activities.body'),
            options: named(bodies),
            empty: t('caucus.none.choice'),
          },
          visibilityField(t, ALL_VISIBILITIES),
        ],
        { key: 'title', label: t('caucus.field.title'), maxLength: 500 },
        dateFields(t),
        { key: 'place', label: t('caucus.field.place'), isOptional: true, maxLength: 300 },
        [
          {
            key: 'frequency',
            label: t('caucus.field.cycle'),
            hint: t('caucus.sec.meetings.cycleHint'),
            errors: ['body.cycle.frequency', 'body.cycle'],
            isOptional: true,
            options: MEETING_FREQUENCIES.map((f) => ({
              value: f,
              label: t('caucus.meetings.frequency', { frequency: f }),
            })),
            empty: t('caucus.none.choice'),
          },
          {
            key: 'cycleNote',
            id: 'cycle-note',
            label: t('caucus.sec.meetings.cycleNote'),
            errors: ['body.cycle.note'],
            isOptional: true,
            maxLength: 1000,
          },
        ],
        {
          key: 'recurrence',
          label: t('caucus.field.recurrence'),
          hint: t('caucus.sec.meetings.recurrenceHint'),
          isOptional: true,
          maxLength: 200,
        },
        { key: 'description', label: t('caucus.field.description'), isOptional: true, rows: 3 },
        sourceFields(t, keepsSource),
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.is_verified}
            onChange={(e) => {
              set({ is_verified: e.target.checked });
            }}
          />{' '}
          {t('caucus.sec.meetings.verified')}
        </label>,
      ]}
    />
  );
}

export function MeetingsSection() {
  const { t } = useI18n();
  const [meetings, reload] = useApi<List<BodyEvent>>('/api/body-events?limit=500');
  const [organizations] = useApi<List<Organization>>('/api/organizations?limit=500');
  return (
    <SecretariatRecords
      lead={t('caucus.sec.meetings.lead')}
      needs={organizations}
      newHeading={t('caucus.sec.meetings.new')}
      existingHeading={t('caucus.sec.meetings.existing')}
      records={meetings}
      testId="meetings"
      create={(orgs) => <MeetingForm bodies={bodiesIn(orgs)} onSaved={reload} />}
      card={(m, orgs) => (
        <RecordCard
          name={m.title}
          heading={
            <MeetingHeading
              meeting={m}
              body={orgs.items.find((o) => o.id === m.organization_id)?.name ?? m.organization_id}
            />
          }
          edit={
            <MeetingForm
              bodies={withOwn(bodiesIn(orgs), m.organization_id, orgs.items)}
              meeting={m}
              onSaved={reload}
            />
          }
          path={`/api/body-events/${m.id}`}
          visibility={m.visibility}
          onChanged={reload}
        />
      )}
    />
  );
}
