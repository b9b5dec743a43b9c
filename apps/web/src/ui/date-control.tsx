import { useI18n } from '../i18n/i18n.tsx';
import { REPORT_DATE, today, useLawDate } from '../law-date.ts';

/** Which law the pages show: today's, the 2011 report's, or any date's. */
export function DateControl() {
  const i18n = useI18n();
  const { t } = i18n;
  const { date, isToday, setDate } = useLawDate();
  return (
    <div className="date-control" role="group" aria-labelledby="date-control-label">
      <span id="date-control-label" className="date-control__label">
        {t('date.label')}
      </span>
      <button
        type="button"
        className="button button--toggle"
        aria-pressed={isToday}
        onClick={() => {
          setDate(null);
        }}
      >
        {t('date.today')}
      </button>
      <button
        type="button"
        className="button button--toggle"
        aria-pressed={date === REPORT_DATE}
        data-testid="date-2011"
        onClick={() => {
          setDate(REPORT_DATE);
        }}
      >
        {t('date.report2011')}
      </button>
      <label className="date-control__custom">
        <span className="visually-hidden">{t('date.custom')}</span>
        <input
          type="date"
          value={date}
          min="1950-01-01"
          max={today()}
          onChange={(e) => {
            if (e.target.value) setDate(e.target.value);
          }}
        />
      </label>
    </div>
  );
}

/** A line saying which law a page shows, when it is not today's. */
export function LawDateNote() {
  const i18n = useI18n();
  const { date, isToday } = useLawDate();
  if (isToday) return null;
  return (
    <p className="notice notice--date" role="status">
      {i18n.t('date.note', { date: i18n.date(date) })}
    </p>
  );
}
