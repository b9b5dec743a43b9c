// A participant's own picks on a workshop's page: while the workshop is open for picking, a
// verified member or partner chooses and ranks their top three priorities and may change them
// until it closes (`/api/workshops/:id/picks/mine`). The server decides who is a participant; a
// refusal (not a participant, not open) is said in words, with the server's reason beside it.
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import type { User } from './api.ts';
import type { PickRefusal, Picks, Ranks, WorkshopDetail } from './workshop-model.ts';
import { pickRefusal, picksBody, rankErrors, ranksOf } from './workshop-model.ts';
import { RankFields, WorkshopErrorNotice, useNamed } from './workshop-ui.tsx';
import { api } from './api.ts';
import { isSecretariat, useSession } from './session.ts';
import { Loading, useAction, useApi } from './ui.tsx';

const REFUSAL = {
  not_verified: 'caucus.workshop.pick.refused.not_verified',
  not_participant: 'caucus.workshop.pick.refused.not_participant',
  not_open: 'caucus.workshop.pick.refused.not_open',
  not_recorded: 'caucus.workshop.pick.refused.not_recorded',
} as const satisfies Record<PickRefusal, string>;

/** Roles that pick for themselves (docs/api.md: member, partner; staff do not pick for their member). */
const isPicker = (user: User) => user.role === 'member' || user.role === 'partner';

/** A participant's picks, ranked, as a list. */
function PickList({ picks }: { readonly picks: Picks['picks'] }) {
  const { t } = useI18n();
  if (picks.length === 0) return <p>{t('caucus.workshop.pick.none')}</p>;
  return (
    <>
      <h3>{t('caucus.workshop.pick.current')}</h3>
      <ol className="workshop-my-picks" data-testid="my-picks">
        {[...picks]
          .sort((a, b) => a.rank - b.rank)
          .map((p) => (
            <li key={p.rank} lang="en">
              {p.text}
            </li>
          ))}
      </ol>
    </>
  );
}

function PickForm({
  detail,
  user,
  mine,
  onSaved,
}: {
  readonly detail: WorkshopDetail;
  readonly user: User;
  readonly mine: Picks;
  readonly onSaved: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const named = useNamed();
  const [ranks, setRanks] = useState<Ranks>(() => ranksOf(mine.picks));
  const [fromRank, setFromRank] = useState<readonly number[]>([]);
  const [isSaved, setIsSaved] = useState(false);
  const refusal = pickRefusal(action.error, user, detail);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setIsSaved(false);
    const body = picksBody(ranks);
    setFromRank(body.fromRank);
    void action.run(async () => {
      await api('POST', `/api/workshops/${detail.id}/picks/mine`, {
        priority_ids: body.priority_ids,
      });
      setIsSaved(true);
      onSaved();
    });
  };
  return (
    <>
      <PickList picks={mine.picks} />
      <form className="panel" onSubmit={submit} noValidate data-testid="pick-form">
        {refusal ? (
          <div className="notice notice--error" role="alert" data-testid="pick-refused">
            <p>{t(REFUSAL[refusal])}</p>
            {action.error instanceof Error ? (
              <p className="notice__detail" lang="en">
                {named(action.error.message)}
              </p>
            ) : null}
          </div>
        ) : action.error ? (
          <WorkshopErrorNotice error={action.error} />
        ) : null}
        <fieldset aria-describedby={`pick-${detail.id}-hint`}>
          <legend>{t('caucus.workshop.pick.legend')}</legend>
          <p className="field__hint" id={`pick-${detail.id}-hint`}>
            {t('caucus.workshop.pick.lead')}
          </p>
          <RankFields
            idPrefix={`pick-${detail.id}`}
            priorities={detail.priorities}
            ranks={ranks}
            onChange={setRanks}
            errors={rankErrors(action.error, fromRank).map(named)}
          />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {t('caucus.workshop.pick.save')}
          </button>
        </div>
        {isSaved ? (
          <p className="notice" role="status">
            {t('caucus.workshop.pick.saved')}
          </p>
        ) : null}
      </form>
    </>
  );
}

/** The signed-in participant's picks: the form while picking is open, else what they picked. */
function OwnPicks({
  detail,
  user,
  onChanged,
}: {
  readonly detail: WorkshopDetail;
  readonly user: User;
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const [mine, reload] = useApi<Picks>(`/api/workshops/${detail.id}/picks/mine`);
  return (
    <>
      {detail.status === 'preparing' ? <p>{t('caucus.workshop.pick.notYet')}</p> : null}
      {detail.status === 'closed' ? <p>{t('caucus.workshop.pick.closed')}</p> : null}
      <Loading state={mine}>
        {(m) =>
          detail.status === 'picking' ? (
            <PickForm
              detail={detail}
              user={user}
              mine={m}
              onSaved={() => {
                reload();
                onChanged();
              }}
            />
          ) : (
            <PickList picks={m.picks} />
          )
        }
      </Loading>
    </>
  );
}

/** The picking part of a workshop's page, as far as it concerns the viewer. */
export function MyPicks({
  detail,
  onChanged,
}: {
  readonly detail: WorkshopDetail;
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const session = useSession();
  if (!detail.picks_recorded || session.status !== 'ready') return null;
  const user = session.user;
  const isOpen = detail.status === 'picking';
  const canPick = user !== null && isPicker(user);
  if (!isOpen && !canPick) return null;
  let body;
  if (user === null)
    body = (
      <p>
        {t('caucus.workshop.pick.signIn')} <Link to="/sign-in">{t('caucus.nav.signIn')}</Link>
      </p>
    );
  else if (isSecretariat(user.role))
    body = (
      <p>
        {t('caucus.workshop.pick.secretariat')}{' '}
        <Link to={`/secretariat/workshops/${detail.id}`}>{t('caucus.workshop.run')}</Link>
      </p>
    );
  else if (!canPick) body = <p>{t('caucus.workshop.pick.staff')}</p>;
  else if (!user.is_verified || user.person_id === null)
    body = <p className="notice">{t('caucus.workshop.pick.refused.not_verified')}</p>;
  else body = <OwnPicks detail={detail} user={user} onChanged={onChanged} />;
  return (
    <section id="my-picks" aria-labelledby="my-picks-title" className="workshop-picking">
      <h2 id="my-picks-title">{t('caucus.workshop.pick.title')}</h2>
      {body}
    </section>
  );
}
