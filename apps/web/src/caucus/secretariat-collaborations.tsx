// The secretariat's screen of the caucus's work with CSOs and trade unions
// (`/api/collaborations`): record one under an area for action, change one, publish one.
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Collaboration, List, Organization, Topic } from './api.ts';
import { api } from './api.ts';
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
  FormActions,
  PublishButton,
  RecordSelect,
  SourceControls,
  TextControl,
  VisibilityControl,
} from './record-form.tsx';
import { ErrorNotice, Loading, VisibilityTag, partialDate, useAction, useApi } from './ui.tsx';

/** The organisations the caucus collaborates with (the API refuses any other, naming the field). */
export const PARTNER_CLASSES = new Set(['cso', 'trade_union']);

function collaborationValues(c: Collaboration | undefined) {
  const source = sourceFields(c?.source);
  return {
    organization: c?.organization_id ?? '',
    topic: c?.topic_id ?? '',
    title: c?.title ?? '',
    description: c?.description ?? '',
    start: c?.start_date ?? '',
    end: c?.end_date ?? '',
    sourceTitle: source.title,
    sourceUrl: source.url,
    visibility: c?.visibility ?? publicRecord,
  };
}

type CollaborationValues = ReturnType<typeof collaborationValues>;

function collaborationBody(v: CollaborationValues, keepsSource: boolean): Body {
  return {
    organization_id: v.organization,
    title: v.title,
    ...filled({
      topic_id: v.topic,
      description: v.description,
      start_date: v.start,
      end_date: v.end,
    }),
    ...(keepsSource ? {} : sourceOf(v.sourceTitle, v.sourceUrl)),
    visibility: v.visibility,
  };
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
  const action = useAction();
  const [v, setV] = useState<CollaborationValues>(() => collaborationValues(collaboration));
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null);
  const set =
    <K extends keyof CollaborationValues>(key: K) =>
    (value: CollaborationValues[K]) => {
      setV((x) => ({ ...x, [key]: value }));
    };
  const keepsSource = isSourceKept(collaboration?.source);
  const err = (path: string) => errorAt(action.error, path);
  const id = (f: string) => `collab-${collaboration?.id ?? 'new'}-${f}`;
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setOutcome(null);
    void action.run(async () => {
      if (!collaboration) {
        await api('POST', '/api/collaborations', collaborationBody(v, false));
        setV(collaborationValues(undefined));
        setOutcome('saved');
        onSaved();
        return;
      }
      const patch = changedFields(
        collaborationBody(collaborationValues(collaboration), keepsSource),
        collaborationBody(v, keepsSource),
      );
      if (Object.keys(patch).length === 0) {
        setOutcome('unchanged');
        return;
      }
      await api('PATCH', `/api/collaborations/${collaboration.id}`, patch);
      setOutcome('saved');
      onSaved();
    });
  };
  return (
    <form className="panel" onSubmit={submit} noValidate>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <div className="grid grid--2">
        <RecordSelect
          id={id('org')}
          label={t('caucus.sec.collaborations.partner')}
          error={err('body.organization_id')}
          value={v.organization}
          onChange={set('organization')}
          options={partners}
        />
        <VisibilityControl
          id={id('visibility')}
          value={v.visibility}
          onChange={set('visibility')}
          error={err('body.visibility')}
          choices={ALL_VISIBILITIES}
        />
      </div>
      <RecordSelect
        id={id('topic')}
        label={t('caucus.field.topic_id')}
        error={err('body.topic_id')}
        isOptional
        value={v.topic}
        onChange={set('topic')}
        options={areas}
      />
      <TextControl
        id={id('title')}
        label={t('caucus.field.title')}
        error={err('body.title')}
        value={v.title}
        onChange={set('title')}
        maxLength={500}
      />
      <TextControl
        id={id('description')}
        label={t('caucus.sec.collaborations.description')}
        error={err('body.description')}
        isOptional
        rows={4}
        value={v.description}
        onChange={set('description')}
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
      <FormActions
        label={collaboration ? t('caucus.sec.save') : t('caucus.sec.collaborations.create')}
        busy={action.busy}
        outcome={outcome}
      />
    </form>
  );
}

export function CollaborationsSection() {
  const i18n = useI18n();
  const { t } = i18n;
  const [collaborations, reload] = useApi<List<Collaboration>>('/api/collaborations?limit=500');
  const [organizations] = useApi<List<Organization>>('/api/organizations?limit=500');
  const [topics] = useApi<List<Topic>>('/api/topics?kind=area_for_action&limit=500');
  return (
    <>
      <p>{t('caucus.sec.collaborations.lead')}</p>
      <Loading state={organizations}>
        {(orgs) => (
          <Loading state={topics}>
            {(areas) => {
              const partners = orgs.items.filter((o) => PARTNER_CLASSES.has(o.classification));
              const names = new Map(orgs.items.map((o) => [o.id, o.name]));
              return (
                <>
                  <h2>{t('caucus.sec.collaborations.new')}</h2>
                  <CollaborationForm partners={partners} areas={areas.items} onSaved={reload} />
                  <h2>{t('caucus.sec.collaborations.existing')}</h2>
                  <Loading state={collaborations}>
                    {(list) => (
                      <ul className="card-list card-list--single" data-testid="collaborations">
                        {unpublishedFirst(list.items).map((c) => (
                          <li key={c.id} className="card">
                            <p>
                              <VisibilityTag visibility={c.visibility} />
                            </p>
                            <h3 className="card__title" lang="en">
                              {c.title}
                            </h3>
                            <p className="muted">
                              <span lang="en">
                                {names.get(c.organization_id) ?? c.organization_id}
                              </span>
                              {c.start_date ? ` · ${partialDate(i18n, c.start_date)}` : ''}
                            </p>
                            <details>
                              <summary>
                                {t('caucus.activities.editItem', { title: c.title })}
                              </summary>
                              <CollaborationForm
                                partners={withOwn(partners, c.organization_id, orgs.items)}
                                areas={areas.items}
                                collaboration={c}
                                onSaved={reload}
                              />
                            </details>
                            <PublishButton
                              path={`/api/collaborations/${c.id}`}
                              title={c.title}
                              visibility={c.visibility}
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
        )}
      </Loading>
    </>
  );
}
