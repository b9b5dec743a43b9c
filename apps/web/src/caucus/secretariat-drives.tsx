// The secretariat's endorsement drives: open one for a text (links go only to participants who
// hold a seat in a parliament; the others are listed with the reason), follow each drive's
// responses, and void an endorsement that should not count.
import type { SyntheticEvent } from 'react';
import { useState } from 'react';
import type { I18n } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { SelectField, TextAreaField, TextField } from '../ui/field.tsx';
import type { CaucusText, List, Programme } from './api.ts';
import { api } from './api.ts';
import { CopyAll, OneTimeLink } from './one-time-link.tsx';
import { ErrorNotice, Loading, fieldError, partialDate, useAction, useApi } from './ui.tsx';

type NotInvitedReason = 'not_a_parliamentarian' | 'has_account' | 'already_invited';

interface CreatedDrive {
  readonly id: string;
  readonly links: readonly { person_id: string; url: string }[];
  readonly not_invited: readonly {
    person_id: string;
    name: string;
    reason: NotInvitedReason;
    expires_at?: string;
  }[];
}

interface DriveSummary {
  readonly id: string;
  readonly text_title: string;
  readonly created_at: string;
  readonly closes_at: string;
  readonly invited: number;
  readonly endorsed: number;
  readonly not_invited: number;
}

interface DriveStatus {
  readonly id: string;
  readonly closes_at: string;
  readonly responded: number;
  readonly not_responded: number;
  readonly participants: {
    person_id: string;
    name: string;
    invited: boolean;
    not_invited_reason: NotInvitedReason | null;
    has_account: boolean;
    invitation_used: boolean | null;
    endorsement_id: string | null;
    endorsed_on: string | null;
    withdrawn_at: string | null;
    has_responded: boolean;
  }[];
}

function reasonText(i18n: I18n, reason: NotInvitedReason, expiresAt?: string): string {
  const { t } = i18n;
  switch (reason) {
    case 'not_a_parliamentarian':
      return t('caucus.sec.drives.reason.noSeat');
    case 'has_account':
      return t('caucus.sec.drives.reason.hasAccount');
    case 'already_invited':
      return expiresAt
        ? t('caucus.sec.drives.reason.alreadyInvitedUntil', {
            date: partialDate(i18n, expiresAt),
          })
        : t('caucus.sec.drives.reason.alreadyInvited');
  }
}

/** Voids an endorsement that should not count, with the reason the audit log keeps. */
export function VoidEndorsement({
  id,
  onDone,
}: {
  readonly id: string;
  readonly onDone: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [reason, setReason] = useState('');
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api('POST', `/api/endorsements/${id}/void`, { reason });
      onDone();
    });
  };
  return (
    <details className="void-endorsement">
      <summary>{t('caucus.sec.drives.void')}</summary>
      <form onSubmit={submit} noValidate>
        {action.error ? <ErrorNotice error={action.error} /> : null}
        <TextField
          id={`void-reason-${id}`}
          label={t('caucus.sec.drives.voidReason')}
          hint={t('caucus.sec.drives.voidHint')}
          errorText={fieldError(action.error, 'reason')}
          value={reason}
          onChange={setReason}
        />
        <button type="submit" className="button button--secondary" disabled={action.busy}>
          {t('caucus.sec.drives.voidConfirm')}
        </button>
      </form>
    </details>
  );
}

function DriveDetail({ id, onChange }: { readonly id: string; readonly onChange: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [drive, reload] = useApi<DriveStatus>(`/api/drives/${id}`);
  return (
    <Loading state={drive}>
      {(d) => (
        <div>
          <p>
            {t('caucus.sec.drives.summary', { responded: d.responded, waiting: d.not_responded })}{' '}
            <span className="muted">
              {t('caucus.sec.drives.closes', { date: partialDate(i18n, d.closes_at) })}
            </span>
          </p>
          <div className="table-scroll">
            <table className="simple">
              <thead>
                <tr>
                  <th scope="col">{t('caucus.sec.drives.person')}</th>
                  <th scope="col">{t('caucus.sec.drives.account')}</th>
                  <th scope="col">{t('caucus.sec.drives.response')}</th>
                </tr>
              </thead>
              <tbody>
                {d.participants.map((p) => (
                  <tr key={p.person_id}>
                    <td>{p.name}</td>
                    <td>
                      {p.not_invited_reason !== null ? (
                        <span className="muted">
                          {t('caucus.sec.drives.notInvited')}:{' '}
                          {reasonText(i18n, p.not_invited_reason)}
                        </span>
                      ) : p.has_account ? (
                        t('caucus.sec.drives.hasAccount')
                      ) : p.invitation_used ? (
                        t('caucus.sec.drives.linkUsed')
                      ) : (
                        t('caucus.sec.drives.noAccount')
                      )}
                    </td>
                    <td>
                      {p.withdrawn_at
                        ? t('caucus.sec.drives.withdrew', {
                            date: partialDate(i18n, p.withdrawn_at),
                          })
                        : p.endorsed_on
                          ? t('caucus.sec.drives.endorsed', {
                              date: partialDate(i18n, p.endorsed_on),
                            })
                          : t('caucus.sec.drives.noResponse')}
                      {p.endorsement_id ? (
                        <VoidEndorsement
                          id={p.endorsement_id}
                          onDone={() => {
                            reload();
                            onChange();
                          }}
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Loading>
  );
}

export function DrivesSection() {
  const i18n = useI18n();
  const { t } = i18n;
  const action = useAction();
  const [texts] = useApi<List<CaucusText>>('/api/texts');
  const [programmes] = useApi<List<Programme>>('/api/programmes?limit=500');
  const [drives, reloadDrives] = useApi<List<DriveSummary>>('/api/drives');
  const [textId, setTextId] = useState('');
  const [programmeIds, setProgrammeIds] = useState<string[]>([]);
  const [days, setDays] = useState('30');
  const [message, setMessage] = useState('');
  const [created, setCreated] = useState<CreatedDrive | null>(null);
  const names = new Map(created?.not_invited.map((p) => [p.person_id, p.name]));
  const [people] = useApi<List<{ id: string; name: string }>>(
    created && created.links.length > 0 ? '/api/people?limit=500' : null,
  );
  if (people.status === 'ready') for (const p of people.data.items) names.set(p.id, p.name);
  const nameOf = (id: string) => names.get(id) ?? id;
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setCreated(null);
    void action.run(async () => {
      const r = await api<CreatedDrive>('POST', '/api/drives', {
        text_id: textId,
        programme_ids: programmeIds,
        expires_in_days: Number(days),
        ...(message ? { message } : {}),
      });
      setCreated(r);
      reloadDrives();
    });
  };
  const err = (f: string) => fieldError(action.error, f);
  return (
    <>
      <p>{t('caucus.sec.drives.lead')}</p>
      {created ? (
        <div className="notice notice--warning" role="status" data-testid="drive-created">
          <p>
            <strong>{t('caucus.sec.drives.created', { count: created.links.length })}</strong>
          </p>
          {created.links.length > 0 ? (
            <>
              <p>{t('caucus.sec.onceOnly')}</p>
              <CopyAll
                text={created.links.map((l) => `${nameOf(l.person_id)}\t${l.url}`).join('\n')}
              />
              <ul className="link-list">
                {created.links.map((l) => (
                  <li key={l.person_id}>
                    <strong>{nameOf(l.person_id)}</strong>
                    <OneTimeLink url={l.url} label={nameOf(l.person_id)} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {created.not_invited.length > 0 ? (
            <>
              <h4>
                {t('caucus.sec.drives.notInvitedCount', { count: created.not_invited.length })}
              </h4>
              <ul data-testid="not-invited">
                {created.not_invited.map((p) => (
                  <li key={p.person_id}>
                    <strong>{p.name}</strong>: {reasonText(i18n, p.reason, p.expires_at)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <form className="panel" onSubmit={submit} noValidate>
        <h3>{t('caucus.sec.drives.new')}</h3>
        {action.error ? <ErrorNotice error={action.error} /> : null}
        <SelectField
          id="drive-text"
          label={t('caucus.field.text_id')}
          errorText={err('text_id')}
          value={textId}
          onChange={setTextId}
          empty={t('caucus.none.choice')}
          options={
            texts.status === 'ready'
              ? texts.data.items.map((x) => ({ value: x.id, label: x.versions[0]?.title ?? x.id }))
              : []
          }
        />
        <fieldset className={`field${err('programme_ids') ? ' field--invalid' : ''}`}>
          <legend>{t('caucus.field.programme_ids')}</legend>
          {err('programme_ids') ? <p className="field__error">{err('programme_ids')}</p> : null}
          {programmes.status === 'ready'
            ? programmes.data.items.map((p) => (
                <label key={p.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={programmeIds.includes(p.id)}
                    onChange={(e) => {
                      setProgrammeIds((xs) =>
                        e.target.checked ? [...xs, p.id] : xs.filter((x) => x !== p.id),
                      );
                    }}
                  />{' '}
                  {p.name}
                </label>
              ))
            : null}
        </fieldset>
        <TextField
          id="drive-days"
          label={t('caucus.field.expires_in_days')}
          errorText={err('expires_in_days')}
          type="number"
          min={1}
          max={365}
          value={days}
          onChange={setDays}
        />
        <TextAreaField
          id="drive-message"
          label={t('caucus.field.message')}
          errorText={err('message')}
          isOptional
          rows={3}
          value={message}
          onChange={setMessage}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {t('caucus.sec.drives.create')}
          </button>
        </div>
      </form>
      <h3>{t('caucus.sec.drives.past')}</h3>
      <Loading state={drives}>
        {(d) =>
          d.items.length === 0 ? (
            <p>{t('caucus.none')}</p>
          ) : (
            <ul className="card-list card-list--single" data-testid="drives">
              {d.items.map((x) => (
                <li key={x.id} className="card">
                  <details>
                    <summary>
                      <strong>{x.text_title}</strong>
                      <br />
                      {t('caucus.sec.drives.opened', { date: partialDate(i18n, x.created_at) })}
                      {' · '}
                      {t('caucus.sec.drives.counts', {
                        invited: x.invited,
                        endorsed: x.endorsed,
                        skipped: x.not_invited,
                      })}
                    </summary>
                    <DriveDetail id={x.id} onChange={reloadDrives} />
                  </details>
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </>
  );
}
