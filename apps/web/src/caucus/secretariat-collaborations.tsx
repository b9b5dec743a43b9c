// The secretariat's screen of the caucus's work with CSOs and trade unions
// (`/api/collaborations`): record one under an area for action, change one, publish one.
import { useI18n } from '../i18n/i18n.tsx';
import { CollaborationHeading } from './activity-records.tsx';
import type { Collaboration, List, Organization, Topic } from './api.ts';
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
import { both, useApi } from './ui.tsx';

/** The organisations the caucus collaborates with (the API refuses any other, naming the field). */
export const PARTNER_CLASSES = new Set(['cso', 'trade_union']);

const partnersIn = (orgs: List<Organization>) =>
  orgs.items.filter((o) => PARTNER_CLASSES.has(o.classification));

function collaborationValues(c: Collaboration | undefined) {
  return { ...activityValues(c), topic_id: c?.topic_id ?? '' };
}

function collaborationBody(v: ReturnType<typeof collaborationValues>, keepsSource: boolean): Body {
  return { ...activityBody(v, keepsSource), ...filled({ topic_id: v.topic_id }) };
}

function CollaborationForm({
  partners,
  areas,
  collaboration,
  onSaved,
}: {
  readonly partners: readonly Organization[];
  readonly areas: readonly Topic[];
  readonly collaboration?: Collaboration;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const keepsSource = isSourceKept(collaboration?.source);
  return (
    <RecordEditor
      idPrefix={`collab-${collaboration?.id ?? 'new'}`}
      values={collaborationValues(collaboration)}
      body={(v) => collaborationBody(v, keepsSource)}
      send={
        collaboration
          ? { change: `/api/collaborations/${collaboration.id}` }
          : { create: '/api/collaborations' }
      }
      onSaved={onSaved}
      submitLabel={collaboration ? t('caucus.sec.save') : t('caucus.sec.collaborations.create')}
      fields={() => [
        [
          {
            key: 'organization_id',
            id: 'org',
            label: t('caucus.sec.collaborations.partner'),
            options: named(partners),
            empty: t('caucus.none.choice'),
          },
          visibilityField(t, ALL_VISIBILITIES),
        ],
        {
          key: 'topic_id',
          id: 'topic',
          label: t('caucus.field.topic_id'),
          isOptional: true,
          options: named(areas),
          empty: t('caucus.none.choice'),
        },
        { key: 'title', label: t('caucus.field.title'), maxLength: 500 },
        {
          key: 'description',
          label: t('caucus.sec.collaborations.description'),
          isOptional: true,
          rows: 4,
        },
        dateFields(t),
        sourceFields(t, keepsSource),
      ]}
    />
  );
}

export function CollaborationsSection() {
  const { t } = useI18n();
  const [collaborations, reload] = useApi<List<Collaboration>>('/api/collaborations?limit=500');
  const [organizations] = useApi<List<Organization>>('/api/organizations?limit=500');
  const [topics] = useApi<List<Topic>>('/api/topics?kind=area_for_action&limit=500');
  return (
    <SecretariatRecords
      lead={t('caucus.sec.collaborations.lead')}
      needs={both(organizations, topics)}
      newHeading={t('caucus.sec.collaborations.new')}
      existingHeading={t('caucus.sec.collaborations.existing')}
      records={collaborations}
      testId="collaborations"
      create={([orgs, areas]) => (
        <CollaborationForm partners={partnersIn(orgs)} areas={areas.items} onSaved={reload} />
      )}
      card={(c, [orgs, areas]) => (
        <RecordCard
          name={c.title}
          heading={
            <CollaborationHeading
              collaboration={c}
              partner={
                orgs.items.find((o) => o.id === c.organization_id)?.name ?? c.organization_id
              }
              area={areas.items.find((a) => a.id === c.topic_id)?.name ?? null}
            />
          }
          edit={
            <CollaborationForm
              partners={withOwn(partnersIn(orgs), c.organization_id, orgs.items)}
              areas={areas.items}
              collaboration={c}
              onSaved={reload}
            />
          }
          path={`/api/collaborations/${c.id}`}
          visibility={c.visibility}
          onChanged={reload}
        />
      )}
    />
  );
}
