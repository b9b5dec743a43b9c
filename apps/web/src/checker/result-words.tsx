// The engine's findings in the worker's language. A barrier, a remedy and a reason carry codes and
// their facts (permits, activities, sectors, countries, languages, months); the engine's English
// sentence is shown only for a finding it gives no facts for. Names from the knowledge base
// (a scheme's name, what it pays on departure) stay English, marked lang="en" inside the sentence.
import type { ReactNode } from 'react';
import { Fragment } from 'react';
import type { Barrier, ReasonDetail, Remedy, UnmetCondition } from '@tulay/engine';
import { describeRequirement } from '../countries/conditions.ts';
import type { I18n, MessageKey } from '../i18n/i18n.tsx';

/** English from the knowledge base, marked as such. */
export function En({
  children,
  block = false,
}: {
  readonly children: string;
  readonly block?: boolean;
}) {
  return block ? <p lang="en">{children}</p> : <span lang="en">{children}</span>;
}

// Private-use characters cannot occur in a message or a name: they mark where an English name goes.
const MARK = '\uE000';

/**
 * A message whose `english` values (names from the knowledge base) are set in the sentence as
 * English spans, so that screen readers and translators know them.
 */
export function tWith(
  i18n: I18n,
  key: MessageKey,
  values: Readonly<Record<string, string | number>>,
  english: Readonly<Record<string, string>>,
): ReactNode {
  const names = Object.keys(english);
  const marked = Object.fromEntries(names.map((n, i) => [n, `${MARK}${i}${MARK}`]));
  const parts = i18n.t(key, { ...values, ...marked }).split(MARK);
  return parts.map((part, i) => {
    if (i % 2 === 0) return <Fragment key={i}>{part}</Fragment>;
    const name = names[Number(part)];
    return (
      <span key={i} lang="en">
        {name === undefined ? part : english[name]}
      </span>
    );
  });
}

/** A coverage condition the worker does not meet, as a phrase ("only with a work permit"). */
export function describeUnmet(u: UnmetCondition, i18n: I18n): string {
  switch (u.kind) {
    case 'nationals':
    case 'non_nationals':
    case 'nationals_and_permanent_residents':
    case 'age':
    case 'sector_unknown':
      return i18n.t(`unmet.${u.kind}`);
    case 'documented':
    case 'permit':
    case 'activities_only':
    case 'activities_except':
    case 'sectors_only':
    case 'sectors_except':
    case 'employer_national_or_pr':
    case 'nationalities_only':
    case 'nationalities_except':
      return describeRequirement(u, i18n);
  }
}

/** What stands in the way, in a sentence; null when the engine gave no facts (its English then). */
export function barrierSentence(b: Barrier, i18n: I18n): ReactNode {
  // The only barrier whose sentence needs no facts: said even for a result without them.
  if (b.code === 'document_certification') return i18n.t('barrierText.documentCertification');
  const d = b.detail;
  if (!d) return null;
  const scheme = d.schemeName ?? '';
  switch (b.code) {
    case 'nationals_only':
    case 'residency':
    case 'documentation':
    case 'sector_exclusion':
      if (!d.unmet) return null;
      if (d.unmet.kind === 'sector_unknown')
        return tWith(i18n, 'barrierText.sectorUnknown', {}, { scheme });
      return tWith(
        i18n,
        'barrierText.condition',
        { condition: describeUnmet(d.unmet, i18n) },
        { scheme },
      );
    case 'qualifying_period':
      return d.requiredMonths === undefined
        ? i18n.t('barrierText.qualifyingUnknown')
        : i18n.t('barrierText.qualifying', { months: d.requiredMonths });
    case 'not_paid_abroad':
      if (!d.country) return null;
      return (
        <>
          {tWith(
            i18n,
            'barrierText.notPaidAbroad',
            { country: i18n.country(d.country) },
            { scheme },
          )}
          {d.onDeparture ? (
            <>
              {' '}
              {i18n.t('barrierText.instead')} <En>{d.onDeparture}</En>
            </>
          ) : null}
        </>
      );
    case 'language':
      if (!d.languages) return null;
      return i18n.t('barrierText.language', {
        languages: i18n.listOr(d.languages.map((l) => i18n.language(l))),
      });
    case 'money_transfer':
      if (!d.country) return null;
      return tWith(
        i18n,
        'barrierText.moneyTransfer',
        { country: i18n.country(d.country) },
        { scheme },
      );
  }
}

/** What would remove a barrier, in a sentence. */
export function remedySentence(r: Remedy, i18n: I18n): ReactNode {
  switch (r.kind) {
    case 'agreement':
      return i18n.t('remedy.agreement', {
        parties: i18n.list(r.parties.map((c) => i18n.country(c))),
        provision: r.provision,
      });
    case 'law_change':
      return (
        <>
          {i18n.t('remedy.lawChange', { country: i18n.country(r.country) })}{' '}
          {r.change ? (
            tWith(i18n, `lawChange.${r.change}`, {}, { scheme: r.schemeName ?? r.scheme })
          ) : (
            <En>{r.description}</En>
          )}
        </>
      );
    case 'action':
      switch (r.action) {
        case 'more_months':
          return i18n.t('remedyText.moreMonths', { months: r.months ?? 0 });
        case 'help_with_forms':
          return i18n.t('remedyText.helpWithForms');
        case 'bank_account':
          return i18n.t('remedyText.bankAccount', { country: i18n.country(r.country ?? '') });
        case 'certify_papers':
          return i18n.t('remedyText.certifyPapers');
        case 'regularise':
          return r.permits && r.permits.length > 0
            ? i18n.t('remedyText.regularisePermits', {
                permits: i18n.listOr(r.permits.map((p) => i18n.t(`permitName.${p}`))),
              })
            : i18n.t('remedyText.regularise');
        case 'claim_before_leaving':
          return (
            <>
              {i18n.t('remedyText.claimBeforeLeaving')} <En>{r.text ?? ''}</En>
            </>
          );
        case undefined:
          return <En>{r.description}</En>;
      }
  }
}

/**
 * One reason, in a sentence. `claimed` says whether the worker named an event: without one the
 * engine checks today's month, which is then "now", not "the month of the event".
 */
export function reasonSentence(r: ReasonDetail, i18n: I18n, claimed: boolean): ReactNode {
  switch (r.code) {
    case 'pension_age':
      return i18n.t('reason.pensionAge', { age: r.age, month: i18n.month(r.month) });
    case 'recent_months':
      return i18n.t('reason.recentMonths', { months: r.months, within: r.within });
    case 'not_covered_at_event':
      return claimed
        ? i18n.t('reason.notCoveredAtEvent', { month: i18n.month(r.month) })
        : i18n.t('reason.notCoveredNow', { month: i18n.month(r.month) });
    case 'months_short':
      return i18n.t('reason.monthsShort', { required: r.required, counted: r.counted });
    case 'under_minimum':
      return i18n.t('reason.underMinimum', { months: r.months });
    case 'partner_only':
      return i18n.t('reason.partnerOnly', { country: i18n.country(r.country) });
    case 'unmet':
      return r.unmet
        ? i18n.t('reason.unmet', { condition: describeUnmet(r.unmet, i18n) })
        : i18n.t('reason.unmetUnknown');
    case 'voluntary_not_taken':
      return i18n.t('reason.voluntaryNotTaken', {
        from: i18n.month(r.from),
        to: i18n.month(r.to),
      });
  }
}

/**
 * A fact the engine would need, in plain words. Every path it can ask for has a wording
 * (result-words.test.ts reads them from the engine's source); null only for one it has not yet.
 */
export function missingKey(m: string): MessageKey | null {
  if (m.startsWith('person.birthDate')) return 'missing.birthDate';
  if (m.startsWith('person.sex')) return 'missing.sex';
  if (m.startsWith('parameter ')) return 'missing.lawFigure';
  if (/^periods\[\d*\]\.earnings/.test(m)) return 'missing.earnings';
  if (/^periods\[\d*\]\.sector$/.test(m)) return 'missing.sector';
  if (/^periods\[\d*\]\.permit$/.test(m)) return 'missing.permit';
  if (/^periods\[\d*\]\.employer\./.test(m)) return 'missing.employer';
  return null;
}
