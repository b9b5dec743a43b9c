// What the workshop pages share: a workshop's status, the list of workshops (a programme's, or
// all the viewer may see), a group of checkboxes with its error, and the three ranks of a pick.
import type { ReactNode } from 'react';
import { createContext, useCallback, useContext } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { SelectField } from '../ui/field.tsx';
import type { List, Programme } from './api.ts';
import { ApiError, query } from './api.ts';
import type { Ranks, Workshop, WorkshopPriority, WorkshopStatus } from './workshop-model.ts';
import { withNames } from './workshop-model.ts';
import { Loading, VisibilityTag, errorMessage, fieldLabel, partialDate, useApi } from './ui.tsx';

const Names = createContext<ReadonlyMap<string, string>>(new Map());

/** The names the API's errors on a workshop are read with (workshopNames()). */
export function WorkshopNames({
  names,
  children,
}: {
  readonly names: ReadonlyMap<string, string>;
  readonly children: ReactNode;
}) {
  return <Names.Provider value={names}>{children}</Names.Provider>;
}

/** An API message (or none) with the ids it names replaced by their names. */
export function useNamed(): (message: string | undefined) => string | undefined {
  const names = useContext(Names);
  return useCallback(
    (message: string | undefined) =>
      message === undefined ? undefined : withNames(message, names),
    [names],
  );
}

/**
 * An error from the API in plain words, with every field it names, as ErrorNotice says it, and
 * the ids in its messages given as names (a priority's words, not its UUID).
 */
export function WorkshopErrorNotice({ error }: { readonly error: unknown }) {
  const { t } = useI18n();
  const named = useNamed();
  const fields = error instanceof ApiError ? error.fields : [];
  const reason =
    error instanceof ApiError && error.code === 'forbidden' && error.message !== ''
      ? error.message
      : null;
  return (
    <div className="notice notice--error" role="alert">
      <p>{errorMessage(t, error)}</p>
      {reason ? (
        <p className="notice__detail" lang="en">
          {named(reason)}
        </p>
      ) : null}
      {fields.length > 0 ? (
        <ul>
          {fields.map((f) => (
            <li key={f.path + f.message}>
              <strong>{fieldLabel(t, f.path)}</strong>: <span lang="en">{named(f.message)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A workshop's status as a tag: being prepared, open for picking, closed. */
export function WorkshopStatusTag({ status }: { readonly status: WorkshopStatus }) {
  const { t } = useI18n();
  return (
    <span className={`tag workshop-status--${status}`}>
      {t('caucus.workshop.status', { status })}
    </span>
  );
}

/**
 * The workshops the viewer may see, each a link to its page: a programme's (nothing at all when
 * it has none), or every one with its programme named.
 */
export function WorkshopList({
  programmeId,
  headingLevel = 2,
}: {
  readonly programmeId?: string;
  readonly headingLevel?: 2 | 3;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [workshops] = useApi<List<Workshop>>(
    `/api/workshops${query({ programme_id: programmeId, limit: 500 })}`,
  );
  const [programmes] = useApi<List<Programme>>(
    programmeId === undefined ? '/api/programmes?limit=500' : null,
  );
  const names = new Map(
    programmes.status === 'ready' ? programmes.data.items.map((p) => [p.id, p.name]) : [],
  );
  if (programmeId !== undefined && workshops.status === 'ready' && workshops.data.total === 0)
    return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Item = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <>
      <Heading>{t('caucus.workshops.title')}</Heading>
      <p>{t('caucus.workshops.lead')}</p>
      <Loading state={workshops}>
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('caucus.workshops.none')}</p>
          ) : (
            <ul className="card-list" data-testid="workshop-list">
              {list.items.map((w) => (
                <li key={w.id} className="card">
                  <p>
                    <WorkshopStatusTag status={w.status} />
                    <VisibilityTag visibility={w.visibility} />
                  </p>
                  <Item className="card__title">
                    <Link to={`/caucus/workshops/${w.id}`} lang="en">
                      {w.title}
                    </Link>
                  </Item>
                  <p className="muted">
                    {[
                      programmeId === undefined ? (names.get(w.programme_id) ?? null) : null,
                      partialDate(i18n, w.date),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </>
  );
}

/** A group of checkboxes with a legend, a hint and the API's error, tied to it for screen readers. */
export function CheckboxesField({
  id,
  legend,
  hint,
  errorText,
  options,
  chosen,
  onChange,
}: {
  readonly id: string;
  readonly legend: string;
  readonly hint?: string | undefined;
  readonly errorText: string | undefined;
  readonly options: readonly {
    readonly value: string;
    readonly label: string;
    readonly note?: string | null;
    readonly lang?: string;
  }[];
  readonly chosen: readonly string[];
  readonly onChange: (chosen: string[]) => void;
}) {
  const describedBy =
    [hint ? `${id}-hint` : null, errorText ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <fieldset
      className={`field${errorText ? ' field--invalid' : ''}`}
      id={id}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {errorText ? (
        <p className="field__error" id={`${id}-error`}>
          {errorText}
        </p>
      ) : null}
      <div className="workshop-checkboxes">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(o.value)}
              onChange={(e) => {
                onChange(
                  e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value),
                );
              }}
            />{' '}
            <span lang={o.lang}>{o.label}</span>
            {o.note ? <span className="muted"> {o.note}</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const RANK_LABELS = [
  'caucus.workshop.rank1',
  'caucus.workshop.rank2',
  'caucus.workshop.rank3',
] as const;

/** A priority as a choice: its number in the list and its words. */
export const priorityLabel = (p: WorkshopPriority, i: number): string => `${i + 1}. ${p.text}`;

/** The first, second and third choice of a participant's picks, each a select of the priorities. */
export function RankFields({
  idPrefix,
  priorities,
  ranks,
  onChange,
  errors,
}: {
  readonly idPrefix: string;
  readonly priorities: readonly WorkshopPriority[];
  readonly ranks: Ranks;
  readonly onChange: (ranks: Ranks) => void;
  readonly errors: readonly (string | undefined)[];
}) {
  const { t } = useI18n();
  const options = priorities.map((p, i) => ({ value: p.id, label: priorityLabel(p, i) }));
  return (
    <div className="workshop-ranks">
      {RANK_LABELS.map((label, rank) => (
        <SelectField
          key={label}
          id={`${idPrefix}-rank-${rank + 1}`}
          label={t(label)}
          errorText={errors[rank]}
          isOptional={rank > 0}
          value={ranks[rank] ?? ''}
          onChange={(value) => {
            const next: [string, string, string] = [...ranks];
            next[rank] = value;
            onChange(next);
          }}
          empty={t('caucus.workshop.pick.noChoice')}
          options={options}
        />
      ))}
    </div>
  );
}
