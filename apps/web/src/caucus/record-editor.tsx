// The one form that records a caucus record and changes one: its fields described as data (or
// given as elements where a record needs more), one state, one submit, and the API's errors shown
// under the field they name. A field `x` shows the error at `body.x` or under it (`body.x.0.name`),
// matched by the path from its start (record-body.ts `errorAt`), so `body.source.title` is not
// the record's title. Creating POSTs the whole record; changing PATCHes only the fields that
// differ from the record as it is now, and says "nothing was changed" without asking the server
// when none do. What each record sends is its own (`body`), worked out in record-body.ts's way.
import type { ReactElement, SyntheticEvent } from 'react';
import { Fragment, isValidElement, useState } from 'react';
import type { I18n } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { SelectField, TextAreaField, TextField } from '../ui/field.tsx';
import type { Visibility } from './api.ts';
import { api } from './api.ts';
import type { Body } from './record-body.ts';
import { changedFields, errorAt } from './record-body.ts';
import { ErrorNotice, PartialDateField, useAction } from './ui.tsx';

/** A form's values: text, a choice, a box ticked, countries ticked. */
export type Values = Readonly<Record<string, string | boolean | readonly string[]>>;

/** The keys of `V` whose values are of type `T`. */
type KeyOf<V, T> = { [K in keyof V]-?: V[K] extends T ? K : never }[keyof V] & string;

export interface Option<T extends string = string> {
  readonly value: T;
  readonly label: string;
}

/** What every field has: its label and hint, and where its id and error come from. */
interface Labelled {
  readonly label: string;
  readonly hint?: string | undefined;
  readonly isOptional?: boolean;
  /** The end of the control's id (`<prefix>-<id>`); the field's key when not given. */
  readonly id?: string;
  /** Where the API names the field, the first that has an error; `body.<key>` when not given. */
  readonly errors?: readonly string[];
}

/** A text field: one line, a text area of `rows` rows, or a partial date typed as digits. */
export interface TextSpec<V> extends Labelled {
  readonly key: KeyOf<V, string>;
  readonly maxLength?: number;
  readonly rows?: number;
  /** A partial date (YYYY, YYYY-MM, YYYY-MM-DD): the date hint, and digits on a phone. */
  readonly isDate?: boolean;
}

/**
 * A choice among `options`, after a first choice of none (`empty`, whose value is "") where the
 * value may be empty; `also` sets other values with it (a country chosen clears the parliament).
 */
export type ChoiceSpec<V> = {
  [K in KeyOf<V, string>]: Labelled & {
    readonly key: K;
    readonly options: readonly Option<V[K] & string>[];
    readonly empty?: '' extends V[K] ? string : never;
    readonly also?: Partial<V>;
  };
}[KeyOf<V, string>];

export type FieldSpec<V> = TextSpec<V> | ChoiceSpec<V>;

/** A field, an element of the form's own (shown as it is), or nothing (a field left out). */
export type Entry<V> = FieldSpec<V> | ReactElement | null;

/**
 * What the form shows, in order: an entry, a row of entries side by side on a wide screen, or a
 * group of them under a legend.
 */
export type Layout<V> = readonly (
  Entry<V> | readonly Entry<V>[] | { readonly legend: string; readonly row: readonly Entry<V>[] }
)[];

/** The form's state, for the fields and elements it is given. */
export interface Editor<V> {
  readonly values: V;
  /** Sets these values, the others kept. */
  readonly set: (values: Partial<V>) => void;
  /** The API's error at the first of `paths` that has one. */
  readonly error: (...paths: string[]) => string | undefined;
  /** A control's id: the form's prefix and `field`. */
  readonly id: (field: string) => string;
}

/** Where a record goes: created (POST), or changed (PATCH of what differs). */
export type Send<V> =
  | {
      readonly create: string;
      /** The values kept for the next record once one is created; the rest start again. */
      readonly keeps?: readonly (keyof V)[];
    }
  | { readonly change: string };

/** Records a caucus record (`send.create`) or changes one (`send.change`): one form for both. */
export function RecordEditor<V extends Values>({
  idPrefix,
  values,
  body,
  send,
  onSaved,
  heading,
  submitLabel,
  fields,
}: {
  /** Every control's id starts with it (`bill-42-title`); the form is `<prefix>-form`. */
  readonly idPrefix: string;
  /** A new record's values, or those of the record being changed as it is now. */
  readonly values: V;
  /** What the API takes for these values. */
  readonly body: (values: V) => Body;
  readonly send: Send<V>;
  /** Once the record is created or changed, with the values the form sent it from. */
  readonly onSaved: (saved: V) => void;
  /** A heading naming the form (a form of its own, not under a disclosure that names it). */
  readonly heading?: string;
  readonly submitLabel: string;
  readonly fields: (editor: Editor<V>) => Layout<V>;
}) {
  const action = useAction();
  const [current, setCurrent] = useState<V>(values);
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null);
  const editor: Editor<V> = {
    values: current,
    set: (changed) => {
      setCurrent((x) => ({ ...x, ...changed }));
    },
    error: (...paths) =>
      paths.reduce<string | undefined>((found, p) => found ?? errorAt(action.error, p), undefined),
    id: (field) => `${idPrefix}-${field}`,
  };
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setOutcome(null);
    void action.run(async () => {
      if ('create' in send) {
        await api('POST', send.create, body(current));
        const keeps = send.keeps ?? [];
        setCurrent((x) => ({ ...values, ...Object.fromEntries(keeps.map((k) => [k, x[k]])) }));
        setOutcome('saved');
        onSaved(current);
        return;
      }
      // Compared with the record as it is now, so a second save sends only what changed since.
      const patch = changedFields(body(values), body(current));
      if (Object.keys(patch).length === 0) {
        setOutcome('unchanged');
        return;
      }
      await api('PATCH', send.change, patch);
      setOutcome('saved');
      onSaved(current);
    });
  };
  const headingId = editor.id('form-title');
  return (
    <form
      className="panel"
      onSubmit={submit}
      noValidate
      aria-labelledby={heading === undefined ? undefined : headingId}
      data-testid={editor.id('form')}
    >
      {heading === undefined ? null : <h3 id={headingId}>{heading}</h3>}
      {action.error ? <ErrorNotice error={action.error} /> : null}
      {fields(editor).map((item, i) => {
        if (isEntryList(item))
          return (
            <div key={i} className="grid grid--2">
              <Entries entries={item} editor={editor} />
            </div>
          );
        if (item !== null && !isValidElement(item) && 'legend' in item)
          return (
            <fieldset key={i} className="field">
              <legend>{item.legend}</legend>
              <div className="grid grid--2">
                <Entries entries={item.row} editor={editor} />
              </div>
            </fieldset>
          );
        return <Entries key={i} entries={[item]} editor={editor} />;
      })}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {submitLabel}
        </button>
      </div>
      {outcome ? <Outcome outcome={outcome} /> : null}
    </form>
  );
}

const isEntryList = <V,>(item: Layout<V>[number]): item is readonly Entry<V>[] =>
  Array.isArray(item);

function Entries<V extends Values>({
  entries,
  editor,
}: {
  readonly entries: readonly Entry<V>[];
  readonly editor: Editor<V>;
}) {
  return (
    <>
      {entries.map((entry, i) =>
        entry === null ? null : isValidElement(entry) ? (
          <Fragment key={i}>{entry}</Fragment>
        ) : (
          <EditorField key={entry.key} spec={entry} editor={editor} />
        ),
      )}
    </>
  );
}

/** One field of the form, bound to its value and to the API's error at its path. */
function EditorField<V extends Values>({
  spec,
  editor,
}: {
  readonly spec: FieldSpec<V>;
  readonly editor: Editor<V>;
}) {
  const value = editor.values[spec.key];
  const text = typeof value === 'string' ? value : '';
  const props = {
    id: editor.id(spec.id ?? spec.key),
    label: spec.label,
    hint: spec.hint,
    errorText: editor.error(...(spec.errors ?? [`body.${spec.key}`])),
    isOptional: spec.isOptional ?? false,
    value: text,
  };
  // The field's key is one of V's whose value is text (a choice's, one of its options).
  const set = (next: string, also?: Partial<V>) => {
    editor.set({ [spec.key]: next, ...also } as Partial<V>);
  };
  if ('options' in spec)
    return (
      <SelectField<string>
        {...props}
        options={spec.options}
        empty={spec.empty}
        onChange={(chosen) => {
          // Only a value offered is taken, or none where the field offers none.
          const isOffered =
            chosen === '' ? spec.empty !== undefined : spec.options.some((o) => o.value === chosen);
          if (isOffered) set(chosen, spec.also);
        }}
      />
    );
  if (spec.isDate) return <PartialDateField {...props} onChange={set} />;
  if (spec.rows !== undefined) return <TextAreaField {...props} rows={spec.rows} onChange={set} />;
  return <TextField {...props} maxLength={spec.maxLength} onChange={set} />;
}

/** What came of the last save: saved, or nothing to save. */
function Outcome({ outcome }: { readonly outcome: 'saved' | 'unchanged' }) {
  const { t } = useI18n();
  return (
    <p className="notice" role="status">
      {outcome === 'saved' ? t('caucus.sec.saved') : t('caucus.records.unchanged')}
    </p>
  );
}

/** The choices of who may see a record, in words. */
export function visibilities<V extends Visibility>(
  t: I18n['t'],
  choices: readonly V[],
): Option<V>[] {
  return choices.map((v) => ({ value: v, label: t(`caucus.visibility.${v}`) }));
}

/** Who may see the record: a field of any form whose values have `visibility`. */
export function visibilityField<C extends Visibility>(
  t: I18n['t'],
  choices: readonly C[],
  hint?: string,
) {
  return {
    key: 'visibility',
    label: t('caucus.field.visibility'),
    hint,
    options: visibilities(t, choices),
  } as const;
}

/** Records as choices, by name. */
export const named = (records: readonly { readonly id: string; readonly name: string }[]) =>
  records.map((r) => ({ value: r.id, label: r.name }));

/** When it began and ended, side by side: fields of any form whose values have the two dates. */
export function dateFields(t: I18n['t']) {
  return [
    {
      key: 'start_date',
      id: 'start',
      label: t('caucus.field.start_date'),
      isOptional: true,
      isDate: true,
    },
    {
      key: 'end_date',
      id: 'end',
      label: t('caucus.field.end_date'),
      isOptional: true,
      isDate: true,
    },
  ] as const;
}

/** A field of a record's source, for any form whose values have `sourceTitle` and `sourceUrl`. */
interface SourceSpec extends Labelled {
  readonly key: 'sourceTitle' | 'sourceUrl';
  readonly maxLength: number;
}

/**
 * A record's source as the form shows it: its title and address side by side (fields of any form
 * whose values have them), or why it is left as it is.
 */
export function sourceFields(t: I18n['t'], isKept: boolean): ReactElement | readonly SourceSpec[] {
  if (isKept) return <p className="muted">{t('caucus.records.reportSource')}</p>;
  return [
    {
      key: 'sourceTitle',
      id: 'src-source',
      label: t('caucus.records.sourceTitle'),
      hint: t('caucus.records.sourceHint'),
      errors: ['body.source.title', 'body.source.publisher'],
      isOptional: true,
      maxLength: 500,
    },
    {
      key: 'sourceUrl',
      id: 'src-source-url',
      label: t('caucus.records.sourceUrl'),
      errors: ['body.source.url', 'body.source'],
      isOptional: true,
      maxLength: 2000,
    },
  ];
}
