// The simulation studio (/studio): choose corridors and a date, build a reform from parts or start
// from a ready-made one, run it on the server with live progress, read the charts, export the
// results and print a brief. Running needs a signed-in account (it costs the server minutes of CPU).
import type { CountryCode, KnowledgeBase, ReformInput } from '@tulay/engine';
import { useEffect, useMemo, useRef, useState } from 'react';
import examples from 'virtual:tulay/example-reforms';
import { useI18n } from '../i18n/i18n.tsx';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { CountryOption } from '../ui/country-select.tsx';
import { countryOptions } from '../ui/country-select.tsx';
import { KnowledgeGate } from '../ui/knowledge-gate.tsx';
import type { CalibratedCorridor, IndicatorRow, Me, Run } from './api.ts';
import { ApiError, calibratedCorridors, cancelRun, follow, me, results, startRun } from './api.ts';
import { BarChart, BeforeAfterChart } from './charts.tsx';
import { StudioCorridorMap } from './studio-corridor-map.tsx';
import { AgreementEditor, LiftEditor, ParameterEditor } from './parts-editor.tsx';
import type { ReformPart } from './reform-builder.ts';
import { buildReform, mainRule, reformYaml } from './reform-builder.ts';
import './studio.css';

const BRANCH_ORDER = [
  'old_age',
  'invalidity',
  'survivors',
  'employment_injury',
  'sickness',
  'maternity',
  'medical_care',
  'unemployment',
  'family',
] as const;

const BARRIER_NAMES: Readonly<Record<string, string>> = {
  nationals_only: 'Only nationals covered',
  residency: 'Residence required',
  documentation: 'Documents required',
  qualifying_period: 'Qualifying period not met (totalization)',
  sector_exclusion: 'Sector or activity excluded',
  not_paid_abroad: 'Not paid abroad (export)',
  document_certification: 'Document certification',
  money_transfer: 'Money transfer',
  language: 'Language',
};

function newPart(kind: ReformPart['kind'], kb: KnowledgeBase, at: string): ReformPart {
  switch (kind) {
    case 'agreement':
      return {
        kind,
        parties: ['TH', 'KH'],
        provisions: {
          totalization: true,
          export: false,
          equalTreatment: true,
          administrativeAssistance: true,
        },
        branches: ['old_age', 'invalidity', 'survivors'],
        minOwnMonths: 12,
      };
    case 'lift': {
      const scheme = kb.jurisdictions
        .get('TH' as CountryCode)
        ?.schemes.find((s) => mainRule(kb, s.id, at));
      return { kind, country: 'TH', scheme: scheme?.id ?? '', lift: [] };
    }
    case 'parameter': {
      const first = [...(kb.jurisdictions.get('TH' as CountryCode)?.parameters.values() ?? [])][0];
      return {
        kind,
        country: 'TH',
        parameter: first?.id ?? '',
        value: first?.values.at(-1)?.value ?? 0,
      };
    }
  }
}

type Auth = { status: 'loading' } | { status: 'ready'; user: Me | null } | { status: 'error' };

function useAuth(): Auth {
  const [auth, setAuth] = useState<Auth>({ status: 'loading' });
  useEffect(() => {
    me().then(
      (user) => {
        setAuth({ status: 'ready', user });
      },
      () => {
        setAuth({ status: 'error' });
      },
    );
  }, []);
  return auth;
}

function Studio({ knowledge }: { readonly knowledge: Knowledge }) {
  const i18n = useI18n();
  const kb = knowledge.kb;
  const auth = useAuth();
  const countries: CountryOption[] = useMemo(
    () => countryOptions(kb, i18n).filter((c) => c.isFull),
    [kb, i18n],
  );
  // Countries without a package of their own (Gulf and East Asian destinations) by Intl's name.
  const regions = useMemo(() => new Intl.DisplayNames([i18n.intl.tag], { type: 'region' }), [i18n]);
  const name = (code: string) =>
    countries.find((c) => c.code === code)?.name ?? regions.of(code) ?? code;
  const number = useMemo(() => new Intl.NumberFormat(i18n.intl.tag), [i18n]);

  const [calibrated, setCalibrated] = useState<readonly CalibratedCorridor[] | null>(null);
  const [corridorError, setCorridorError] = useState<string | null>(null);
  useEffect(() => {
    calibratedCorridors().then(setCalibrated, (e: unknown) => {
      setCorridorError((e as Error).message);
    });
  }, []);
  const [corridors, setCorridors] = useState<ReadonlySet<string>>(new Set(['KH-TH']));
  const [at, setAt] = useState('2027-01');
  const [workers, setWorkers] = useState(20_000);
  const [seed, setSeed] = useState(1);

  const [example, setExample] = useState<string>('');
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState('2027-01');
  const [parts, setParts] = useState<readonly ReformPart[]>([]);
  const [format, setFormat] = useState<'yaml' | 'json'>('yaml');

  const reform: ReformInput | null = useMemo(() => {
    if (example !== '') return examples.find((e) => e.file === example)?.reform ?? null;
    return buildReform({ title, from, parts }, kb, window.location.origin);
  }, [example, title, from, parts, kb]);
  const preview =
    reform === null ? '' : format === 'yaml' ? reformYaml(reform) : JSON.stringify(reform, null, 2);

  const [run, setRun] = useState<Run | null>(null);
  const [rows, setRows] = useState<readonly IndicatorRow[] | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [isStarting, setIsStarting] = useState(false);
  const stopFollowing = useRef<(() => void) | null>(null);
  useEffect(() => () => stopFollowing.current?.(), []);

  const isActive = run !== null && (run.status === 'queued' || run.status === 'running');
  const user = auth.status === 'ready' ? auth.user : null;

  const start = async () => {
    if (reform === null) return;
    setError(null);
    setRows(null);
    setIsStarting(true);
    stopFollowing.current?.();
    try {
      const started = await startRun({
        at,
        corridors: [...corridors].map((k) => {
          const [origin = '', destination = ''] = k.split('-');
          return { origin, destination };
        }),
        population: { generate: workers, seed },
        reform,
      });
      setRun(started);
      stopFollowing.current = follow(started.id, (r) => {
        setRun(r);
        if (r.status === 'done')
          results(r.id).then(setRows, (e: unknown) => {
            setError(e as Error);
          });
      });
    } catch (e) {
      setError(e as Error);
    } finally {
      setIsStarting(false);
    }
  };

  const cancel = async () => {
    if (!run) return;
    try {
      setRun(await cancelRun(run.id));
    } catch (e) {
      setError(e as Error);
    }
  };

  const updatePart = (i: number, part: ReformPart) => {
    setParts(parts.map((p, j) => (j === i ? part : p)));
  };

  return (
    <div className="studio">
      <div className="studio-form no-print">
        {auth.status === 'ready' && user === null ? (
          <div className="notice" role="note" data-testid="sign-in-notice">
            <p>
              <strong>Sign in to run simulations.</strong> A run takes the server minutes of work,
              so it is open to signed-in members, partners and the secretariat. You can build a
              reform without signing in.
            </p>
            <p>
              <a className="button button--primary" href="/sign-in?next=/studio">
                Sign in
              </a>
            </p>
          </div>
        ) : null}

        <section aria-labelledby="studio-where">
          <h2 id="studio-where">1. Corridors, date and population</h2>
          <fieldset className="studio-checks studio-corridors">
            <legend>
              Corridors (workers are generated in these, in proportion to their stocks)
            </legend>
            {corridorError ? (
              <p className="field__error" role="alert">
                Cannot load the corridors: {corridorError}
              </p>
            ) : calibrated === null ? (
              <p className="status" role="status">
                Loading the corridors…
              </p>
            ) : (
              calibrated.map((c) => {
                const key = `${c.origin}-${c.destination}`;
                return (
                  <label key={key} className="studio-check">
                    <input
                      type="checkbox"
                      name="corridor"
                      value={key}
                      checked={corridors.has(key)}
                      onChange={(e) => {
                        const next = new Set(corridors);
                        if (e.target.checked) next.add(key);
                        else next.delete(key);
                        setCorridors(next);
                      }}
                    />{' '}
                    {name(c.origin)} → {name(c.destination)}{' '}
                    <span className="muted">
                      ({number.format(c.stock)}
                      {c.is_estimate ? ', estimate' : ''})
                    </span>
                  </label>
                );
              })
            )}
            <p className="field__hint">No corridor chosen: every corridor.</p>
          </fieldset>
          <div className="studio-row">
            <div className="field">
              <label htmlFor="studio-at">Date of the law (month)</label>
              <input
                id="studio-at"
                type="month"
                value={at}
                onChange={(e) => {
                  setAt(e.target.value);
                }}
              />
            </div>
            <div className="field">
              <label htmlFor="studio-workers">Workers to generate</label>
              <input
                id="studio-workers"
                type="number"
                min={1000}
                max={2_000_000}
                step={1000}
                value={workers}
                onChange={(e) => {
                  setWorkers(Number(e.target.value));
                }}
              />
            </div>
            <div className="field">
              <label htmlFor="studio-seed">Seed</label>
              <input
                id="studio-seed"
                type="number"
                min={0}
                value={seed}
                onChange={(e) => {
                  setSeed(Number(e.target.value));
                }}
              />
            </div>
          </div>
        </section>

        <section aria-labelledby="studio-reform">
          <h2 id="studio-reform">2. The reform</h2>
          <div className="field">
            <label htmlFor="studio-example">Start from</label>
            <select
              id="studio-example"
              value={example}
              onChange={(e) => {
                setExample(e.target.value);
              }}
            >
              <option value="">A reform built from parts (below)</option>
              {examples.map((e) => (
                <option key={e.file} value={e.file}>
                  {e.reform.title}
                </option>
              ))}
            </select>
          </div>
          {example === '' ? (
            <>
              <div className="studio-row">
                <div className="field">
                  <label htmlFor="studio-reform-title">Title</label>
                  <input
                    id="studio-reform-title"
                    type="text"
                    value={title}
                    placeholder="A reform drafted in the studio"
                    onChange={(e) => {
                      setTitle(e.target.value);
                    }}
                  />
                </div>
                <div className="field">
                  <label htmlFor="studio-from">In force from (month)</label>
                  <input
                    id="studio-from"
                    type="month"
                    value={from}
                    onChange={(e) => {
                      setFrom(e.target.value);
                    }}
                  />
                </div>
              </div>
              {parts.map((part, i) => (
                <div key={i} className="studio-part-wrap">
                  {part.kind === 'agreement' ? (
                    <AgreementEditor
                      id={`part-${i}`}
                      part={part}
                      countries={countries}
                      onChange={(p) => {
                        updatePart(i, p);
                      }}
                    />
                  ) : part.kind === 'lift' ? (
                    <LiftEditor
                      id={`part-${i}`}
                      part={part}
                      kb={kb}
                      at={from}
                      countries={countries}
                      onChange={(p) => {
                        updatePart(i, p);
                      }}
                    />
                  ) : (
                    <ParameterEditor
                      id={`part-${i}`}
                      part={part}
                      kb={kb}
                      at={from}
                      countries={countries}
                      onChange={(p) => {
                        updatePart(i, p);
                      }}
                    />
                  )}
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => {
                      setParts(parts.filter((_, j) => j !== i));
                    }}
                  >
                    Remove this part
                  </button>
                </div>
              ))}
              <div className="studio-add" role="group" aria-label="Add a part">
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setParts([...parts, newPart('agreement', kb, from)]);
                  }}
                >
                  + Add an agreement
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setParts([...parts, newPart('lift', kb, from)]);
                  }}
                >
                  + Lift an exclusion
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setParts([...parts, newPart('parameter', kb, from)]);
                  }}
                >
                  + Change a parameter
                </button>
              </div>
            </>
          ) : null}
          <details className="studio-preview" open>
            <summary>The reform as data</summary>
            <div role="group" aria-label="Format" className="studio-add">
              {(['yaml', 'json'] as const).map((f) => (
                <button
                  key={f}
                  type="button"
                  className="button studio-toggle"
                  aria-pressed={format === f}
                  onClick={() => {
                    setFormat(f);
                  }}
                >
                  {f.toUpperCase()}
                </button>
              ))}
            </div>
            {reform === null ? (
              <p className="muted">Add a part (or choose a ready-made reform) to see it here.</p>
            ) : (
              <pre className="studio-code" data-testid="reform-preview" tabIndex={0}>
                {preview}
              </pre>
            )}
          </details>
        </section>

        <section aria-labelledby="studio-run">
          <h2 id="studio-run">3. Run</h2>
          <div className="studio-add">
            <button
              type="button"
              className="button button--primary"
              disabled={reform === null || user === null || isActive || isStarting}
              onClick={() => {
                void start();
              }}
            >
              Run the simulation
            </button>
            {isActive ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  void cancel();
                }}
              >
                Cancel
              </button>
            ) : null}
          </div>
          {error ? <ErrorNotice error={error} /> : null}
          {run ? <Progress run={run} locale={i18n.intl.tag} /> : null}
        </section>
      </div>

      {run?.status === 'done' && run.summary && rows ? (
        <Results run={run} rows={rows} name={name} locale={i18n.intl.tag} />
      ) : null}
    </div>
  );
}

function ErrorNotice({ error }: { readonly error: Error }) {
  return (
    <div className="notice notice--error" role="alert">
      <p>{error.message}</p>
      {error instanceof ApiError && error.fields.length > 0 ? (
        <ul>
          {error.fields.map((f) => (
            <li key={f.path}>
              <code>{f.path}</code>: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Progress({ run, locale }: { readonly run: Run; readonly locale: string }) {
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const { done, total, rate, eta } = run.progress;
  const label =
    run.status === 'queued'
      ? `Waiting for the server (place ${run.queue_position ?? '?'} in the queue)`
      : run.status === 'running'
        ? `${n.format(done)} of ${n.format(total)} workers${rate > 0 ? ` · ${n.format(rate)} a second` : ''}${eta !== null ? ` · about ${n.format(Math.ceil(eta))} s left` : ''}`
        : run.status === 'done'
          ? `Done: ${n.format(done)} workers`
          : run.status === 'cancelled'
            ? `Cancelled after ${n.format(done)} of ${n.format(total)} workers`
            : `Failed: ${run.error ?? 'unknown error'}`;
  return (
    <div className="studio-progress" data-testid="run-progress" data-status={run.status}>
      <progress max={total} value={done} aria-label="Workers evaluated" />
      <p role="status" aria-live="polite">
        {label}
      </p>
      {run.notes.map((note) => (
        <p key={note} className="notice">
          {note}
        </p>
      ))}
    </div>
  );
}

function Results({
  run,
  rows,
  name,
  locale,
}: {
  readonly run: Run;
  readonly rows: readonly IndicatorRow[];
  readonly name: (code: string) => string;
  readonly locale: string;
}) {
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const all = rows.filter((r) => r.dimension === 'all');
  const get = (indicator: string, detail = '') =>
    all.find((r) => r.indicator === indicator && r.detail === detail);
  const corridorRows = rows.filter(
    (r) => r.dimension === 'corridor' && r.indicator === 'receives_any_benefit',
  );
  const corridorLabel = (group: string) => {
    const [o = '', d = ''] = group.split('-');
    return o === d ? `${name(o)} (at home)` : `${name(o)} → ${name(d)}`;
  };
  const byCorridor = corridorRows
    .filter((r) => r.workers > 0)
    .sort((a, b) => b.workers - a.workers)
    .slice(0, 15)
    .map((r) => ({ label: corridorLabel(r.group), baseline: r.baseline, reform: r.reform }));
  const byBranch = BRANCH_ORDER.map((b) => get('receives_benefit', b))
    .filter((r): r is IndicatorRow => r !== undefined && (r.baseline > 0 || r.reform > 0))
    .map((r) => ({ label: r.detail.replaceAll('_', ' '), baseline: r.baseline, reform: r.reform }));
  const notPayable = BRANCH_ORDER.map((b) => get('not_payable_at_home', b))
    .filter((r): r is IndicatorRow => r !== undefined && (r.baseline > 0 || r.reform > 0))
    .map((r) => ({ label: r.detail.replaceAll('_', ' '), baseline: r.baseline, reform: r.reform }));
  const byBarrier = all
    .filter((r) => r.indicator === 'gainers_by_barrier_removed' && r.reform > 0)
    .sort((a, b) => b.reform - a.reform)
    .map((r) => ({ label: BARRIER_NAMES[r.detail] ?? r.detail, value: r.reform }));
  const gainers = get('gainers')?.reform ?? 0;
  const losers = get('losers')?.reform ?? 0;
  const lost = get('months_lost_no_totalization');
  const summary = run.summary;
  const gains = rows
    .filter((r) => r.dimension === 'corridor' && r.indicator === 'gainers')
    .sort((a, b) => b.workers - a.workers)
    .map((r) => {
      const [origin = '', destination = ''] = r.group.split('-');
      return {
        origin,
        destination,
        originName: name(origin),
        destinationName: name(destination),
        workers: r.workers,
        gainers: r.reform,
      };
    });
  return (
    <section
      className="studio-results"
      aria-labelledby="studio-results-title"
      data-testid="results"
    >
      <h2 id="studio-results-title">Brief: {run.request.reform?.title ?? 'the law as it is'}</h2>
      <p className="lead">
        {n.format(summary?.workers ?? 0)} synthetic workers standing for{' '}
        {n.format(summary?.stands_for ?? 0)} migrant workers
        {run.request.corridors.length > 0
          ? ` in ${run.request.corridors.map((c) => corridorLabel(`${c.origin}-${c.destination}`)).join(', ')}`
          : ' in every calibrated corridor'}
        , under the law of {run.request.at}
        {run.request.reform ? ` with the reform (in force from ${run.request.reform.from})` : ''}.
      </p>
      <ul className="studio-headline" data-testid="headline">
        <li>
          <strong data-testid="gainers">{(gainers * 100).toFixed(1)}%</strong> of workers gain
        </li>
        <li>
          <strong>{(losers * 100).toFixed(1)}%</strong> lose
        </li>
        {lost ? (
          <li>
            Insured months lost for lack of totalization:{' '}
            <strong>
              {lost.baseline.toFixed(1)} → {lost.reform.toFixed(1)}
            </strong>{' '}
            on average
          </li>
        ) : null}
      </ul>
      <div className="studio-actions no-print">
        <a
          className="button button--secondary"
          href={`/api/simulations/${run.id}/results.csv`}
          download
        >
          Download CSV
        </a>
        <a
          className="button button--secondary"
          href={`/api/simulations/${run.id}/results.json`}
          download
        >
          Download JSON
        </a>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            window.print();
          }}
        >
          Print the brief
        </button>
      </div>
      <BeforeAfterChart
        id="chart-corridors"
        title="Would receive at least one benefit, by corridor (before and after)"
        rows={byCorridor}
      />
      <BeforeAfterChart
        id="chart-branches"
        title="Would receive the benefit if the risk happened now, by branch (all workers)"
        rows={byBranch}
      />
      {notPayable.length > 0 ? (
        <BeforeAfterChart
          id="chart-not-payable"
          title="Entitled but not payable at home, by branch"
          rows={notPayable}
        />
      ) : null}
      {byBarrier.length > 0 ? (
        <BarChart id="chart-barriers" title="Who gains, by barrier removed" rows={byBarrier} />
      ) : (
        <p>No worker gains by the removal of a barrier.</p>
      )}
      <StudioCorridorMap corridors={gains} locale={locale} />
      <p className="muted">
        Synthetic population calibrated to published statistics (docs/simulation.md); every month
        the law covers counts as insured. {summary?.path}
      </p>
    </section>
  );
}

export default function StudioPage() {
  return (
    <section aria-labelledby="studio-title">
      <h1 id="studio-title">Simulation studio</h1>
      <p className="lead no-print">
        What would an agreement or a change in the law do for migrant workers? Build a reform, run
        it over a synthetic population, and see who gains.
      </p>
      <KnowledgeGate>{(knowledge) => <Studio knowledge={knowledge} />}</KnowledgeGate>
    </section>
  );
}
