import type {
  ChangeEvent,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import type { MessageKey } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** The attributes that tie a control to its label, hint and error. */
export interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

/**
 * A labelled form control with its hint and error, wired for screen readers. The error is a
 * message key (the checker's own checks) or a text already worded (an error the API gave).
 */
export function Field({
  id,
  label,
  hint,
  error,
  errorText,
  isOptional = false,
  children,
}: {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: MessageKey | undefined;
  readonly errorText?: string | undefined;
  readonly isOptional?: boolean;
  readonly children: (
    describedBy: string | undefined,
    isInvalid: boolean,
    control: ControlProps,
  ) => ReactNode;
}) {
  const { t } = useI18n();
  const message = error !== undefined ? t(error) : errorText;
  const describedBy =
    [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={`field${message ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {isOptional ? <span className="field__optional"> {t('form.optional')}</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {message ? (
        <p className="field__error" id={`${id}-error`}>
          {message}
        </p>
      ) : null}
      {children(describedBy, message !== undefined && message !== '', {
        id,
        'aria-invalid': message ? true : undefined,
        'aria-describedby': describedBy,
      })}
    </div>
  );
}

/** What a labelled field takes besides its control: as Field. */
interface LabelProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: MessageKey | undefined;
  readonly errorText?: string | undefined;
  readonly isOptional?: boolean;
}

/** The attributes a field sets on its control itself. */
type Controlled = 'id' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby';

/** A text field's props: Field's, its value, and the rest of its control's attributes. */
type TextProps<Attributes> = LabelProps & {
  readonly value: string;
  readonly onChange: (value: string) => void;
} & Omit<Attributes, Controlled>;

/** Field's own props, and the rest (for the control). */
function split<P extends LabelProps>({
  id,
  label,
  hint,
  error,
  errorText,
  isOptional,
  ...rest
}: P) {
  return { field: { id, label, hint, error, errorText, isOptional }, rest };
}

/** A text control's value, and its change handler passing on the text. */
const text = (value: string, onChange: (value: string) => void) => ({
  value,
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    onChange(e.target.value);
  },
});

/** A labelled one-line input; other input attributes (maxLength, type, inputMode) pass through. */
export function TextField({
  value,
  onChange,
  ...props
}: TextProps<InputHTMLAttributes<HTMLInputElement>>) {
  const { field, rest } = split(props);
  return (
    <Field {...field}>
      {(_d, _i, control) => <input {...rest} {...control} {...text(value, onChange)} />}
    </Field>
  );
}

/** A labelled text area; other attributes (rows, maxLength) pass through. */
export function TextAreaField({
  value,
  onChange,
  ...props
}: TextProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const { field, rest } = split(props);
  return (
    <Field {...field}>
      {(_d, _i, control) => <textarea {...rest} {...control} {...text(value, onChange)} />}
    </Field>
  );
}

/**
 * A labelled select of `options` (value and label), after an optional first `empty` choice whose
 * value is "" (offered only when the value's type admits "").
 */
export function SelectField<V extends string>({
  value,
  onChange,
  options,
  empty,
  ...props
}: LabelProps & {
  readonly value: V;
  readonly onChange: (value: V) => void;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly empty?: '' extends V ? string : never;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, Controlled>) {
  const { field, rest } = split(props);
  return (
    <Field {...field}>
      {(_describedBy, _isInvalid, control) => (
        <select
          {...rest}
          {...control}
          value={value}
          onChange={(e) => {
            onChange(e.target.value as V);
          }}
        >
          {empty !== undefined ? <option value="">{empty}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A group of radio buttons with a legend. */
export function RadioGroup<V extends string>({
  name,
  legend,
  hint,
  error,
  value,
  options,
  onChange,
  className,
}: {
  readonly name: string;
  readonly legend: string;
  readonly hint?: string;
  readonly error?: MessageKey | undefined;
  readonly value: V;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly onChange: (value: V) => void;
  readonly className?: string;
}) {
  const { t } = useI18n();
  const describedBy =
    [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <fieldset
      className={`field radio-group${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={describedBy}
      id={name}
      tabIndex={-1}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${name}-error`}>
          {t(error)}
        </p>
      ) : null}
      <div className="radio-group__options">
        {options.map((o) => (
          <label key={o.value} className="radio">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => {
                onChange(o.value);
              }}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
