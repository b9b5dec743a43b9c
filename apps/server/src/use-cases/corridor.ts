// The corridor view: everything the workspace knows about one migration corridor, both ends in
// one answer — the bills before each country's parliaments, the agreements between the two
// countries from the knowledge base (with whether each is in force at a date), the commitments
// owned by either country, the visits between them, and the documents about the corridor.
import type { KnowledgeBase } from '@tulay/engine';
import { holdsIn, parseMonth } from '@tulay/engine';
import type { Month } from '@tulay/engine';
import { scopeOf } from '../access.ts';
import { ApiError } from '../errors.ts';
import { billDetail, presentActivityRows } from './activities.ts';
import type { Context } from './context.ts';
import { presentDocument, viewerOf } from './documents.ts';
import { present } from './present.ts';

const division = (country: string) => `ocd-division/country:${country.toLowerCase()}`;

/** The library's documents of either end that the viewer may see, newest first (at most 100). */
async function corridorDocuments(ctx: Context, corridor: { origin: string; destination: string }) {
  const rows = await ctx.store.repos.documents.list(viewerOf(ctx.actor), { corridor, limit: 100 });
  return rows.map((row) => presentDocument(row, ctx.actor));
}

/** The month `at` names (a year means its January); the clock's month when absent. */
function monthOf(ctx: Context, at: string | undefined): { month: Month; label: string } {
  if (at === undefined) {
    const label = ctx.clock.now().toISOString().slice(0, 7);
    return { month: parseMonth(label), label };
  }
  const label = at.length === 4 ? `${at}-01` : at.slice(0, 7);
  return { month: parseMonth(label), label: at };
}

export async function corridorView(
  ctx: Context,
  kb: KnowledgeBase,
  origin: string,
  destination: string,
  at: string | undefined,
) {
  if (origin === destination)
    throw new ApiError('invalid_request', 'a corridor joins two different countries', [
      { path: 'params.destination', message: `is the same country as the origin (${origin})` },
    ]);
  const scope = scopeOf(ctx.actor);
  const { activities } = ctx.store.repos;
  const { month, label } = monthOf(ctx, at);

  const end = async (country: string) => {
    const [bills, commitments] = await Promise.all([
      activities.billsOfCountry(division(country), scope),
      activities.commitmentsOfCountry(division(country), scope),
    ]);
    return {
      country,
      name: kb.jurisdictions.get(country as never)?.raw.name ?? null,
      bills: await Promise.all(bills.map((b) => billDetail(ctx, b.id))),
      commitments: commitments.map(present),
    };
  };

  const agreements = kb.agreements
    .filter((a) => a.parties.has(origin as never) && a.parties.has(destination as never))
    .map((a) => ({
      id: a.id,
      title: a.raw.title,
      kind: a.raw.kind,
      binding: a.raw.binding,
      parties: a.raw.parties,
      signed: a.raw.signed ?? null,
      in_force: a.raw.inForce ?? null,
      is_in_force: a.inForce !== null && holdsIn(a.inForce, month),
      verified: a.raw.verified,
    }));

  const [originEnd, destinationEnd, visits, docs] = await Promise.all([
    end(origin),
    end(destination),
    activities.visitsBetween(origin, destination, scope),
    corridorDocuments(ctx, { origin, destination }),
  ]);
  return {
    origin: originEnd,
    destination: destinationEnd,
    at: label,
    agreements,
    visits: await presentActivityRows(ctx, 'visits', visits.map(present)),
    documents: docs,
  };
}
