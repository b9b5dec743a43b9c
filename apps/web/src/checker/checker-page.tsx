// The entitlement checker: a guided form in three steps, then the results. Everything runs here,
// in the browser: the answers are never sent anywhere.
import type { CheckResult } from '@tulay/engine';
import { check } from '@tulay/engine';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MessageKey } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { useLawDate } from '../law-date.ts';
import { countryOptions } from '../ui/country-select.tsx';
import { KnowledgeGate } from '../ui/knowledge-gate.tsx';
import type { Draft, FieldError } from './draft.ts';
import {
  draftToProfile,
  emptyDraft,
  errorSummaryLine,
  eventErrors,
  personErrors,
  restoreDraft,
  workErrors,
} from './draft.ts';
import { EXAMPLES } from './examples.ts';
import { EventStep, PersonStep, WorkStep } from './form-steps.tsx';
import { Results } from './results.tsx';

const STEPS: readonly MessageKey[] = ['step.person', 'step.work', 'step.event', 'step.results'];

/** The checker's place in the tab's history: which step, with which answers. */
interface Kept {
  readonly step: number;
  readonly draft: Draft;
}

/** What the current history entry keeps of the checker, if anything. */
function kept(): Kept | null {
  const state = (window.history.state as { checker?: { step?: unknown; draft?: unknown } } | null)
    ?.checker;
  const step = state?.step;
  const draft = restoreDraft(state?.draft);
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step > 3 || !draft)
    return null;
  return { step, draft };
}

/** Keeps the checker's place in this history entry, or in a new one (a step forward). */
function keep(place: Kept, how: 'replace' | 'push'): void {
  const url = window.location.pathname + window.location.search;
  const state = { ...(window.history.state as object | null), checker: place };
  if (how === 'push') window.history.pushState(state, '', url);
  else window.history.replaceState(state, '', url);
}

type Outcome =
  | { readonly ok: true; readonly result: CheckResult }
  | { readonly ok: false; readonly errors: readonly FieldError[]; readonly detail?: string };

function ErrorSummary({ errors }: { readonly errors: readonly FieldError[] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h3>{t('form.errorsTitle', { count: errors.length })}</h3>
      <ul>
        {errors.map((e) => (
          <li key={`${e.field}-${e.message}`}>
            <a
              href={`#${e.field}`}
              onClick={(ev) => {
                ev.preventDefault();
                document.getElementById(e.field)?.focus();
              }}
            >
              {errorSummaryLine(e, t)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Checker({ knowledge }: { readonly knowledge: Knowledge }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { date: at } = useLawDate();
  // The step and the answers are kept in the tab's session history: Back and Forward move between
  // the steps, and a reload finds them again (nothing leaves the device).
  const [draft, setDraft] = useState<Draft>(() => kept()?.draft ?? emptyDraft());
  const [step, setStep] = useState(() => kept()?.step ?? 0);
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const countries = useMemo(() => countryOptions(knowledge.kb, i18n), [knowledge, i18n]);
  const update = (change: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...change }));
  };

  const outcome = useMemo<Outcome | null>(() => {
    if (step !== 3) return null;
    const p = draftToProfile(draft, at);
    if (!p.ok) return p;
    return { ok: true, result: check(knowledge.kb, p.profile, { at }) };
  }, [step, draft, at, knowledge]);

  const stepErrors = (s: number): FieldError[] => {
    if (s === 0) return personErrors(draft);
    if (s === 1) return workErrors(draft, at.slice(0, 7));
    return eventErrors(draft);
  };
  useEffect(() => {
    // After a pause in typing: browsers limit how often a page may rewrite its history.
    const id = window.setTimeout(() => {
      keep({ step, draft }, 'replace');
    }, 300);
    return () => {
      window.clearTimeout(id);
    };
  }, [step, draft]);
  useEffect(() => {
    const onPop = () => {
      const state = kept();
      if (!state) return;
      setDraft(state.draft);
      setStep(state.step);
      setErrors([]);
    };
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
    };
  }, []);
  const go = (next: number, answers: Draft = draft) => {
    // The entry left behind keeps the answers as they are now, for Back.
    keep({ step, draft: answers }, 'replace');
    keep({ step: next, draft: answers }, 'push');
    setStep(next);
    setErrors([]);
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  const onNext = () => {
    const found = stepErrors(step);
    setErrors(found);
    if (found.length === 0) go(step + 1);
  };
  const loadExample = (make: () => Draft) => {
    const example = make();
    setDraft(example);
    go(3, example);
  };

  return (
    <>
      <section className="hero" aria-labelledby="checker-title">
        <h1 id="checker-title">{t('checker.title')}</h1>
        <p className="lead">{t('checker.intro')}</p>
        <p className="privacy">
          <svg aria-hidden="true" width="14" height="16" viewBox="0 0 14 16">
            <rect x="1" y="7" width="12" height="9" rx="2" fill="currentColor" />
            <path d="M4 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>{' '}
          {t('checker.privacy')}
        </p>
        <div className="examples no-print">
          <p className="label" id="examples-label">
            {t('checker.examples')}
          </p>
          <ul aria-labelledby="examples-label">
            {EXAMPLES.map((e) => (
              <li key={e.id}>
                <button
                  type="button"
                  className="button button--chip"
                  data-example={e.id}
                  onClick={() => {
                    loadExample(e.draft);
                  }}
                >
                  {t(e.label)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <nav className="stepper no-print" aria-label={t('step.nav')}>
        <ol>
          {STEPS.map((key, i) => (
            <li key={key} className={i === step ? 'is-current' : i < step ? 'is-done' : ''}>
              <span aria-current={i === step ? 'step' : undefined}>
                <span className="stepper__n">{i + 1}</span>{' '}
                <span className="stepper__label">{t(key)}</span>
              </span>
            </li>
          ))}
        </ol>
      </nav>

      <section className="panel" aria-labelledby="step-title">
        <p className="step-count no-print">
          {t('step.label', { n: step + 1, total: STEPS.length })}
        </p>
        <h2 id="step-title" ref={headingRef} tabIndex={-1}>
          {t(STEPS[step] ?? 'step.person')}
        </h2>
        {errors.length > 0 ? <ErrorSummary errors={errors} /> : null}
        {step < 3 ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              onNext();
            }}
          >
            {step === 0 ? (
              <PersonStep draft={draft} update={update} errors={errors} countries={countries} />
            ) : step === 1 ? (
              <WorkStep
                draft={draft}
                update={update}
                errors={errors}
                countries={countries}
                kb={knowledge.kb}
              />
            ) : (
              <EventStep draft={draft} update={update} errors={errors} countries={countries} />
            )}
            <div className="form-actions">
              {step > 0 ? (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    go(step - 1);
                  }}
                >
                  {t('form.back')}
                </button>
              ) : null}
              <button type="submit" className="button button--primary">
                {step === 2 ? t('form.check') : t('form.next')}
              </button>
            </div>
          </form>
        ) : outcome?.ok ? (
          <>
            <div className="form-actions no-print">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  go(0);
                }}
              >
                {t('form.edit')}
              </button>
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  window.print();
                }}
              >
                {t('results.print')}
              </button>
            </div>
            <Results result={outcome.result} kb={knowledge.kb} at={at} />
          </>
        ) : outcome ? (
          <>
            <ErrorSummary errors={outcome.errors} />
            {outcome.detail ? <p lang="en">{outcome.detail}</p> : null}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                go(0);
              }}
            >
              {t('form.edit')}
            </button>
          </>
        ) : null}
      </section>
    </>
  );
}

export function CheckerPage() {
  return <KnowledgeGate>{(knowledge) => <Checker knowledge={knowledge} />}</KnowledgeGate>;
}
