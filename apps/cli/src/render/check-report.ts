import type { Amount, BranchResult, CheckResult, ReformDiff, Status } from '@tulay/engine';
import { table } from './table.ts';

const STATUS_WORDS: Record<Status, string> = {
  entitled: 'entitled',
  entitled_through_agreement: 'entitled (agreement)',
  not_entitled: 'not entitled',
  not_covered: 'not covered',
  cannot_tell: 'cannot tell',
};

function money(a: Amount | null): string {
  if (!a) return '–';
  const n = a.amount.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${n} ${a.currency}${a.per === 'once' ? ' once' : `/${a.per}`}`;
}

function payable(r: BranchResult): string {
  if (r.status === 'not_covered') return '–';
  return r.payableAbroad === null ? '?' : r.payableAbroad ? 'yes' : 'no';
}

/**
 * A scheme that covers none of the worker's months is one row, not one per branch: the reasons
 * are the same for every branch.
 */
function collapseNotCovered(results: readonly BranchResult[]): BranchResult[] {
  const out: BranchResult[] = [];
  const seen = new Set<string>();
  for (const r of results) {
    if (r.status !== 'not_covered') {
      out.push(r);
      continue;
    }
    if (seen.has(r.scheme)) continue;
    seen.add(r.scheme);
    const all = results.filter((x) => x.scheme === r.scheme && x.status === 'not_covered');
    out.push(all.length > 1 ? { ...r, branch: 'all' as BranchResult['branch'] } : r);
  }
  return out;
}

/** The readable explanation `tulay check` prints: a table per country, then barriers and what to do. */
export function renderCheck(result: CheckResult, diff?: ReformDiff): string {
  const out: string[] = [];
  out.push(
    `Tulay check at ${result.at} — benefits paid to a residence in ${result.residence}${result.claim ? `; claim: ${result.claim.branch.replace('_', ' ')} in ${result.claim.date}` : ''}`,
  );
  out.push('');
  out.push('Coverage');
  out.push(
    table(
      ['period', 'country', 'months', 'covered by'],
      result.coverage.map((c) => [
        String(c.period),
        c.country,
        `${c.from}..${c.to}`,
        c.schemes.length === 0
          ? 'no scheme'
          : c.schemes
              .map(
                (s) =>
                  `${s.scheme} ${s.from}..${s.to}${s.membership === 'voluntary' ? ' (voluntary)' : ''}${s.detachedUnder ? ` (posted, ${s.detachedUnder})` : ''}${s.counted ? '' : ' (not paid)'}`,
              )
              .join('; '),
      ]),
    ),
  );
  const countries = [...new Set(result.results.map((r) => r.country))];
  for (const country of countries) {
    const rows = collapseNotCovered(result.results.filter((r) => r.country === country));
    out.push('');
    out.push(country);
    out.push(
      table(
        [
          'scheme',
          'branch',
          'status',
          'months',
          'paid',
          `payable in ${result.residence}`,
          'barriers',
        ],
        rows.map((r) => [
          r.scheme,
          r.branch === ('all' as string) ? 'all branches' : r.branch.replace('_', ' '),
          STATUS_WORDS[r.status] +
            (r.benefit === 'fallback' ? ' (lump sum)' : '') +
            (r.unverified.length > 0 ? ' *' : ''),
          r.months.required === null
            ? String(r.months.aggregated)
            : `${r.months.aggregated}/${r.months.required}`,
          money(r.amounts.paid),
          payable(r),
          r.barriers.map((b) => b.code).join(', ') || '–',
        ]),
      ),
    );
  }
  if (result.results.some((r) => r.unverified.length > 0))
    out.push('\n* rests on a fact marked unverified in the knowledge base.');

  const withBarriers = collapseNotCovered(result.results).filter(
    (r) => r.barriers.length > 0 || r.reasons.length > 0 || r.missing.length > 0,
  );
  if (withBarriers.length > 0) {
    out.push('');
    out.push('What stands in the way, and what would remove it');
    for (const r of withBarriers) {
      out.push(`- ${r.schemeName} — ${r.branch.replace('_', ' ')}:`);
      for (const reason of r.reasons) out.push(`    ${reason}`);
      for (const b of r.barriers) {
        out.push(`    [${b.code}] ${b.message}`);
        for (const fix of b.removedBy) out.push(`      → ${fix.description}`);
      }
      if (r.missing.length > 0) out.push(`    Tell us more: ${r.missing.join(', ')}`);
    }
  }

  const claimable = result.results.filter(
    (r) => (r.status === 'entitled' || r.status === 'entitled_through_agreement') && r.howToClaim,
  );
  const seen = new Set<string>();
  if (claimable.length > 0) {
    out.push('');
    out.push('How to claim');
    for (const r of claimable) {
      if (!r.howToClaim || seen.has(r.scheme)) continue;
      seen.add(r.scheme);
      out.push(`- ${r.schemeName}: ${r.howToClaim.howTo}`);
      if (r.howToClaim.offices.length > 0)
        out.push(
          `    Offices: ${r.howToClaim.offices.map((o) => `${o.name} (${o.country})`).join('; ')}`,
        );
      if (r.howToClaim.documents.length > 0)
        out.push(`    Bring: ${r.howToClaim.documents.join('; ')}`);
    }
  }
  if (diff) {
    out.push('');
    out.push('With the reform');
    const changed = diff.changes.filter((c) => c.change !== 'same');
    if (changed.length === 0) out.push('  No change for this worker.');
    for (const c of changed) {
      out.push(
        `- ${c.scheme} ${c.branch.replace('_', ' ')}: ${c.change} (${c.before.status ?? '–'} → ${c.after.status ?? '–'}; paid ${c.before.paid ?? '–'} → ${c.after.paid ?? '–'}; payable abroad ${String(c.before.payableAbroad)} → ${String(c.after.payableAbroad)})`,
      );
      if (c.barriersRemoved.length > 0) out.push(`    removes: ${c.barriersRemoved.join(', ')}`);
    }
  }
  for (const note of result.notes) out.push(`\nNote: ${note}`);
  out.push(
    '\nRun with --json for the full result, including the trace of every rule and source used.',
  );
  return out.join('\n');
}
