// Submitting a document (multipart: the file and its metadata as JSON), and resubmitting one the
// secretariat returned (the file is then optional). The shared contract of POST /api/documents.
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { I18n } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { CaucusDocument, DocumentMetadata, DocumentType, Visibility } from './api.ts';
import { DOCUMENT_TYPES, api } from './api.ts';
import { ErrorNotice, fieldError, useAction } from './ui.tsx';

/** The countries of the caucus's corridors, offered as checkboxes (ISO 3166-1 alpha-2). */
export const CAUCUS_COUNTRIES = [
  'BD',
  'BN',
  'KH',
  'CN',
  'HK',
  'IN',
  'ID',
  'JP',
  'KR',
  'LA',
  'MY',
  'MM',
  'NP',
  'PK',
  'PH',
  'SG',
  'LK',
  'TW',
  'TH',
  'TL',
  'VN',
  'AE',
  'BH',
  'KW',
  'OM',
  'QA',
  'SA',
] as const;

/** The caucus's countries, by their names in the user's language. */
export function sortedCountries(i18n: I18n): string[] {
  return [...CAUCUS_COUNTRIES].sort((a, b) =>
    i18n.country(a).localeCompare(i18n.country(b), i18n.intl.tag),
  );
}

/** The languages a document is most likely in (BCP 47); any other can be typed. */
export const DOCUMENT_LANGUAGES = [
  'en',
  'th',
  'km',
  'id',
  'fil',
  'vi',
  'lo',
  'my',
  'ms',
  'ne',
  'hi',
  'zh',
] as const;

export function DocumentForm({
  resubmit,
  onDone,
}: {
  /** A returned document to send again (its metadata prefilled; the file optional). */
  readonly resubmit?: CaucusDocument;
  readonly onDone: (doc: CaucusDocument) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const action = useAction();
  const prefix = resubmit ? `resubmit-${resubmit.id}` : 'submit';
  const [title, setTitle] = useState(resubmit?.title ?? '');
  const [type, setType] = useState<DocumentType>(resubmit?.type ?? 'report');
  const [language, setLanguage] = useState(resubmit?.language ?? 'en');
  const [countries, setCountries] = useState<string[]>(resubmit?.countries ?? []);
  const [origin, setOrigin] = useState(resubmit?.corridor?.origin ?? '');
  const [destination, setDestination] = useState(resubmit?.corridor?.destination ?? '');
  const [date, setDate] = useState(resubmit?.date ?? '');
  const [source, setSource] = useState(resubmit?.source ?? '');
  const [visibility, setVisibility] = useState<Visibility>(resubmit?.visibility ?? 'public');
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (!resubmit && !file) {
      setMissingFile(true);
      return;
    }
    setMissingFile(false);
    const metadata: DocumentMetadata = {
      title,
      language,
      countries,
      type,
      date,
      visibility,
      ...(origin && destination ? { corridor: { origin, destination } } : {}),
      ...(source ? { source } : {}),
      ...(resubmit?.programme_id ? { programme_id: resubmit.programme_id } : {}),
    };
    const form = new FormData();
    form.append('metadata', JSON.stringify(metadata));
    if (file) form.append('file', file);
    void action.run(async () => {
      const doc = await api<CaucusDocument>(
        'POST',
        resubmit ? `/api/documents/${resubmit.id}/resubmit` : '/api/documents',
        form,
      );
      onDone(doc);
    });
  };

  const err = (f: string) => fieldError(action.error, f);
  const id = (f: string) => `${prefix}-${f}`;
  const invalid = (f: string) => (err(f) ? ' field--invalid' : '');
  const errorLine = (f: string) =>
    err(f) ? (
      <p className="field__error" id={id(`${f}-error`)}>
        {err(f)}
      </p>
    ) : null;

  return (
    <form className="panel document-form" onSubmit={submit} noValidate>
      {action.error ? <ErrorNotice error={action.error} /> : null}
      <div className={`field${invalid('file')}${missingFile ? ' field--invalid' : ''}`}>
        <label htmlFor={id('file')}>
          {t('caucus.field.file')}
          {resubmit ? <span className="field__optional"> {t('form.optional')}</span> : null}
        </label>
        <p className="field__hint">
          {resubmit ? t('caucus.submit.fileKeep') : t('caucus.submit.fileHint')}
        </p>
        {missingFile ? <p className="field__error">{t('caucus.submit.fileMissing')}</p> : null}
        {errorLine('file')}
        <input
          id={id('file')}
          type="file"
          accept=".pdf,.docx,.txt,.md,application/pdf"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
          }}
        />
      </div>
      <div className={`field${invalid('title')}`}>
        <label htmlFor={id('title')}>{t('caucus.field.title')}</label>
        {errorLine('title')}
        <input
          id={id('title')}
          value={title}
          maxLength={500}
          aria-invalid={err('title') ? true : undefined}
          onChange={(e) => {
            setTitle(e.target.value);
          }}
        />
      </div>
      <div className="grid grid--2">
        <div className={`field${invalid('type')}`}>
          <label htmlFor={id('type')}>{t('caucus.field.type')}</label>
          {errorLine('type')}
          <select
            id={id('type')}
            value={type}
            onChange={(e) => {
              setType(e.target.value as DocumentType);
            }}
          >
            {DOCUMENT_TYPES.map((x) => (
              <option key={x} value={x}>
                {t('caucus.documents.type', { type: x })}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${invalid('language')}`}>
          <label htmlFor={id('language')}>{t('caucus.field.language')}</label>
          {errorLine('language')}
          <select
            id={id('language')}
            value={language}
            onChange={(e) => {
              setLanguage(e.target.value);
            }}
          >
            {DOCUMENT_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {i18n.language(l)}
              </option>
            ))}
          </select>
        </div>
        <div className={`field${invalid('date')}`}>
          <label htmlFor={id('date')}>{t('caucus.field.date')}</label>
          <p className="field__hint" id={id('date-hint')}>
            {t('caucus.dateHint')}
          </p>
          {errorLine('date')}
          <input
            id={id('date')}
            value={date}
            inputMode="numeric"
            aria-describedby={id('date-hint')}
            aria-invalid={err('date') ? true : undefined}
            onChange={(e) => {
              setDate(e.target.value);
            }}
          />
        </div>
        <div className={`field${invalid('visibility')}`}>
          <label htmlFor={id('visibility')}>{t('caucus.field.visibility')}</label>
          {errorLine('visibility')}
          <select
            id={id('visibility')}
            value={visibility}
            onChange={(e) => {
              setVisibility(e.target.value as Visibility);
            }}
          >
            <option value="public">{t('caucus.visibility.public')}</option>
            <option value="caucus">{t('caucus.visibility.caucus')}</option>
            <option value="secretariat">{t('caucus.visibility.secretariat')}</option>
          </select>
        </div>
      </div>
      <fieldset className={`field${invalid('countries')}`}>
        <legend>{t('caucus.field.countries')}</legend>
        {errorLine('countries')}
        <div className="checkbox-grid">
          {sortedCountries(i18n).map((c) => (
            <label key={c} className="checkbox">
              <input
                type="checkbox"
                checked={countries.includes(c)}
                onChange={(e) => {
                  setCountries((xs) => (e.target.checked ? [...xs, c] : xs.filter((x) => x !== c)));
                }}
              />{' '}
              {i18n.country(c)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className={`field${invalid('corridor')}`}>
        <legend>
          {t('caucus.field.corridor')} <span className="field__optional">{t('form.optional')}</span>
        </legend>
        {errorLine('corridor')}
        <div className="grid grid--2">
          {(
            [
              ['origin', origin, setOrigin],
              ['destination', destination, setDestination],
            ] as const
          ).map(([name, value, setValue]) => (
            <div className="field" key={name}>
              <label htmlFor={id(name)}>
                {t(name === 'origin' ? 'caucus.field.origin' : 'caucus.field.destination')}
              </label>
              <select
                id={id(name)}
                value={value}
                onChange={(e) => {
                  setValue(e.target.value);
                }}
              >
                <option value="">{t('caucus.none.choice')}</option>
                {sortedCountries(i18n).map((c) => (
                  <option key={c} value={c}>
                    {i18n.country(c)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      </fieldset>
      <div className={`field${invalid('source')}`}>
        <label htmlFor={id('source')}>
          {t('caucus.field.source')} <span className="field__optional">{t('form.optional')}</span>
        </label>
        <p className="field__hint">{t('caucus.submit.sourceHint')}</p>
        {errorLine('source')}
        <input
          id={id('source')}
          value={source}
          onChange={(e) => {
            setSource(e.target.value);
          }}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {resubmit ? t('caucus.submit.resubmit') : t('caucus.submit.submit')}
        </button>
      </div>
    </form>
  );
}
