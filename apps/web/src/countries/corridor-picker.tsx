import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { useRouter } from '../router.tsx';
import { countryOptions, CountrySelect } from '../ui/country-select.tsx';
import { Field } from '../ui/field.tsx';

/** Choose an origin and a destination, and open their corridor. */
export function CorridorPicker({ knowledge }: { readonly knowledge: Knowledge }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { navigate, location } = useRouter();
  const options = useMemo(() => countryOptions(knowledge.kb, i18n), [knowledge, i18n]);
  const [origin, setOrigin] = useState('KH');
  const [destination, setDestination] = useState('TH');
  return (
    <form
      className="corridor-picker"
      onSubmit={(e) => {
        e.preventDefault();
        if (origin && destination && origin !== destination)
          navigate(
            `/corridors/${origin.toLowerCase()}/${destination.toLowerCase()}${location.search}`,
          );
      }}
    >
      <Field id="origin" label={t('corridor.origin')}>
        {() => (
          <CountrySelect
            id="origin"
            value={origin}
            options={options}
            withPartners={false}
            onChange={setOrigin}
          />
        )}
      </Field>
      <Field id="destination" label={t('corridor.destination')}>
        {() => (
          <CountrySelect
            id="destination"
            value={destination}
            options={options}
            withPartners={false}
            onChange={setDestination}
          />
        )}
      </Field>
      <button type="submit" className="button button--primary">
        {t('corridor.open')}
      </button>
    </form>
  );
}
