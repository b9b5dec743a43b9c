// How the caucus's activities read, wherever they are shown (the public page, the secretariat's
// screens): when and where a bodies' meeting is, a national caucus's status and its history, and
// its members.
import { useI18n } from '../i18n/i18n.tsx';
import type { BodyEvent, CaucusStatus, Membership, NationalCaucus } from './api.ts';
import { VisibilityTag, partialDate } from './ui.tsx';

/** When and where a meeting is, in words: its dates, place and cycle. */
export function MeetingWhen({ meeting }: { readonly meeting: BodyEvent }) {
  const i18n = useI18n();
  const { t } = i18n;
  const dates = [meeting.start_date, meeting.end_date]
    .filter((d): d is string => d !== undefined)
    .map((d) => partialDate(i18n, d))
    .join(' – ');
  return (
    <>
      {[dates, meeting.place].filter(Boolean).join(' · ')}
      {meeting.cycle ? (
        <>
          {dates || meeting.place ? ' · ' : ''}
          {t('caucus.meetings.frequency', { frequency: meeting.cycle.frequency })}
        </>
      ) : null}
    </>
  );
}

export function CaucusStatusTag({ status }: { readonly status: CaucusStatus | null }) {
  const { t } = useI18n();
  if (status === null) return null;
  const tone =
    status === 'standing_committee' || status === 'formal_caucus'
      ? 'yes'
      : status === 'informal_group'
        ? 'wait'
        : 'no';
  return (
    <span className={`tag tag--${tone}`}>{t('caucus.nationalCaucus.status', { status })}</span>
  );
}

export function MemberList({
  members,
  names,
}: {
  readonly members: readonly Membership[];
  readonly names: ReadonlyMap<string, string>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  if (members.length === 0) return <p>{t('caucus.nationalCaucus.noMembers')}</p>;
  return (
    <ul className="sponsor-list">
      {members.map((m) => (
        <li key={m.id}>
          <span lang="en">{names.get(m.person_id) ?? m.person_id}</span>
          {m.role ? ` · ${t('caucus.nationalCaucus.role', { role: m.role })}` : ''}
          {m.start_date
            ? ` · ${t('caucus.nationalCaucus.since', { date: partialDate(i18n, m.start_date) })}`
            : ''}{' '}
          <VisibilityTag visibility={m.visibility} />
        </li>
      ))}
    </ul>
  );
}

/** The history of a caucus's status, oldest first. */
export function StatusHistory({ caucus }: { readonly caucus: NationalCaucus }) {
  const i18n = useI18n();
  return (
    <ol className="status-history">
      {caucus.history.map((h) => (
        <li key={`${h.status_date}-${h.recorded_at}`}>
          <CaucusStatusTag status={h.status} /> {partialDate(i18n, h.status_date)}
          {h.note ? (
            <>
              {' · '}
              <span lang="en">{h.note}</span>
            </>
          ) : null}
          {h.source ? (
            <span className="muted" lang="en">
              {' '}
              ({h.source})
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
