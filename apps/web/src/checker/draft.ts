// The checker's form state, in the words a person answers with, and its translation into the
// engine's worker profile. Validation here speaks the form's language (message keys); the engine's
// own validation runs after, as a safety net.
import type { ACTIVITIES, Branch, PERMITS, Profile, ProfileInput, SECTORS } from '@tulay/engine';
import { formatJsonPath, profileSchema, validate } from '@tulay/engine';
import type { I18n, MessageKey } from '../i18n/i18n.tsx';

export type Activity = (typeof ACTIVITIES)[number];
export type Sector = (typeof SECTORS)[number];
export type Permit = (typeof PERMITS)[number];
export type YesNo = 'yes' | 'no' | '';
export type InsuranceAnswer = 'compulsory' | 'voluntary' | 'none' | 'unknown';

/** What happened, as the form asks it: an ILO C102 branch, or nothing (show every branch). */
export type EventChoice = Branch | 'none';

/** One period of work as the form holds it (strings, as typed). */
export interface PeriodDraft {
  readonly key: string;
  readonly country: string;
  readonly from: string;
  readonly to: string;
  readonly isOngoing: boolean;
  readonly activity: Activity | '';
  readonly sector: Sector | '';
  readonly documented: YesNo;
  readonly permit: Permit | '';
  readonly insurance: InsuranceAnswer;
  readonly earnings: string;
  readonly currency: string;
}

/** The whole form. */
export interface Draft {
  readonly nationality: string;
  readonly residence: string;
  readonly birthMonth: string;
  readonly sex: '' | 'female' | 'male' | 'other';
  readonly periods: readonly PeriodDraft[];
  readonly event: EventChoice;
  readonly eventMonth: string;
  readonly payTo: string;
}

/** A problem with an answer: the field's id (as the form's inputs are named) and a message key. */
export interface FieldError {
  readonly field: string;
  readonly message: MessageKey;
  /** The question's label, so that the summary of errors says which question. */
  readonly question?: MessageKey;
  /** For a period's question, which period (from 1). */
  readonly period?: number;
}

/** An error as the summary of errors says it: which question (and which period), and what is wrong. */
export function errorSummaryLine(e: FieldError, t: I18n['t']): string {
  if (!e.question) return t(e.message);
  const question =
    e.period === undefined
      ? t(e.question)
      : t('form.errorInPeriod', { n: e.period, question: t(e.question) });
  return t('form.errorItem', { question, message: t(e.message) });
}

let counter = 0;
/** A new empty period (its key identifies it while others are added and removed). */
export function emptyPeriod(country = ''): PeriodDraft {
  counter += 1;
  return {
    key: `p${counter}`,
    country,
    from: '',
    to: '',
    isOngoing: false,
    activity: 'employed',
    sector: '',
    documented: '',
    permit: '',
    insurance: 'unknown',
    earnings: '',
    currency: '',
  };
}

export function emptyDraft(): Draft {
  return {
    nationality: '',
    residence: '',
    birthMonth: '',
    sex: '',
    periods: [emptyPeriod()],
    event: 'none',
    eventMonth: '',
    payTo: '',
  };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const COUNTRY = /^[A-Z]{2}$/;

/**
 * A draft kept in the browser's history (the checker's step and answers live in the tab's
 * session history, so Back, Forward and a reload keep them; nothing leaves the device), read
 * back: null unless it has the draft's shape. New periods made afterwards get keys after its own.
 */
export function restoreDraft(value: unknown): Draft | null {
  const d = value as Partial<Record<keyof Draft, unknown>> | null;
  const text = (x: unknown) => typeof x === 'string';
  if (
    d === null ||
    typeof d !== 'object' ||
    !text(d.nationality) ||
    !text(d.residence) ||
    !text(d.birthMonth) ||
    !text(d.sex) ||
    !text(d.event) ||
    !text(d.eventMonth) ||
    !text(d.payTo) ||
    !Array.isArray(d.periods) ||
    d.periods.length === 0
  )
    return null;
  const blank = emptyPeriod();
  const periods: PeriodDraft[] = [];
  for (const p of d.periods as unknown[]) {
    if (p === null || typeof p !== 'object') return null;
    const period = { ...blank, ...(p as Partial<PeriodDraft>) };
    const fields = Object.keys(blank) as (keyof PeriodDraft)[];
    if (fields.some((k) => typeof period[k] !== typeof blank[k])) return null;
    counter = Math.max(counter, Number(period.key.slice(1)) || 0);
    periods.push(period);
  }
  return { ...(d as Draft), periods };
}

/** The form's fields on the "about you" step, checked. */
export function personErrors(d: Draft): FieldError[] {
  const errors: FieldError[] = [];
  if (!COUNTRY.test(d.nationality))
    errors.push({
      field: 'nationality',
      message: 'error.required',
      question: 'person.nationality',
    });
  if (!COUNTRY.test(d.residence))
    errors.push({ field: 'residence', message: 'error.required', question: 'person.residence' });
  if (d.birthMonth !== '' && !MONTH.test(d.birthMonth))
    errors.push({ field: 'birthMonth', message: 'error.month', question: 'person.birth' });
  return errors;
}

/** The periods of work, checked; `at` is the law's month (an ongoing period runs until it). */
export function workErrors(d: Draft, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (d.periods.length === 0) errors.push({ field: 'periods', message: 'work.none' });
  d.periods.forEach((p, index) => {
    const period = index + 1;
    const e = (name: string, message: MessageKey, question: MessageKey): FieldError => ({
      field: `${p.key}-${name}`,
      message,
      question,
      period,
    });
    if (!COUNTRY.test(p.country)) errors.push(e('country', 'error.required', 'work.country'));
    if (!MONTH.test(p.from)) errors.push(e('from', 'error.month', 'work.from'));
    const to = p.isOngoing ? at : p.to;
    if (!p.isOngoing && !MONTH.test(p.to)) errors.push(e('to', 'error.month', 'work.to'));
    else if (MONTH.test(p.from) && MONTH.test(to) && to < p.from)
      errors.push(
        p.isOngoing
          ? e('from', 'error.toBeforeFrom', 'work.from')
          : e('to', 'error.toBeforeFrom', 'work.to'),
      );
    if (p.activity === '') errors.push(e('activity', 'error.required', 'work.activity'));
    if (p.documented === '') errors.push(e('documented', 'error.required', 'work.documented'));
    if (p.earnings.trim() !== '' && !/^\d+([.,]\d+)?$/.test(p.earnings.trim()))
      errors.push(e('earnings', 'error.amount', 'work.earnings'));
  });
  return errors;
}

/** The event step, checked. */
export function eventErrors(d: Draft): FieldError[] {
  const errors: FieldError[] = [];
  if (d.event !== 'none' && d.eventMonth !== '' && !MONTH.test(d.eventMonth))
    errors.push({ field: 'eventMonth', message: 'error.month', question: 'event.date' });
  if (d.payTo !== '' && !COUNTRY.test(d.payTo))
    errors.push({ field: 'payTo', message: 'error.required', question: 'event.payTo' });
  return errors;
}

/** The result of turning the form into a profile. */
export type ProfileOutcome =
  | { readonly ok: true; readonly profile: Profile }
  | { readonly ok: false; readonly errors: readonly FieldError[]; readonly detail?: string };

/** The worker profile the engine reads, from the form; `at` is the law's date (YYYY-MM-DD). */
export function draftToProfile(d: Draft, at: string): ProfileOutcome {
  const atMonth = at.slice(0, 7);
  const errors = [...personErrors(d), ...workErrors(d, atMonth), ...eventErrors(d)];
  if (errors.length > 0) return { ok: false, errors };
  const input: ProfileInput = {
    person: {
      nationalities: [d.nationality],
      residence: d.residence,
      ...(d.birthMonth === '' ? {} : { birthDate: d.birthMonth }),
      ...(d.sex === '' ? {} : { sex: d.sex }),
    },
    periods: d.periods.map((p) => {
      const amount = Number(p.earnings.trim().replace(',', '.'));
      return {
        country: p.country,
        from: p.from,
        to: p.isOngoing ? atMonth : p.to,
        activity: p.activity === '' ? 'employed' : p.activity,
        documented: p.documented === 'yes',
        insurance: p.insurance,
        ...(p.sector === '' ? {} : { sector: p.sector }),
        ...(p.permit === '' ? {} : { permit: p.permit }),
        ...(p.earnings.trim() !== '' && p.currency !== '' && Number.isFinite(amount)
          ? { earnings: { amount, currency: p.currency, per: 'month' as const } }
          : {}),
      };
    }),
    ...(d.event === 'none'
      ? {}
      : {
          claim: {
            branch: d.event,
            date: d.eventMonth === '' ? atMonth : d.eventMonth,
            ...(d.payTo === '' ? {} : { residence: d.payTo }),
          },
        }),
  };
  const result = validate(profileSchema, input);
  if (!result.ok)
    return {
      ok: false,
      errors: [{ field: 'profile', message: 'error.profile' }],
      detail: result.issues.map((i) => `${formatJsonPath(i.path)}: ${i.message}`).join('; '),
    };
  return { ok: true, profile: result.value };
}
