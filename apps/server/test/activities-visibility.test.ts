// The calendar feed is RFC 5545 (parsed back here with a small unfolding parser), and activities
// kept to the caucus or the secretariat never reach those who may not see them: not through the
// lists, one record, the corridor view or the feed.
import { testDatabases } from '@tulay/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Harness, Who } from './harness.ts';
import { ROLES_AND_PUBLIC, clientFor, harness } from './harness.ts';

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** Unfolds (CRLF + one space or tab) and splits content lines into properties. */
function parseICalendar(text: string): Property[] {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      const [name = '', ...params] = line.slice(0, colon).split(';');
      return {
        name,
        params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
        value: line.slice(colon + 1),
      };
    });
}

/** The events of a calendar, each as its properties by name. */
function eventsOf(properties: Property[]): Map<string, Property>[] {
  const events: Map<string, Property>[] = [];
  let current: Map<string, Property> | null = null;
  for (const p of properties) {
    if (p.name === 'BEGIN' && p.value === 'VEVENT') current = new Map();
    else if (p.name === 'END' && p.value === 'VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) current.set(p.name, p);
  }
  return events;
}

/** TEXT unescaping (RFC 5545 §3.3.11). */
const unescapeText = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe.each(testDatabases)('the calendar feed and visibility, on $name', (database) => {
  let h: Harness;
  const CAUCUS = 'zqcaucusactivity';
  const SECRET = 'zqsecretactivity';
  const TRICKY =
    'Assembly; plenary, committees \\ side events\nSecond line — ประชุมสมัชชารัฐสภาอาเซียน with a title long enough to fold more than once across lines';

  beforeAll(async () => {
    h = await harness({ database });
    const secretariat = await h.as('secretariat');
    const post = async (url: string, body: unknown) => {
      const res = await secretariat.request('POST', url, body);
      expect(res.status, `${url}: ${res.text}`).toBe(201);
      return res.body as { id: string };
    };
    await post('/api/body-events', {
      id: 'feed_public',
      organization_id: 'aipa',
      title: TRICKY,
      start_date: '2026-08-30',
      end_date: '2026-09-02',
      place: 'Kuala Lumpur, Malaysia',
      description: 'Annual; hosted in turn',
      source: { title: 'AIPA', url: 'https://example.org/aipa?a=1,2' },
      is_verified: true,
    });
    await post('/api/body-events', {
      id: 'feed_cycle',
      organization_id: 'un_cmw',
      title: 'Committee session',
      start_date: '2026-04-06',
      recurrence: 'FREQ=YEARLY;INTERVAL=1',
    });
    await post('/api/body-events', {
      id: 'feed_month_only',
      organization_id: 'aipa',
      title: 'Known only to the month',
      start_date: '2026-11',
    });
    for (const [marker, visibility] of [
      [CAUCUS, 'caucus'],
      [SECRET, 'secretariat'],
    ] as const) {
      await post('/api/body-events', {
        id: `${marker}_event`,
        organization_id: 'aipa',
        title: `${marker} meeting`,
        start_date: '2026-05-01',
        visibility,
      });
      await post('/api/visits', {
        id: `${marker}_visit`,
        title: `${marker} visit`,
        host_country: 'TH',
        visiting_countries: ['KH'],
        recommendations: [`${marker} recommendation`],
        visibility,
      });
      await post('/api/bills', {
        id: `${marker}_bill`,
        organization_id: 'test_parliament',
        identifier: `${marker} 1`,
        title: `${marker} bill`,
        visibility,
      });
      await post('/api/engagements', {
        id: `${marker}_eng`,
        organization_id: 'aipa',
        title: `${marker} engagement`,
        visibility,
      });
      await post('/api/collaborations', {
        id: `${marker}_col`,
        organization_id: 'mfa',
        title: `${marker} collaboration`,
        visibility,
      });
      await post('/api/national-caucuses', {
        id: `${marker}_nc`,
        country: 'TH',
        parliament_id: 'test_parliament',
        name: `${marker} caucus`,
        status: 'informal_group',
        status_date: '2026',
        visibility,
      });
      const commitment = await post('/api/commitments', {
        id: `${marker}_com`,
        title: `${marker} commitment`,
        owners: [{ type: 'country', id: 'ocd-division/country:kh' }],
        visibility,
      });
      // Public records that point at hidden ones must not reveal them.
      await post('/api/bills', {
        organization_id: 'test_parliament',
        identifier: `public-${visibility}`,
        title: 'A public bill',
        commitment_ids: [commitment.id],
      });
    }
    // A public visit whose recommendation became a caucus-only commitment.
    await post('/api/visits', {
      id: 'public_visit',
      title: 'Public visit',
      host_country: 'TH',
      visiting_countries: ['KH'],
      recommendations: ['Share data'],
    });
    await post('/api/visits/public_visit/recommendations/0/commitment', {
      title: `${CAUCUS} from a recommendation`,
      visibility: 'caucus',
    });
    // Loads the knowledge base now, so the per-role reads of the corridor view do not time out.
    await (await clientFor(h.app, undefined)).get('/api/corridors/KH/TH');
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  it('is text/calendar with CRLF lines of at most 75 octets', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/engagements.ics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = res.body;
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n'))
      expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    // The tricky title is long enough that it must have been folded.
    expect(text).toMatch(/\r\n /);
    const properties = parseICalendar(text);
    expect(properties[0]).toMatchObject({ name: 'BEGIN', value: 'VCALENDAR' });
    expect(properties.find((p) => p.name === 'VERSION')?.value).toBe('2.0');
    expect(properties.some((p) => p.name === 'PRODID')).toBe(true);
  });

  it('holds the public events with their dates, text and recurrence, and a stable UID', async () => {
    const fetch = async (url = '/api/engagements.ics') =>
      eventsOf(parseICalendar((await h.app.inject({ method: 'GET', url })).body));
    const events = await fetch();
    const byTitle = new Map(events.map((e) => [unescapeText(e.get('SUMMARY')?.value ?? ''), e]));
    const tricky = byTitle.get(TRICKY);
    expect(tricky, 'the tricky event').toBeDefined();
    expect(tricky?.get('DTSTART')).toMatchObject({ params: { VALUE: 'DATE' }, value: '20260830' });
    // DTEND of an all-day event is the day after the last.
    expect(tricky?.get('DTEND')).toMatchObject({ params: { VALUE: 'DATE' }, value: '20260903' });
    expect(unescapeText(tricky?.get('LOCATION')?.value ?? '')).toBe('Kuala Lumpur, Malaysia');
    expect(unescapeText(tricky?.get('DESCRIPTION')?.value ?? '')).toContain(
      'Annual; hosted in turn',
    );
    expect(tricky?.get('DTSTAMP')?.value).toMatch(/^\d{8}T\d{6}Z$/);
    expect(unescapeText(tricky?.get('CATEGORIES')?.value ?? '')).toBe(
      'ASEAN Inter-Parliamentary Assembly',
    );
    const cycle = byTitle.get('Committee session');
    expect(cycle?.get('RRULE')?.value).toBe('FREQ=YEARLY;INTERVAL=1');
    expect(unescapeText(cycle?.get('DESCRIPTION')?.value ?? '')).toContain('Unverified');
    expect(byTitle.has('Known only to the month')).toBe(false);
    const uids = events.map((e) => e.get('UID')?.value);
    expect(new Set(uids).size).toBe(uids.length);
    expect((await fetch()).map((e) => e.get('UID')?.value)).toEqual(uids);
    // Per body.
    const cmw = await fetch('/api/engagements.ics?body=un_cmw');
    expect(cmw.map((e) => unescapeText(e.get('SUMMARY')?.value ?? ''))).toContain(
      'Committee session',
    );
    expect(cmw.every((e) => e.get('CATEGORIES')?.value === 'UN Committee on Migrant Workers')).toBe(
      true,
    );
  });

  it('never holds a meeting kept to the caucus, whoever asks', async () => {
    for (const who of ROLES_AND_PUBLIC) {
      const client = await h.as(who);
      const res = await client.get('/api/engagements.ics');
      expect(res.text).not.toContain('zq');
    }
  });

  const READS = [
    '/api/visits?limit=500',
    '/api/bills?limit=500',
    '/api/body-events?limit=500',
    '/api/engagements?limit=500',
    '/api/collaborations?limit=500',
    '/api/national-caucuses',
    '/api/corridors/KH/TH',
    '/api/corridors/TH/KH?at=2020',
    '/api/visits/public_visit',
  ];

  const sees = (who: Who) => ({
    caucus: who !== 'public',
    secret: who === 'secretariat' || who === 'admin',
  });

  it.each(ROLES_AND_PUBLIC)('%s sees exactly what their role allows', async (who) => {
    const client: Client = who === 'public' ? await clientFor(h.app, undefined) : await h.as(who);
    let all = '';
    for (const url of READS) {
      const res = await client.get(url);
      expect(res.status, `${url}: ${res.text}`).toBe(200);
      all += res.text;
    }
    const { caucus, secret } = sees(who);
    expect(all.includes(CAUCUS), 'caucus marker').toBe(caucus);
    expect(all.includes(SECRET), 'secretariat marker').toBe(secret);
    for (const [path, suffix] of [
      ['visits', 'visit'],
      ['bills', 'bill'],
      ['body-events', 'event'],
      ['engagements', 'eng'],
      ['collaborations', 'col'],
      ['national-caucuses', 'nc'],
    ] as const) {
      expect((await client.get(`/api/${path}/${CAUCUS}_${suffix}`)).status).toBe(
        caucus ? 200 : 404,
      );
      expect((await client.get(`/api/${path}/${SECRET}_${suffix}`)).status).toBe(
        secret ? 200 : 404,
      );
    }
    const visit = (await client.get('/api/visits/public_visit')).body as {
      recommendations: { commitment_id: string | null }[];
    };
    expect(visit.recommendations[0]?.commitment_id !== null).toBe(caucus);
  });
});
