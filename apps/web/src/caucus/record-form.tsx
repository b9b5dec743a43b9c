// What the forms that record and change the caucus's records share: a labelled field whose error
// from the API shows under it (matched by the error's exact path, so `body.source.title` is not
// the record's title), the visibility choice, the source's fields, a record's publishing, and the
// save button with what came of it. What a form sends is worked out in record-body.ts.
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { ControlProps } from '../ui/field.tsx';
import { Field as LabelledField } from '../ui/field.tsx';
import type { Visibility } from './api.ts';
import { api } from './api.ts';
import { errorAt } from './record-body.ts';
import { ErrorNotice, useAction } from './ui.tsx';

/** A labelled field whose error from the API shows under its label. */
export function Field({
  error,
  children,
  ...rest
}: {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error: string | undefined;
  readonly isOptional?: boolean;
  readonly children: (props: ControlProps) => ReactNode;
}) {
  return (
    <LabelledField {...rest} errorText={error}>
      {(_describedBy, _isInvalid, control) => children(control)}
    </LabelledField>
  );
}

/** A one-line or multi-line text field of a record form. */
export function TextControl({
  id,
  label,
  hint,
  error,
  isOptional,
  value,
  onChange,
  rows,
  maxLength,
  isDate = false,
}: {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error: string | undefined;
  readonly isOptional?: boolean;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** A text area of this many rows; a one-line input without it. */
  readonly rows?: number;
  readonly maxLength?: number;
  /** A partial date (YYYY, YYYY-MM, YYYY-MM-DD), typed as digits on a phone. */
  readonly isDate?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Field
      id={id}
      label={label}
      hint={hint ?? (isDate ? t('caucus.dateHint') : undefined)}
      error={error}
      isOptional={isOptional ?? false}
    >
      {(props) =>
        rows === undefined ? (
          <input
            {...props}
            value={value}
            maxLength={maxLength}
            inputMode={isDate ? 'numeric' : undefined}
            onChange={(e) => {
              onChange(e.target.value);
            }}
          />
        ) : (
          <textarea
            {...props}
            rows={rows}
            value={value}
            onChange={(e) => {
              onChange(e.target.value);
            }}
          />
        )
      }
    </Field>
  );
}

/** Who may see a record: the secretariat chooses any; a member, the caucus or the secretariat. */
export function VisibilityControl<V extends Visibility>({
  id,
  value,
  onChange,
  error,
  choices,
  hint,
}: {
  readonly id: string;
  readonly value: V;
  readonly onChange: (v: V) => void;
  readonly error: string | undefined;
  readonly choices: readonly V[];
  readonly hint?: string;
}) {
  const { t } = useI18n();
  return (
    <Field id={id} label={t('caucus.field.visibility')} hint={hint} error={error}>
      {(props) => (
        <select
          {...props}
          value={value}
          onChange={(e) => {
            const chosen = choices.find((c) => c === e.target.value);
            if (chosen !== undefined) onChange(chosen);
          }}
        >
          {choices.map((v) => (
            <option key={v} value={v}>
              {t(`caucus.visibility.${v}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A select of records by name, with "None" first. */
export function RecordSelect({
  id,
  label,
  hint,
  error,
  isOptional,
  value,
  onChange,
  options,
}: {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly error: string | undefined;
  readonly isOptional?: boolean;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: readonly { readonly id: string; readonly name: string }[];
}) {
  const { t } = useI18n();
  return (
    <Field id={id} label={label} hint={hint} error={error} isOptional={isOptional ?? false}>
      {(props) => (
        <select
          {...props}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        >
          <option value="">{t('caucus.none.choice')}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The source's title and address, two fields. */
export function SourceControls({
  idPrefix,
  title,
  url,
  onTitle,
  onUrl,
  error,
}: {
  readonly idPrefix: string;
  readonly title: string;
  readonly url: string;
  readonly onTitle: (v: string) => void;
  readonly onUrl: (v: string) => void;
  readonly error: unknown;
}) {
  const { t } = useI18n();
  return (
    <div className="grid grid--2">
      <TextControl
        id={`${idPrefix}-source`}
        label={t('caucus.records.sourceTitle')}
        hint={t('caucus.records.sourceHint')}
        error={errorAt(error, 'body.source.title') ?? errorAt(error, 'body.source.publisher')}
        isOptional
        value={title}
        onChange={onTitle}
        maxLength={500}
      />
      <TextControl
        id={`${idPrefix}-source-url`}
        label={t('caucus.records.sourceUrl')}
        error={errorAt(error, 'body.source.url') ?? errorAt(error, 'body.source')}
        isOptional
        value={url}
        onChange={onUrl}
        maxLength={2000}
      />
    </div>
  );
}

/**
 * Publishing a record the secretariat keeps to the caucus or to itself: a change of its
 * visibility to `public`, as the secretariat's other screens publish.
 */
export function PublishButton({
  path,
  title,
  visibility,
  onDone,
}: {
  readonly path: string;
  readonly title: string;
  readonly visibility: string;
  readonly onDone: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  if (visibility === 'public')
    return <p className="muted">{t('caucus.sec.activities.published')}</p>;
  return (
    <>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <button
        type="button"
        className="button button--primary"
        disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            await api('PATCH', path, { visibility: 'public' });
            onDone();
          })
        }
      >
        {t('caucus.sec.activities.publish', { title })}
      </button>
    </>
  );
}

/** The form's buttons: save, and a line saying it was saved or that nothing changed. */
export function FormActions({
  label,
  busy,
  outcome,
}: {
  readonly label: string;
  readonly busy: boolean;
  readonly outcome: 'saved' | 'unchanged' | null;
}) {
  const { t } = useI18n();
  return (
    <>
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
    </>
  );
}

/** A disclosure whose content is made (and fetches what it needs) only once it is opened. */
export function LazyDetails({
  summary,
  children,
}: {
  readonly summary: string;
  readonly children: () => ReactNode;
}) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <details
      onToggle={(e) => {
        setIsOpen(e.currentTarget.open);
      }}
    >
      <summary>{summary}</summary>
      {isOpen ? children() : null}
    </details>
  );
}
