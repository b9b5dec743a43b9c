import type { KnowledgeBase } from '@tulay/engine';
import type { I18n } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export interface CountryOption {
  readonly code: string;
  readonly name: string;
  /** Encoded fully (the region), or only as far as an agreement needs it (a partner). */
  readonly isFull: boolean;
}

/** The countries the knowledge base knows, named in the user's language and sorted by name. */
export function countryOptions(kb: KnowledgeBase, i18n: I18n): CountryOption[] {
  const collator = new Intl.Collator(i18n.intl.tag);
  return [...kb.jurisdictions.values()]
    .map((j) => ({
      code: j.country,
      name: i18n.country(j.country, j.raw.name),
      isFull: j.raw.scope === 'full',
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** A country <select>: the region's countries, then (optionally) partner states. */
export function CountrySelect({
  id,
  value,
  options,
  withPartners,
  onChange,
  describedBy,
  isInvalid,
  emptyLabel,
}: {
  readonly id: string;
  readonly value: string;
  readonly options: readonly CountryOption[];
  readonly withPartners: boolean;
  readonly onChange: (code: string) => void;
  readonly describedBy?: string | undefined;
  readonly isInvalid?: boolean;
  readonly emptyLabel?: string;
}) {
  const { t } = useI18n();
  const full = options.filter((o) => o.isFull);
  const partners = options.filter((o) => !o.isFull);
  return (
    <select
      id={id}
      name={id}
      value={value}
      aria-describedby={describedBy}
      aria-invalid={isInvalid || undefined}
      onChange={(e) => {
        onChange(e.target.value);
      }}
    >
      <option value="">{emptyLabel ?? t('select.choose')}</option>
      {withPartners ? (
        <>
          <optgroup label={t('select.region')}>
            {full.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('select.partners')}>
            {partners.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </optgroup>
        </>
      ) : (
        full.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))
      )}
    </select>
  );
}
