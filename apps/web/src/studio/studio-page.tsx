// The simulation studio (/studio): choose a population (generated in chosen corridors, or a file
// of one's own) and a date, build a reform from parts or start from a ready-made one, run it on the
// server with live progress, read the charts, export the results and print a brief. Running needs
// a signed-in account (it costs the server minutes of CPU).
import type { CountryCode, KnowledgeBase, ReformInput } from '@tulay/engine';
import { useEffect, useMemo, useRef, useState } from 'react';
import examples from 'virtual:tulay/example-reforms';
import type { I18n } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { CountryOption } from '../ui/country-select.tsx';
import { countryOptions } from '../ui/country-select.tsx';
import { KnowledgeGate } from '../ui/knowledge-gate.tsx';
import type { CalibratedCorridor, IndicatorRow, Me, Run } from './api.ts';
import {
  ApiError,
  EXAMPLE_POPULATION_URL,
  calibratedCorridors,
  cancelRun,
  follow,
  me,
  results,
  startRun,
  startUploadRun,
} from './api.ts';
import { BarChart, BeforeAfterChart } from './charts.tsx';
import { Emphasis, codeName, isMessageKey, studioFormats } from './format.tsx';
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
  const { t } = i18n;
  const kb = knowledge.kb;
  const auth = useAuth();
  const countries: CountryOption[] = useMemo(
    () => countryOptions(kb, i18n).filter((c) => c.isFull),
    [kb, i18n],
  );
  // Countries without a package of their own (Gulf and East Asian destinations) by their CLDR name.
  const name = (code: string) => countries.find((c) => c.code === code)?.name ?? i18n.country(code);
  const { whole } = studioFormats(i18n.intl.tag);

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
  const [source, setSource] = useState<'generate' | 'file'>('generate');
  const [file, setFile] = useState<File | null>(null);

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
  // What the server found wrong with the file (its type, size, columns or rows) goes by the field.
  const fileProblems = source === 'file' ? populationProblems(error) : [];

  const start = async () => {
    if (reform === null) return;
    setError(null);
    setRows(null);
    setIsStarting(true);
    stopFollowing.current?.();
    try {
      const started =
        source === 'file'
          ? await startUploadRun(file ?? new Blob(), { at, reform })
          : await startRun({
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
      // The last run's progress would read as this one's.
      setRun(null);
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
              <strong>{t('studio.signIn.title')}</strong> {t('studio.signIn.body')}
            </p>
            <p>
              <a className="button button--primary" href="/sign-in?next=/studio">
                {t('studio.signIn.link')}
              </a>
            </p>
          </div>
        ) : null}

        <section aria-labelledby="studio-where">
          <h2 id="studio-where">{t('studio.where.heading')}</h2>
          <fieldset className="studio-checks">
            <legend>{t('studio.population.legend')}</legend>
            {(['generate', 'file'] as const).map((s) => (
              <label key={s} className="studio-check">
                <input
                  type="radio"
                  name="population-source"
                  value={s}
                  checked={source === s}
                  onChange={() => {
                    setSource(s);
                    setError(null);
                  }}
                />{' '}
                {t(s === 'generate' ? 'studio.population.generate' : 'studio.population.file')}
              </label>
            ))}
          </fieldset>
          {/* Hidden rather than unmounted: the chosen file stays chosen, and shown, across a switch. */}
          <div
            className={`field${fileProblems.length > 0 ? ' field--invalid' : ''}`}
            hidden={source !== 'file'}
          >
            <label htmlFor="studio-file">{t('studio.file.label')}</label>
            <p className="field__hint" id="studio-file-hint">
              {t('studio.file.hint')}
            </p>
            <p className="field__hint">
              {t('studio.file.private')}{' '}
              <a href={EXAMPLE_POPULATION_URL} download>
                {t('studio.file.example')}
              </a>
            </p>
            <input
              id="studio-file"
              type="file"
              accept=".csv,.parquet"
              aria-describedby={
                fileProblems.length > 0 ? 'studio-file-hint studio-file-errors' : 'studio-file-hint'
              }
              aria-invalid={fileProblems.length > 0}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setError(null);
              }}
            />
            {fileProblems.length > 0 ? (
              <div id="studio-file-errors" className="field__error" data-testid="file-problems">
                <p>{t('studio.file.problems', { count: fileProblems.length })}</p>
                <ul>
                  {fileProblems.map((f, i) => (
                    <li key={`${i}-${f.path}`}>
                      <FileProblem path={f.path} message={f.message} />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
          <fieldset className="studio-checks studio-corridors" hidden={source === 'file'}>
            <legend>{t('studio.corridors.legend')}</legend>
            {corridorError ? (
              <p className="field__error" role="alert">
                {t('studio.corridors.error', { error: corridorError })}
              </p>
            ) : calibrated === null ? (
              <p className="status" role="status">
                {t('studio.corridors.loading')}
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
                    {t('studio.corridor', {
                      origin: name(c.origin),
                      destination: name(c.destination),
                    })}{' '}
                    <span className="muted">
                      {t('studio.corridors.stock', {
                        stock: whole(c.stock),
                        estimate: c.is_estimate ? 'yes' : 'no',
                      })}
                    </span>
                  </label>
                );
              })
            )}
            <p className="field__hint">{t('studio.corridors.none')}</p>
          </fieldset>
          <div className="studio-row">
            <div className="field">
              <label htmlFor="studio-at">{t('studio.at')}</label>
              <input
                id="studio-at"
                type="month"
                value={at}
                onChange={(e) => {
                  setAt(e.target.value);
                }}
              />
            </div>
            <div className="field" hidden={source === 'file'}>
              <label htmlFor="studio-workers">{t('studio.workers')}</label>
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
            <div className="field" hidden={source === 'file'}>
              <label htmlFor="studio-seed">{t('studio.seed')}</label>
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
          <h2 id="studio-reform">{t('studio.reform.heading')}</h2>
          <div className="field">
            <label htmlFor="studio-example">{t('studio.example')}</label>
            <select
              id="studio-example"
              value={example}
              onChange={(e) => {
                setExample(e.target.value);
              }}
            >
              <option value="">{t('studio.example.parts')}</option>
              {examples.map((e) => (
                <option key={e.file} value={e.file} lang="en">
                  {e.reform.title}
                </option>
              ))}
            </select>
          </div>
          {example === '' ? (
            <>
              <div className="studio-row">
                <div className="field">
                  <label htmlFor="studio-reform-title">{t('studio.reform.title')}</label>
                  <input
                    id="studio-reform-title"
                    type="text"
                    value={title}
                    placeholder={t('studio.reform.titlePlaceholder')}
                    onChange={(e) => {
                      setTitle(e.target.value);
                    }}
                  />
                </div>
                <div className="field">
                  <label htmlFor="studio-from">{t('studio.reform.from')}</label>
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
                    {t('studio.part.remove')}
                  </button>
                </div>
              ))}
              <div className="studio-add" role="group" aria-label={t('studio.part.add')}>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setParts([...parts, newPart('agreement', kb, from)]);
                  }}
                >
                  {t('studio.part.addAgreement')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setParts([...parts, newPart('lift', kb, from)]);
                  }}
                >
                  {t('studio.part.addLift')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setParts([...parts, newPart('parameter', kb, from)]);
                  }}
                >
                  {t('studio.part.addParameter')}
                </button>
              </div>
            </>
          ) : null}
          <details className="studio-preview" open>
            <summary>{t('studio.preview.summary')}</summary>
            <div role="group" aria-label={t('studio.preview.format')} className="studio-add">
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
              <p className="muted">{t('studio.preview.empty')}</p>
            ) : (
              <pre className="studio-code" data-testid="reform-preview" tabIndex={0}>
                {preview}
              </pre>
            )}
          </details>
        </section>

        <section aria-labelledby="studio-run">
          <h2 id="studio-run">{t('studio.run.heading')}</h2>
          <div className="studio-add">
            <button
              type="button"
              className="button button--primary"
              disabled={
                reform === null ||
                user === null ||
                isActive ||
                isStarting ||
                (source === 'file' && file === null)
              }
              onClick={() => {
                void start();
              }}
            >
              {t('studio.run.start')}
            </button>
            {isActive ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  void cancel();
                }}
              >
                {t('studio.run.cancel')}
              </button>
            ) : null}
          </div>
          {error ? <ErrorNotice error={error} isAtTheFile={fileProblems.length > 0} /> : null}
          {run ? <Progress run={run} /> : null}
        </section>
      </div>

      {run?.status === 'done' && run.summary && rows ? (
        <Results run={run} rows={rows} name={name} />
      ) : null}
    </div>
  );
}

/** An error in the user's words; what the server said is shown too when there is no such words. */
function errorText(
  t: I18n['t'],
  error: Error,
): { readonly text: string; readonly isKnown: boolean } {
  if (error instanceof ApiError) {
    const key = `studio.error.${error.code}`;
    if (isMessageKey(key)) return { text: t(key), isKnown: true };
  }
  // fetch rejects with a TypeError when the server cannot be reached.
  else if (error instanceof TypeError) return { text: t('studio.error.network'), isKnown: true };
  return { text: t('studio.error.title'), isKnown: false };
}

/** The problems the server found with a population file, by their field `population…`. */
function populationProblems(
  error: Error | null,
): readonly { readonly path: string; readonly message: string }[] {
  if (!(error instanceof ApiError)) return [];
  return error.fields.filter((f) => f.path === 'population' || f.path.startsWith('population.'));
}

/** A problem in the file in plain words: where (row and column) in the user's language, then what. */
function FileProblem({ path, message }: { readonly path: string; readonly message: string }) {
  const { t } = useI18n();
  const row = /^population\.rows\.(\d+)\.(.+)$/.exec(path);
  const column = /^population\.header\.(.+)$/.exec(path);
  const where = row
    ? t('studio.file.problem.row', { row: Number(row[1]), column: row[2] ?? '' })
    : column
      ? t('studio.file.problem.column', { column: column[1] ?? '' })
      : t('studio.file.problem.file');
  return (
    <>
      {where} <span lang="en">{message}</span>
    </>
  );
}

function ErrorNotice({
  error,
  isAtTheFile,
}: {
  readonly error: Error;
  /** The problems are listed by the file field: say so rather than list them twice. */
  readonly isAtTheFile: boolean;
}) {
  const { t } = useI18n();
  if (isAtTheFile)
    return (
      <div className="notice notice--error" role="alert">
        <p>{t('studio.error.population')}</p>
      </div>
    );
  const { text, isKnown } = errorText(t, error);
  return (
    <div className="notice notice--error" role="alert">
      <p>{text}</p>
      {isKnown ? null : <p>{t('studio.error.serverSaid', { message: error.message })}</p>}
      {error instanceof ApiError && error.fields.length > 0 ? (
        <ul>
          {error.fields.map((f) => (
            <li key={f.path}>
              <code>{f.path}</code>: <span lang="en">{f.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function progressLabel(i18n: I18n, run: Run): string {
  const { t } = i18n;
  const { whole } = studioFormats(i18n.intl.tag);
  const { done, total, rate, eta } = run.progress;
  switch (run.status) {
    case 'queued':
      return run.queue_position === null
        ? t('studio.progress.queuedUnknown')
        : t('studio.progress.queued', { position: whole(run.queue_position) });
    case 'running': {
      const parts = [
        t('studio.progress.running', { done: whole(done), total, totalText: whole(total) }),
      ];
      if (rate > 0) parts.push(t('studio.progress.rate', { rate: whole(rate) }));
      if (eta !== null) {
        const seconds = Math.ceil(eta);
        parts.push(t('studio.progress.eta', { seconds, secondsText: whole(seconds) }));
      }
      return parts.join(' · ');
    }
    case 'done':
      return t('studio.progress.done', { workers: done, workersText: whole(done) });
    case 'cancelled':
      return t('studio.progress.cancelled', { done: whole(done), total, totalText: whole(total) });
    case 'failed':
      return t('studio.progress.failed', {
        error: run.error ?? t('studio.progress.unknownError'),
      });
  }
}

function Progress({ run }: { readonly run: Run }) {
  const i18n = useI18n();
  const { done, total } = run.progress;
  return (
    <div className="studio-progress" data-testid="run-progress" data-status={run.status}>
      <progress max={total} value={done} aria-label={i18n.t('studio.progress.label')} />
      <p role="status" aria-live="polite">
        {progressLabel(i18n, run)}
      </p>
      {run.notes.map((note) => (
        // The server's notes are in English.
        <p key={note} className="notice" lang="en">
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
}: {
  readonly run: Run;
  readonly rows: readonly IndicatorRow[];
  readonly name: (code: string) => string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { pct, whole, oneDecimal } = studioFormats(i18n.intl.tag);
  const all = rows.filter((r) => r.dimension === 'all');
  const get = (indicator: string, detail = '') =>
    all.find((r) => r.indicator === indicator && r.detail === detail);
  const corridorRows = rows.filter(
    (r) => r.dimension === 'corridor' && r.indicator === 'receives_any_benefit',
  );
  const corridorLabel = (group: string) => {
    const [o = '', d = ''] = group.split('-');
    return o === d
      ? t('studio.corridor.atHome', { country: name(o) })
      : t('studio.corridor', { origin: name(o), destination: name(d) });
  };
  const byCorridor = corridorRows
    .filter((r) => r.workers > 0)
    .sort((a, b) => b.workers - a.workers)
    .slice(0, 15)
    .map((r) => ({ label: corridorLabel(r.group), baseline: r.baseline, reform: r.reform }));
  const byBranch = BRANCH_ORDER.map((b) => get('receives_benefit', b))
    .filter((r): r is IndicatorRow => r !== undefined && (r.baseline > 0 || r.reform > 0))
    .map((r) => ({
      label: codeName(i18n, 'branch', r.detail),
      baseline: r.baseline,
      reform: r.reform,
    }));
  const notPayable = BRANCH_ORDER.map((b) => get('not_payable_at_home', b))
    .filter((r): r is IndicatorRow => r !== undefined && (r.baseline > 0 || r.reform > 0))
    .map((r) => ({
      label: codeName(i18n, 'branch', r.detail),
      baseline: r.baseline,
      reform: r.reform,
    }));
  const byBarrier = all
    .filter((r) => r.indicator === 'gainers_by_barrier_removed' && r.reform > 0)
    .sort((a, b) => b.reform - a.reform)
    .map((r) => ({ label: codeName(i18n, 'studio.barrier', r.detail), value: r.reform }));
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
  const workers = summary?.workers ?? 0;
  const standsFor = summary?.stands_for ?? 0;
  const reform = run.request.reform;
  return (
    <section
      className="studio-results"
      aria-labelledby="studio-results-title"
      data-testid="results"
    >
      <h2 id="studio-results-title">
        {t('studio.results.title', { title: reform?.title ?? t('studio.results.noReform') })}
      </h2>
      <p className="lead">
        {summary?.population === 'uploaded'
          ? t('studio.results.uploaded', {
              workers,
              workersText: whole(workers),
              standsFor,
              standsForText: whole(standsFor),
              at: i18n.month(run.request.at),
            })
          : t('studio.results.population', {
              workers,
              workersText: whole(workers),
              standsFor,
              standsForText: whole(standsFor),
              scope: run.request.corridors.length > 0 ? 'some' : 'every',
              corridors: i18n.list(
                run.request.corridors.map((c) => corridorLabel(`${c.origin}-${c.destination}`)),
              ),
              at: i18n.month(run.request.at),
            })}
        {reform ? ` ${t('studio.results.reformFrom', { from: i18n.month(reform.from) })}` : ''}
      </p>
      <ul className="studio-headline" data-testid="headline">
        <li>
          <Emphasis
            i18n={i18n}
            id="studio.results.gainers"
            name="share"
            value={pct(gainers)}
            testId="gainers"
          />
        </li>
        <li>
          <Emphasis i18n={i18n} id="studio.results.losers" name="share" value={pct(losers)} />
        </li>
        {lost ? (
          <li>
            <Emphasis
              i18n={i18n}
              id="studio.results.monthsLost"
              name="change"
              value={t('studio.results.monthsChange', {
                before: oneDecimal(lost.baseline),
                after: oneDecimal(lost.reform),
              })}
            />
          </li>
        ) : null}
      </ul>
      <div className="studio-actions no-print">
        <a
          className="button button--secondary"
          href={`/api/simulations/${run.id}/results.csv`}
          download
        >
          {t('studio.results.csv')}
        </a>
        <a
          className="button button--secondary"
          href={`/api/simulations/${run.id}/results.json`}
          download
        >
          {t('studio.results.json')}
        </a>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            window.print();
          }}
        >
          {t('studio.results.print')}
        </button>
      </div>
      <BeforeAfterChart
        id="chart-corridors"
        title={t('studio.chart.corridors')}
        rows={byCorridor}
      />
      <BeforeAfterChart id="chart-branches" title={t('studio.chart.branches')} rows={byBranch} />
      {notPayable.length > 0 ? (
        <BeforeAfterChart
          id="chart-not-payable"
          title={t('studio.chart.notPayable')}
          rows={notPayable}
        />
      ) : null}
      {byBarrier.length > 0 ? (
        <BarChart id="chart-barriers" title={t('studio.chart.barriers')} rows={byBarrier} />
      ) : (
        <p>{t('studio.results.noBarrier')}</p>
      )}
      <StudioCorridorMap corridors={gains} />
      <p className="muted">
        {t(
          summary?.population === 'uploaded'
            ? 'studio.results.methodUploaded'
            : 'studio.results.method',
        )}{' '}
        {summary?.path}
      </p>
    </section>
  );
}

export default function StudioPage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="studio-title">
      <h1 id="studio-title">{t('studio.title')}</h1>
      <p className="lead no-print">{t('studio.lead')}</p>
      <KnowledgeGate>{(knowledge) => <Studio knowledge={knowledge} />}</KnowledgeGate>
    </section>
  );
}
