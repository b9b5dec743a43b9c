// A strategy workshop as whoever may see it reads it (/caucus/workshops/:id): the matrix of the
// groups' answers to the questions, the priorities, and per area for action the priorities that
// fed it and how many participants picked each (counts once the workshop closes). A participant
// picks their top three here while it is open for picking (workshop-picks.tsx). The API decides
// what the viewer sees; the page shows what it is given.
import type { CSSProperties } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import type { Programme } from './api.ts';
import type {
  PriorityView,
  WorkshopDetail,
  WorkshopResults,
  WorkshopSource,
} from './workshop-model.ts';
import { answerOrigin, resultsView, workshopNames } from './workshop-model.ts';
import { MyPicks } from './workshop-picks.tsx';
import { WorkshopList, WorkshopNames, WorkshopStatusTag } from './workshop-ui.tsx';
import { isSecretariat, useSession } from './session.ts';
import { Loading, VisibilityTag, partialDate, useApi, useTitle } from './ui.tsx';
import './workshop.css';

/** Every workshop the viewer may see (/caucus/workshops). */
export function WorkshopsPage() {
  const { t } = useI18n();
  useTitle(t('caucus.workshops.title'));
  return (
    <section>
      <h1>{t('caucus.workshops.title')}</h1>
      <WorkshopList headingLevel={3} />
    </section>
  );
}

/** Where the workshop's facts come from, when it says: the founding report's section. */
function SourceLine({ source }: { readonly source: WorkshopSource | undefined }) {
  const { t } = useI18n();
  if (!source?.section) return null;
  return (
    <p className="muted">
      {t('caucus.work.reportSection')} <span lang="en">{source.section}</span>
    </p>
  );
}

/**
 * The matrix: one block per group with its answer to each question. On a phone the blocks are
 * stacked, each answer under its question; on a wide screen they stand side by side as the
 * matrix's columns, the questions on the left (the rows line up, CSS subgrid).
 */
function WorkshopMatrix({ results }: { readonly results: WorkshopResults }) {
  const { t } = useI18n();
  const { questions, rows } = results.matrix;
  if (rows.length === 0) return <p>{t('caucus.workshop.noGroups')}</p>;
  if (questions.length === 0) return <p>{t('caucus.workshop.noQuestions')}</p>;
  const size = {
    '--workshop-groups': String(rows.length),
    '--workshop-questions': String(questions.length),
    '--workshop-rows': String(questions.length + 1),
  } as CSSProperties;
  return (
    <div className="workshop-matrix-frame">
      <div className="workshop-matrix" style={size} data-testid="workshop-matrix">
        {/* The questions as the wide matrix's first column; each group's cells name them too. */}
        <div className="workshop-matrix__questions" aria-hidden="true">
          <p className="workshop-matrix__corner">{t('caucus.workshop.questions')}</p>
          {questions.map((q, i) => (
            <p key={q.id} className="workshop-matrix__question">
              <span className="workshop-matrix__n">{i + 1}.</span> <span lang="en">{q.text}</span>
            </p>
          ))}
        </div>
        {rows.map(({ group, cells }) => (
          <section
            key={group.id}
            className="workshop-group"
            aria-labelledby={`group-${group.id}`}
            data-testid={`group-${group.id}`}
          >
            <div className="workshop-group__head">
              <h3 id={`group-${group.id}`} lang="en">
                {group.name}
              </h3>
              {group.members.length > 0 ? (
                <p className="muted">
                  {t('caucus.workshop.members', {
                    names: group.members.map((m) => m.name).join(', '),
                  })}
                </p>
              ) : null}
            </div>
            <dl className="workshop-group__cells">
              {cells.map((cell, i) => {
                const question = questions.find((q) => q.id === cell.question_id);
                return (
                  <div key={cell.question_id} className="workshop-cell">
                    <dt>
                      {t('caucus.workshop.questionN', { n: i + 1 })}:{' '}
                      <span lang="en">{question?.text ?? ''}</span>
                    </dt>
                    <dd>
                      {cell.answers.length === 0 ? (
                        <span className="workshop-cell__empty">
                          {t('caucus.workshop.noAnswer')}
                        </span>
                      ) : (
                        <ul lang="en">
                          {cell.answers.map((a) => (
                            <li key={a.id}>{a.text}</li>
                          ))}
                        </ul>
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        ))}
      </div>
    </div>
  );
}

/** The notes the record keeps on what it does not hold (the founding report's missing appendix). */
function RecordNotes({ notes }: { readonly notes: readonly (string | undefined)[] }) {
  const shown = [...new Set(notes.filter((n): n is string => n !== undefined && n !== ''))];
  if (shown.length === 0) return null;
  return (
    <div className="notice workshop-notes" lang="en">
      {shown.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </div>
  );
}

/** A priority's counts in words, with a bar of its share of those who picked. */
function PriorityCounts({ p }: { readonly p: PriorityView }) {
  const { t } = useI18n();
  if (p.picks === null) return null;
  return (
    <>
      <span className="workshop-count">
        {t('caucus.workshop.priorityCount', {
          picks: p.picks,
          first: p.firstChoices ?? 0,
        })}
        {p.points !== null ? (
          <span className="muted"> · {t('caucus.workshop.points', { points: p.points })}</span>
        ) : null}
      </span>
      {p.share !== null ? (
        <span className="workshop-bar" aria-hidden="true">
          <span style={{ width: `${Math.round(p.share * 100)}%` }} />
        </span>
      ) : null}
    </>
  );
}

function PriorityItems({
  priorities,
  detail,
}: {
  readonly priorities: readonly PriorityView[];
  readonly detail: WorkshopDetail;
}) {
  const { t } = useI18n();
  return (
    <ul className="workshop-priorities">
      {priorities.map((p) => {
        const origin = answerOrigin(detail, p.answerId);
        return (
          <li key={p.id} data-testid={`result-${p.id}`}>
            <span lang="en">{p.text}</span>
            {origin ? (
              <span className="muted workshop-origin">
                {t('caucus.workshop.fromAnswer', { group: origin.group, n: origin.question })}
              </span>
            ) : null}
            <PriorityCounts p={p} />
          </li>
        );
      })}
    </ul>
  );
}

/** Per area for action, the priorities that fed it and how many picked each. */
function WorkshopAreas({
  results,
  detail,
}: {
  readonly results: WorkshopResults;
  readonly detail: WorkshopDetail;
}) {
  const { t } = useI18n();
  const view = resultsView(results);
  const { weights } = results.tally;
  return (
    <>
      <div className={view.state === 'published' ? '' : 'notice'} data-testid="workshop-tally">
        <p>
          {view.state === 'published'
            ? t('caucus.workshop.tally.published', { count: view.participantsWhoPicked ?? 0 })
            : view.state === 'until_closed'
              ? t('caucus.workshop.tally.until_closed')
              : t('caucus.workshop.tally.not_recorded')}
        </p>
        {results.workshop.picks_note ? (
          // What the record itself says of its picks (the founding report's), in its words.
          <p className="notice__detail" lang="en">
            {results.workshop.picks_note}
          </p>
        ) : null}
      </div>
      {view.state === 'published' ? (
        <p className="muted">
          {t('caucus.workshop.pointsNote', {
            first: weights.rank_1,
            second: weights.rank_2,
            third: weights.rank_3,
          })}
        </p>
      ) : null}
      {view.areas.length === 0 ? (
        <p>{t('caucus.workshop.noAreas')}</p>
      ) : (
        <ol className="card-list card-list--single workshop-areas" data-testid="workshop-areas">
          {view.areas.map((a, i) => (
            <li key={a.topicId} className="card" data-testid={`area-${a.topicId}`}>
              <h3 className="card__title">
                {i + 1}. <span lang="en">{a.name}</span>
              </h3>
              {a.description ? <p lang="en">{a.description}</p> : null}
              {a.picks !== null && a.people !== null ? (
                <p className="workshop-area__total">
                  {t('caucus.workshop.areaTotal', { picks: a.picks, people: a.people })}
                </p>
              ) : null}
              <h4>{t('caucus.workshop.fedBy')}</h4>
              {a.priorities.length === 0 ? (
                <p className="muted">{t('caucus.workshop.fedByNone')}</p>
              ) : (
                <PriorityItems priorities={a.priorities} detail={detail} />
              )}
            </li>
          ))}
        </ol>
      )}
      {view.unassigned.length > 0 ? (
        <>
          <h3>{t('caucus.workshop.unassigned')}</h3>
          <PriorityItems priorities={view.unassigned} detail={detail} />
        </>
      ) : null}
    </>
  );
}

function WorkshopArticle({
  detail,
  results,
  reload,
}: {
  readonly detail: WorkshopDetail;
  readonly results: WorkshopResults;
  readonly reload: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const user = session.status === 'ready' ? session.user : null;
  const [programme] = useApi<Programme>(`/api/programmes/${detail.programme_id}`);
  const programmeName = programme.status === 'ready' ? programme.data.name : null;
  useTitle(detail.title);
  return (
    <article className="workshop">
      <p className="breadcrumb">
        <Link
          to={`/caucus/programmes/${detail.programme_id}`}
          lang={programmeName ? 'en' : undefined}
        >
          {programmeName ?? t('caucus.programmes.title')}
        </Link>
      </p>
      <p className="label">{t('caucus.workshop.label')}</p>
      <h1 lang="en">{detail.title}</h1>
      <p>
        <WorkshopStatusTag status={detail.status} />
        <VisibilityTag visibility={detail.visibility} />
        {detail.date ? <span className="muted">{partialDate(i18n, detail.date)}</span> : null}
      </p>
      {detail.description ? (
        <p className="lead" lang="en">
          {detail.description}
        </p>
      ) : null}
      <SourceLine source={detail.source} />
      {detail.status === 'picking' && detail.picks_recorded ? (
        <p className="notice">
          {t('caucus.workshop.pickingOpen')} <a href="#my-picks">{t('caucus.workshop.pickHere')}</a>
        </p>
      ) : null}
      {user && isSecretariat(user.role) ? (
        <p>
          <Link to={`/secretariat/workshops/${detail.id}`}>{t('caucus.workshop.run')}</Link>
        </p>
      ) : null}

      <h2>{t('caucus.workshop.matrix')}</h2>
      <p>{t('caucus.workshop.matrixLead')}</p>
      <WorkshopMatrix results={results} />
      <RecordNotes
        notes={[results.workshop.results_matrix_note, ...detail.groups.map((g) => g.source?.note)]}
      />

      <h2>{t('caucus.workshop.priorities')}</h2>
      {detail.priorities.length === 0 ? (
        <p>{t('caucus.workshop.noPriorities')}</p>
      ) : (
        <>
          <p>{t('caucus.workshop.prioritiesLead')}</p>
          <ol className="workshop-priorities" data-testid="workshop-priorities">
            {detail.priorities.map((p) => {
              const origin = answerOrigin(detail, p.answer_id);
              return (
                <li key={p.id}>
                  <span lang="en">{p.text}</span>
                  {origin ? (
                    <span className="muted workshop-origin">
                      {t('caucus.workshop.fromAnswer', {
                        group: origin.group,
                        n: origin.question,
                      })}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </>
      )}

      <WorkshopNames
        names={workshopNames(detail, programmeName ? [[detail.programme_id, programmeName]] : [])}
      >
        <MyPicks detail={detail} onChanged={reload} />
      </WorkshopNames>

      <h2>{t('caucus.workshop.areas')}</h2>
      <p>{t('caucus.workshop.areasLead')}</p>
      <WorkshopAreas results={results} detail={detail} />
    </article>
  );
}

/** A strategy workshop (/caucus/workshops/:id). */
export function WorkshopPage({ id }: { readonly id: string }) {
  const [detail, reloadDetail] = useApi<WorkshopDetail>(`/api/workshops/${id}`);
  const [results, reloadResults] = useApi<WorkshopResults>(`/api/workshops/${id}/results`);
  return (
    <Loading state={detail}>
      {(d) => (
        <Loading state={results}>
          {(r) => (
            <WorkshopArticle
              detail={d}
              results={r}
              reload={() => {
                reloadDetail();
                reloadResults();
              }}
            />
          )}
        </Loading>
      )}
    </Loading>
  );
}
