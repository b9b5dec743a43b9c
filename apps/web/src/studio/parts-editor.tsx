// The editors of a reform's parts: an agreement, a lifted exclusion, a changed parameter. Each
// edits one ReformPart; the page turns the parts into the reform (reform-builder.ts).
import type { Branch, CountryCode, KnowledgeBase } from '@tulay/engine';
import { parseMonth, versionAt } from '@tulay/engine';
import type { I18n } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { CountryOption } from '../ui/country-select.tsx';
import { codeName } from './format.tsx';
import type { Exclusion, ReformPart } from './reform-builder.ts';
import {
  AGREEMENT_BRANCHES,
  PROVISIONS,
  exclusionKey,
  exclusionMessage,
  exclusionsOf,
  mainRule,
} from './reform-builder.ts';

type Part<K extends ReformPart['kind']> = Extract<ReformPart, { kind: K }>;

/** An exclusion in the user's words, with the activity or sector named in their language. */
function exclusionLabel(i18n: I18n, e: Exclusion): string {
  const { key, code = '' } = exclusionMessage(e);
  return i18n.t(key, {
    who: codeName(i18n, 'activityName', code),
    sector: codeName(i18n, 'sectorName', code),
  });
}

function CountryPicker({
  id,
  label,
  value,
  options,
  onChange,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly options: readonly CountryOption[];
  readonly onChange: (code: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      >
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function AgreementEditor({
  id,
  part,
  countries,
  onChange,
}: {
  readonly id: string;
  readonly part: Part<'agreement'>;
  readonly countries: readonly CountryOption[];
  readonly onChange: (part: Part<'agreement'>) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [a, b] = part.parties;
  return (
    <fieldset className="studio-part">
      <legend>{t('studio.agreement.legend')}</legend>
      <div className="studio-row">
        <CountryPicker
          id={`${id}-a`}
          label={t('studio.agreement.first')}
          value={a}
          options={countries}
          onChange={(c) => {
            onChange({ ...part, parties: [c, b] });
          }}
        />
        <CountryPicker
          id={`${id}-b`}
          label={t('studio.agreement.second')}
          value={b}
          options={countries}
          onChange={(c) => {
            onChange({ ...part, parties: [a, c] });
          }}
        />
      </div>
      {a === b ? (
        <p className="field__error" role="alert">
          {t('studio.agreement.sameCountry')}
        </p>
      ) : null}
      <fieldset className="studio-checks">
        <legend>{t('studio.agreement.provisions')}</legend>
        {PROVISIONS.map((p) => (
          <label key={p.name} className="studio-check">
            <input
              type="checkbox"
              name={`${id}-${p.name}`}
              checked={part.provisions[p.name]}
              onChange={(e) => {
                onChange({
                  ...part,
                  provisions: { ...part.provisions, [p.name]: e.target.checked },
                });
              }}
            />{' '}
            {t(p.label)}
          </label>
        ))}
        <label className="studio-check">
          <input
            type="checkbox"
            name={`${id}-min-own`}
            checked={part.minOwnMonths !== null}
            onChange={(e) => {
              onChange({ ...part, minOwnMonths: e.target.checked ? 12 : null });
            }}
          />{' '}
          {t('studio.agreement.minOwnMonths')}
        </label>
      </fieldset>
      <fieldset className="studio-checks">
        <legend>{t('studio.agreement.branches')}</legend>
        {AGREEMENT_BRANCHES.map((br) => (
          <label key={br} className="studio-check">
            <input
              type="checkbox"
              name={`${id}-branch-${br}`}
              checked={part.branches.includes(br)}
              onChange={(e) => {
                const branches: Branch[] = e.target.checked
                  ? [...part.branches, br]
                  : part.branches.filter((x) => x !== br);
                onChange({ ...part, branches });
              }}
            />{' '}
            {codeName(i18n, 'branch', br)}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}

export function LiftEditor({
  id,
  part,
  kb,
  at,
  countries,
  onChange,
}: {
  readonly id: string;
  readonly part: Part<'lift'>;
  readonly kb: KnowledgeBase;
  readonly at: string;
  readonly countries: readonly CountryOption[];
  readonly onChange: (part: Part<'lift'>) => void;
}) {
  const jurisdiction = kb.jurisdictions.get(part.country as CountryCode);
  const schemes = (jurisdiction?.schemes ?? []).filter((s) => mainRule(kb, s.id, at) !== undefined);
  const rule = mainRule(kb, part.scheme, at);
  const exclusions: Exclusion[] = rule ? exclusionsOf(rule) : [];
  const chosen = new Set(part.lift.map(exclusionKey));
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <fieldset className="studio-part">
      <legend>{t('studio.lift.legend')}</legend>
      <div className="studio-row">
        <CountryPicker
          id={`${id}-country`}
          label={t('studio.lift.country')}
          value={part.country}
          options={countries}
          onChange={(c) => {
            const first = kb.jurisdictions
              .get(c as CountryCode)
              ?.schemes.find((s) => mainRule(kb, s.id, at));
            onChange({ ...part, country: c, scheme: first?.id ?? '', lift: [] });
          }}
        />
        <div className="field">
          <label htmlFor={`${id}-scheme`}>{t('studio.lift.scheme')}</label>
          <select
            id={`${id}-scheme`}
            value={part.scheme}
            onChange={(e) => {
              onChange({ ...part, scheme: e.target.value, lift: [] });
            }}
          >
            {schemes.map((s) => (
              <option key={s.id} value={s.id} lang="en">
                {s.raw.name} ({s.id})
              </option>
            ))}
          </select>
        </div>
      </div>
      {exclusions.length === 0 ? (
        <p className="muted">{t('studio.lift.noExclusions')}</p>
      ) : (
        <fieldset className="studio-checks">
          <legend>{t('studio.lift.exclusions')}</legend>
          {exclusions.map((e) => (
            <label key={exclusionKey(e)} className="studio-check">
              <input
                type="checkbox"
                name={`${id}-${exclusionKey(e)}`}
                checked={chosen.has(exclusionKey(e))}
                onChange={(ev) => {
                  const lift = ev.target.checked
                    ? [...part.lift, e]
                    : part.lift.filter((x) => exclusionKey(x) !== exclusionKey(e));
                  onChange({ ...part, lift });
                }}
              />{' '}
              {exclusionLabel(i18n, e)}
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}

export function ParameterEditor({
  id,
  part,
  kb,
  at,
  countries,
  onChange,
}: {
  readonly id: string;
  readonly part: Part<'parameter'>;
  readonly kb: KnowledgeBase;
  readonly at: string;
  readonly countries: readonly CountryOption[];
  readonly onChange: (part: Part<'parameter'>) => void;
}) {
  const parameters = [
    ...(kb.jurisdictions.get(part.country as CountryCode)?.parameters.values() ?? []),
  ];
  const month = parseMonth(at);
  const current = (pid: string) => {
    const p = parameters.find((x) => x.id === pid);
    return p ? versionAt(p.values, month)?.value : undefined;
  };
  const selected = parameters.find((p) => p.id === part.parameter);
  const now = current(part.parameter);
  const i18n = useI18n();
  const { t } = i18n;
  const unit = selected
    ? `${selected.raw.unit}${selected.raw.currency ? `, ${selected.raw.currency}` : ''}`
    : '';
  return (
    <fieldset className="studio-part">
      <legend>{t('studio.parameter.legend')}</legend>
      <div className="studio-row">
        <CountryPicker
          id={`${id}-country`}
          label={t('studio.parameter.country')}
          value={part.country}
          options={countries}
          onChange={(c) => {
            const first = [
              ...(kb.jurisdictions.get(c as CountryCode)?.parameters.values() ?? []),
            ][0];
            const value = first ? versionAt(first.values, month)?.value : undefined;
            onChange({ ...part, country: c, parameter: first?.id ?? '', value: value ?? 0 });
          }}
        />
        <div className="field">
          <label htmlFor={`${id}-parameter`}>{t('studio.parameter.parameter')}</label>
          <select
            id={`${id}-parameter`}
            value={part.parameter}
            onChange={(e) => {
              onChange({ ...part, parameter: e.target.value, value: current(e.target.value) ?? 0 });
            }}
          >
            {parameters.length === 0 ? (
              <option value="">{t('studio.parameter.none')}</option>
            ) : null}
            {parameters.map((p) => (
              <option key={p.id} value={p.id} lang="en">
                {p.id}: {p.raw.description}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-value`}>
            {unit ? t('studio.parameter.valueWithUnit', { unit }) : t('studio.parameter.value')}
          </label>
          <p className="field__hint" id={`${id}-value-hint`}>
            {now === undefined
              ? t('studio.parameter.noValue')
              : t('studio.parameter.now', {
                  value: typeof now === 'number' ? i18n.number(now) : String(now),
                })}
          </p>
          <input
            id={`${id}-value`}
            type="number"
            step="any"
            aria-describedby={`${id}-value-hint`}
            value={Number.isFinite(part.value) ? part.value : ''}
            onChange={(e) => {
              onChange({
                ...part,
                value: e.target.value === '' ? Number.NaN : Number(e.target.value),
              });
            }}
          />
        </div>
      </div>
    </fieldset>
  );
}
