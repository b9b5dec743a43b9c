// The iCalendar feed of the meetings of the bodies the caucus engages (RFC 5545): public meetings
// only, whoever asks, because a calendar subscription carries no session. A meeting is in the
// feed when its first day is known to the day; one known only to the month or year stays in the
// workspace, as a feed cannot say "some day in 2011".
import { ApiError } from '../errors.ts';
import type { Context } from './context.ts';

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PUBLIC = ['public'] as const;

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space,
 * which counts towards their 75; a UTF-8 sequence is never split.
 */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Back off to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
    while (end < bytes.length && end > start && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74;
  }
  return parts.join('\r\n ');
}

const compact = (date: string) => date.replace(/-/g, '');

/** The day after a `YYYY-MM-DD` date, as `YYYYMMDD` (DTEND of an all-day event is exclusive). */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}

/** `2026-03-01T09:00:00.000Z` as `20260301T090000Z`. */
const stamp = (instant: string) => `${instant.slice(0, 19).replace(/[-:]/g, '')}Z`;

interface SourceExtra {
  source?: { title?: string; url?: string; verified?: boolean };
}

export async function engagementCalendar(
  ctx: Context,
  options: { body?: string | undefined; host: string },
): Promise<string> {
  const { records } = ctx.store.repos;
  let bodyName: string | null = null;
  if (options.body !== undefined) {
    const body = await records.get('organizations', options.body, PUBLIC);
    if (!body)
      throw new ApiError('invalid_request', `no public body "${options.body}"`, [
        { path: 'query.body', message: `no public organisation with id "${options.body}"` },
      ]);
    bodyName = body.name;
  }
  const events = await records.list('body_events', PUBLIC, {
    ...(options.body !== undefined ? { where: { organization_id: options.body } } : {}),
  });
  const bodies = new Map(
    (await records.list('organizations', PUBLIC)).map((o) => [o.id, o.name] as const),
  );
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Asian Inter-Parliamentary Caucus on Labour Migration//Tulay//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(bodyName === null ? 'Meetings of the bodies the caucus engages' : `Meetings of ${bodyName}`)}`,
  ];
  for (const event of events) {
    const start = event.start_date;
    if (start === null || !FULL_DATE.test(start)) continue;
    const end = event.end_date !== null && FULL_DATE.test(event.end_date) ? event.end_date : start;
    const extra = JSON.parse(event.extra) as SourceExtra;
    const description = [
      event.description ?? '',
      extra.source?.title !== undefined ? `Source: ${extra.source.title}` : '',
      event.is_verified === 1 ? '' : 'Unverified: not yet checked against its source.',
    ]
      .filter((s) => s !== '')
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.id}@${options.host}`,
      `DTSTAMP:${stamp(event.updated_at)}`,
      `DTSTART;VALUE=DATE:${compact(start)}`,
      `DTEND;VALUE=DATE:${dayAfter(end)}`,
      `SUMMARY:${escapeText(event.title)}`,
    );
    if (event.recurrence !== null) lines.push(`RRULE:${event.recurrence}`);
    if (event.place !== null) lines.push(`LOCATION:${escapeText(event.place)}`);
    if (description !== '') lines.push(`DESCRIPTION:${escapeText(description)}`);
    const bodyOf = bodies.get(event.organization_id);
    if (bodyOf !== undefined) lines.push(`CATEGORIES:${escapeText(bodyOf)}`);
    if (extra.source?.url !== undefined) lines.push(`URL:${extra.source.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
