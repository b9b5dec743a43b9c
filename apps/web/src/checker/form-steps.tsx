// The three steps of the checker's form: about you, where you worked, what happened.
import type { KnowledgeBase } from '@tulay/engine';
import { ACTIVITIES, PERMITS, SECTORS } from '@tulay/engine';
import type { MessageKey } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { CountryOption } from '../ui/country-select.tsx';
import { CountrySelect } from '../ui/country-select.tsx';
import { Field, RadioGroup } from '../ui/field.tsx';
import type {
  Activity,
  Draft,
  EventChoice,
  FieldError,
  InsuranceAnswer,
  PeriodDraft,
  Permit,
  Sector,
  YesNo,
} from './draft.ts';
import { emptyPeriod } from './draft.ts';

type Update = (change: Partial<Draft>) => void;
const errorFor = (errors: readonly FieldError[], field: string): MessageKey | undefined =>
  errors.find((e) => e.field === field)?.message;

export function PersonStep({
  draft,
  update,
  errors,
  countries,
}: {
  readonly draft: Draft;
  readonly update: Update;
  readonly errors: readonly FieldError[];
  readonly countries: readonly CountryOption[];
}) {
  const { t } = useI18n();
  return (
    <>
      <Field
        id="nationality"
        label={t('person.nationality')}
        error={errorFor(errors, 'nationality')}
      >
        {(describedBy, isInvalid) => (
          <CountrySelect
            id="nationality"
            value={draft.nationality}
            options={countries}
            withPartners={false}
            describedBy={describedBy}
            isInvalid={isInvalid}
            onChange={(nationality) => {
              update({ nationality });
            }}
          />
        )}
      </Field>
      <Field
        id="residence"
        label={t('person.residence')}
        hint={t('person.residence.hint')}
        error={errorFor(errors, 'residence')}
      >
        {(describedBy, isInvalid) => (
          <CountrySelect
            id="residence"
            value={draft.residence}
            options={countries}
            withPartners
            describedBy={describedBy}
            isInvalid={isInvalid}
            onChange={(residence) => {
              update({ residence });
            }}
          />
        )}
      </Field>
      <Field
        id="birthMonth"
        label={t('person.birth')}
        hint={t('person.birth.hint')}
        error={errorFor(errors, 'birthMonth')}
        isOptional
      >
        {(describedBy, isInvalid) => (
          <input
            id="birthMonth"
            name="birthMonth"
            type="month"
            placeholder="1980-01"
            min="1900-01"
            value={draft.birthMonth}
            aria-describedby={describedBy}
            aria-invalid={isInvalid || undefined}
            onChange={(e) => {
              update({ birthMonth: e.target.value });
            }}
          />
        )}
      </Field>
      <RadioGroup<Draft['sex']>
        name="sex"
        legend={`${t('person.sex')} ${t('form.optional')}`}
        hint={t('person.sex.hint')}
        value={draft.sex}
        options={[
          { value: 'female', label: t('sex.female') },
          { value: 'male', label: t('sex.male') },
          { value: 'other', label: t('sex.other') },
          { value: '', label: t('sex.unspecified') },
        ]}
        onChange={(sex) => {
          update({ sex });
        }}
        className="radio-group--inline"
      />
    </>
  );
}

function PeriodFields({
  period,
  index,
  count,
  kb,
  errors,
  countries,
  onChange,
  onRemove,
}: {
  readonly period: PeriodDraft;
  readonly index: number;
  readonly count: number;
  readonly kb: KnowledgeBase;
  readonly errors: readonly FieldError[];
  readonly countries: readonly CountryOption[];
  readonly onChange: (change: Partial<PeriodDraft>) => void;
  readonly onRemove: () => void;
}) {
  const { t } = useI18n();
  const id = (name: string) => `${period.key}-${name}`;
  const err = (name: string) => errorFor(errors, id(name));
  const currencyOf = (code: string) => kb.jurisdictions.get(code as never)?.raw.currency ?? '';
  return (
    <fieldset className="period" id={id('group')}>
      <legend>
        {t('work.period', { n: index + 1 })}
        {period.country ? ` — ${countries.find((c) => c.code === period.country)?.name ?? ''}` : ''}
      </legend>
      <div className="grid grid--2">
        <Field id={id('country')} label={t('work.country')} error={err('country')}>
          {(describedBy, isInvalid) => (
            <CountrySelect
              id={id('country')}
              value={period.country}
              options={countries}
              withPartners
              describedBy={describedBy}
              isInvalid={isInvalid}
              onChange={(country) => {
                const currency = currencyOf(country);
                onChange({ country, currency });
              }}
            />
          )}
        </Field>
        <Field id={id('activity')} label={t('work.activity')} error={err('activity')}>
          {(describedBy) => (
            <select
              id={id('activity')}
              value={period.activity}
              aria-describedby={describedBy}
              onChange={(e) => {
                onChange({ activity: e.target.value as Activity });
              }}
            >
              {ACTIVITIES.map((a) => (
                <option key={a} value={a}>
                  {t(`activity.${a}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('from')} label={t('work.from')} error={err('from')}>
          {(describedBy, isInvalid) => (
            <input
              id={id('from')}
              type="month"
              placeholder="2010-06"
              min="1950-01"
              value={period.from}
              aria-describedby={describedBy}
              aria-invalid={isInvalid || undefined}
              onChange={(e) => {
                onChange({ from: e.target.value });
              }}
            />
          )}
        </Field>
        <div className="field">
          <Field id={id('to')} label={t('work.to')} error={err('to')}>
            {(describedBy, isInvalid) => (
              <input
                id={id('to')}
                type="month"
                placeholder="2020-12"
                min="1950-01"
                value={period.isOngoing ? '' : period.to}
                disabled={period.isOngoing}
                aria-describedby={describedBy}
                aria-invalid={isInvalid || undefined}
                onChange={(e) => {
                  onChange({ to: e.target.value });
                }}
              />
            )}
          </Field>
          <label className="checkbox">
            <input
              type="checkbox"
              id={id('ongoing')}
              checked={period.isOngoing}
              onChange={(e) => {
                onChange({ isOngoing: e.target.checked });
              }}
            />
            <span>{t('work.ongoing')}</span>
          </label>
        </div>
        <Field id={id('sector')} label={t('work.sector')} hint={t('work.sector.hint')} isOptional>
          {(describedBy) => (
            <select
              id={id('sector')}
              value={period.sector}
              aria-describedby={describedBy}
              onChange={(e) => {
                onChange({ sector: e.target.value as Sector | '' });
              }}
            >
              <option value="">{t('select.dontKnow')}</option>
              {SECTORS.map((s) => (
                <option key={s} value={s}>
                  {t(`sector.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={id('earnings')}
          label={t('work.earnings')}
          hint={
            period.currency ? t('work.earnings.hint', { currency: period.currency }) : undefined
          }
          error={err('earnings')}
          isOptional
        >
          {(describedBy, isInvalid) => (
            <input
              id={id('earnings')}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={period.earnings}
              aria-describedby={describedBy}
              aria-invalid={isInvalid || undefined}
              onChange={(e) => {
                onChange({ earnings: e.target.value });
              }}
            />
          )}
        </Field>
      </div>
      <RadioGroup<YesNo>
        name={id('documented')}
        legend={t('work.documented')}
        error={err('documented')}
        value={period.documented}
        options={[
          { value: 'yes', label: t('answer.yes') },
          { value: 'no', label: t('answer.no') },
        ]}
        onChange={(documented) => {
          onChange({ documented, ...(documented === 'no' ? { permit: 'none' as const } : {}) });
        }}
        className="radio-group--inline"
      />
      {period.documented === 'yes' ? (
        <Field id={id('permit')} label={t('work.permit')} isOptional>
          {(describedBy) => (
            <select
              id={id('permit')}
              value={period.permit}
              aria-describedby={describedBy}
              onChange={(e) => {
                onChange({ permit: e.target.value as Permit | '' });
              }}
            >
              <option value="">{t('select.dontKnow')}</option>
              {PERMITS.filter((p) => p !== 'none').map((p) => (
                <option key={p} value={p}>
                  {t(`permit.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <RadioGroup<InsuranceAnswer>
        name={id('insurance')}
        legend={t('work.insurance')}
        value={period.insurance}
        options={(['compulsory', 'voluntary', 'none', 'unknown'] as const).map((v) => ({
          value: v,
          label: t(`insurance.${v}`),
        }))}
        onChange={(insurance) => {
          onChange({ insurance });
        }}
      />
      {count > 1 ? (
        <button type="button" className="button button--quiet" onClick={onRemove}>
          {t('work.remove', { n: index + 1 })}
        </button>
      ) : null}
    </fieldset>
  );
}

export function WorkStep({
  draft,
  update,
  errors,
  countries,
  kb,
}: {
  readonly draft: Draft;
  readonly update: Update;
  readonly errors: readonly FieldError[];
  readonly countries: readonly CountryOption[];
  readonly kb: KnowledgeBase;
}) {
  const { t } = useI18n();
  const setPeriod = (key: string, change: Partial<PeriodDraft>) => {
    update({ periods: draft.periods.map((p) => (p.key === key ? { ...p, ...change } : p)) });
  };
  return (
    <>
      <p className="lead">{t('work.intro')}</p>
      {draft.periods.map((p, i) => (
        <PeriodFields
          key={p.key}
          period={p}
          index={i}
          count={draft.periods.length}
          kb={kb}
          errors={errors}
          countries={countries}
          onChange={(change) => {
            setPeriod(p.key, change);
          }}
          onRemove={() => {
            update({ periods: draft.periods.filter((x) => x.key !== p.key) });
          }}
        />
      ))}
      {errorFor(errors, 'periods') ? <p className="field__error">{t('work.none')}</p> : null}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          update({ periods: [...draft.periods, emptyPeriod()] });
        }}
      >
        + {t('work.add')}
      </button>
    </>
  );
}

/** What happened, in the order people think of it; each maps to an ILO C102 branch. */
export const EVENTS: readonly EventChoice[] = [
  'none',
  'old_age',
  'employment_injury',
  'sickness',
  'medical_care',
  'maternity',
  'unemployment',
  'invalidity',
  'survivors',
  'family',
];

export function EventStep({
  draft,
  update,
  errors,
  countries,
}: {
  readonly draft: Draft;
  readonly update: Update;
  readonly errors: readonly FieldError[];
  readonly countries: readonly CountryOption[];
}) {
  const { t } = useI18n();
  return (
    <>
      <RadioGroup<EventChoice>
        name="event"
        legend={t('event.question')}
        value={draft.event}
        options={EVENTS.map((e) => ({ value: e, label: t(`event.${e}`) }))}
        onChange={(event) => {
          update({ event });
        }}
        className="radio-group--cards"
      />
      {draft.event !== 'none' ? (
        <div className="grid grid--2">
          <Field
            id="eventMonth"
            label={t('event.date')}
            hint={t('event.date.hint')}
            error={errorFor(errors, 'eventMonth')}
            isOptional
          >
            {(describedBy, isInvalid) => (
              <input
                id="eventMonth"
                type="month"
                placeholder="2024-05"
                value={draft.eventMonth}
                aria-describedby={describedBy}
                aria-invalid={isInvalid || undefined}
                onChange={(e) => {
                  update({ eventMonth: e.target.value });
                }}
              />
            )}
          </Field>
          <Field
            id="payTo"
            label={t('event.payTo')}
            hint={t('event.payTo.hint')}
            error={errorFor(errors, 'payTo')}
            isOptional
          >
            {(describedBy, isInvalid) => (
              <CountrySelect
                id="payTo"
                value={draft.payTo}
                options={countries}
                withPartners
                describedBy={describedBy}
                isInvalid={isInvalid}
                emptyLabel={t('event.payTo.same')}
                onChange={(payTo) => {
                  update({ payTo });
                }}
              />
            )}
          </Field>
        </div>
      ) : null}
    </>
  );
}
