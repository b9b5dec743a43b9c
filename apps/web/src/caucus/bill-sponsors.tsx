// A bill's sponsors in the member's "My activities": who sponsors it, and, for a sponsor while the
// bill is not yet published, adding a co-sponsor from the people the API lists or removing one.
// The API replaces the list as a whole (`PATCH /api/bills/:id` with `sponsors`) and refuses a list
// without the member, so the page sends the list it shows with the one change.
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { SelectField } from '../ui/field.tsx';
import type { Bill, BillSponsor } from './activities-page.tsx';
import type { Person } from './api.ts';
import { api } from './api.ts';
import { errorAt } from './record-body.ts';
import { named } from './record-editor.tsx';
import { ErrorNotice, useAction } from './ui.tsx';

export function BillSponsors({
  bill,
  people,
  personId,
  onDone,
}: {
  readonly bill: Bill;
  readonly people: readonly Person[];
  /** The member's person: the one sponsor the list must keep. */
  readonly personId: string;
  readonly onDone: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [chosen, setChosen] = useState('');
  const names = new Map(people.map((p) => [p.id, p.name]));
  const sponsors = bill.sponsors;
  const mayChange = bill.visibility !== 'public' && sponsors.some((s) => s.person_id === personId);
  const save = (next: readonly BillSponsor[]) =>
    void action.run(async () => {
      await api('PATCH', `/api/bills/${bill.id}`, { sponsors: next });
      setChosen('');
      onDone();
    });
  const add = (e: SyntheticEvent) => {
    e.preventDefault();
    save([...sponsors, { person_id: chosen, classification: 'cosponsor' }]);
  };
  const id = `sponsors-${bill.id}`;
  const candidates = people.filter((p) => !sponsors.some((s) => s.person_id === p.id));
  return (
    <div className="sponsors" data-testid={`sponsors-${bill.id}`}>
      <h4 id={`${id}-title`}>{t('caucus.activities.sponsors')}</h4>
      <ul className="sponsor-list" aria-labelledby={`${id}-title`}>
        {sponsors.map((s) => {
          const name = names.get(s.person_id) ?? s.person_id;
          return (
            <li key={s.person_id}>
              <span lang="en">{name}</span>{' '}
              <span className="tag">
                {t('caucus.activities.sponsorKind', { kind: s.classification })}
              </span>
              {mayChange && s.classification === 'cosponsor' && s.person_id !== personId ? (
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={action.busy}
                  onClick={() => {
                    save(sponsors.filter((x) => x.person_id !== s.person_id));
                  }}
                >
                  {t('caucus.activities.removeSponsor', { name })}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {mayChange ? (
        <form onSubmit={add} noValidate>
          {action.error ? <ErrorNotice error={action.error} /> : null}
          <SelectField
            id={`${id}-add`}
            label={t('caucus.activities.addSponsor')}
            hint={t('caucus.activities.addSponsorHint')}
            errorText={errorAt(action.error, 'body.sponsors')}
            value={chosen}
            onChange={setChosen}
            options={named(candidates)}
            empty={t('caucus.none.choice')}
          />
          <div className="form-actions">
            <button type="submit" className="button button--secondary" disabled={action.busy}>
              {t('caucus.activities.addSponsorButton')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
