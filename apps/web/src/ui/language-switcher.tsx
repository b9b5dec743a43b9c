import { useI18n } from '../i18n/i18n.tsx';
import { AVAILABLE_LOCALES, isLocaleCode } from '../i18n/locales.ts';

/** The interface language, each named in itself. */
export function LanguageSwitcher() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="language-switcher">
      <label htmlFor="language">{t('lang.label')}</label>
      <select
        id="language"
        value={locale}
        onChange={(e) => {
          if (isLocaleCode(e.target.value)) setLocale(e.target.value);
        }}
      >
        {AVAILABLE_LOCALES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.autonym}
          </option>
        ))}
      </select>
    </div>
  );
}
