// How the caucus's activities read, wherever they are shown (the public page, the secretariat's
// screens, the member's own): a record's card heading, when and where a bodies' meeting is, a
// collaboration's partner and dates, a national caucus's status and its history, and its members.
import type { ReactNode } from 'react';
import { Fragment } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { BodyEvent, CaucusStatus, Collaboration, Membership, NationalCaucus } from './api.ts';
import { VisibilityTag, partialDate } from './ui.tsx';

/** Records as cards, or the words for none (an empty list without `none`). */
export function CardList<R extends { readonly id: string }>({
  records,
  none,
  testId,
  isSingle = false,
  card,
}: {
  readonly records: readonly R[];
  readonly none?: string;
  readonly testId: string;
  /** One card a row on every screen (forms inside cards need the width). */
  readonly isSingle?: boolean;
  readonly card: (record: R) => ReactNode;
}) {
  if (records.length === 0 && none !== undefined) return <p>{none}</p>;
  return (
    <ul className={isSingle ? 'card-list card-list--single' : 'card-list'} data-testid={testId}>
      {records.map((r) => (
        <Fragment key={r.id}>{card(r)}</Fragment>
      ))}
    </ul>
  );
}

/**
 * A record's card heading: its tags, its title, and a line saying what it is (none without
 * `children`). A title the secretariat or the seed wrote is data, in English (`lang`).
 */
export function RecordHeading({
  tags,
  title,
  lang,
  children,
}: {
  readonly tags: ReactNode;
  readonly title: ReactNode;
  readonly lang?: 'en';
  readonly children?: ReactNode;
}) {
  return (
    <>
      <p>{tags}</p>
      <h3 className="card__title" lang={lang}>
        {title}
      </h3>
      {children === undefined ? null : <p className="muted">{children}</p>}
    </>
  );
}

/** A meeting's card heading: unverified ones marked; the body, and when and where it is. */
export function MeetingHeading({
  meeting,
  body,
}: {
  readonly meeting: BodyEvent;
  /** The body's name, when it is known. */
  readonly body: string | null;
}) {
  const { t } = useI18n();
  return (
    <RecordHeading
      tags={
        <>
          <VisibilityTag visibility={meeting.visibility} />
          {meeting.is_verified === false ? (
            <span className="flag--unverified">{t('caucus.records.unverified')}</span>
          ) : null}
        </>
      }
      title={meeting.title}
      lang="en"
    >
      {body === null ? null : (
        <>
          <span lang="en">{body}</span>
          {' · '}
        </>
      )}
      <MeetingWhen meeting={meeting} />
    </RecordHeading>
  );
}

/** A collaboration's card heading: the partner, the area for action, and its dates. */
export function CollaborationHeading({
  collaboration: c,
  partner,
  area,
}: {
  readonly collaboration: Collaboration;
  readonly partner: string | null;
  readonly area: string | null;
}) {
  const i18n = useI18n();
  return (
    <RecordHeading tags={<VisibilityTag visibility={c.visibility} />} title={c.title} lang="en">
      {[partner, area]
        .filter((x) => x !== null)
        .map((x, i) => (
          <span key={i} lang="en">
            {i > 0 ? ' · ' : ''}
            {x}
          </span>
        ))}
      {c.start_date
        ? ` · ${[c.start_date, c.end_date]
            .filter((d): d is string => d !== undefined)
            .map((d) => partialDate(i18n, d))
            .join(' – ')}`
        : ''}
    </RecordHeading>
  );
}

/** A national caucus's card heading: its status, its country and parliament, when it was founded. */
export function NationalCaucusHeading({
  caucus: c,
  parliament,
}: {
  readonly caucus: NationalCaucus;
  /** The parliament's name, when it is known. */
  readonly parliament: string | null;
}) {
  const i18n = useI18n();
  return (
    <RecordHeading
      tags={
        <>
          <CaucusStatusTag status={c.status} /> <VisibilityTag visibility={c.visibility} />
        </>
      }
      title={c.name}
      lang="en"
    >
      {[
        c.country ? i18n.country(c.country) : null,
        parliament,
        c.founding_date
          ? i18n.t('caucus.work.founded', { date: partialDate(i18n, c.founding_date) })
          : null,
      ]
        .filter(Boolean)
        .join(' · ')}
    </RecordHeading>
  );
}

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
