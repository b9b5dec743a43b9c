// The caucus's pages, read from the path the app's router hands over (src/router.tsx).

export const SECRETARIAT_SECTIONS = [
  'invitations',
  'drives',
  'moderation',
  'programmes',
  'texts',
  'follow-ups',
  'activities',
  'meetings',
  'collaborations',
  'national-caucuses',
  'workshops',
] as const;
export type SecretariatSection = (typeof SECRETARIAT_SECTIONS)[number];

/** A caucus page, parsed from the path. */
export type CaucusRoute =
  | { readonly page: 'about' }
  | { readonly page: 'texts' }
  | { readonly page: 'text'; readonly id: string }
  | { readonly page: 'programmes' }
  | { readonly page: 'programme'; readonly id: string }
  | { readonly page: 'members' }
  | { readonly page: 'commitments' }
  | { readonly page: 'commitment'; readonly id: string }
  | { readonly page: 'documents' }
  | { readonly page: 'workshops' }
  | { readonly page: 'workshop'; readonly id: string }
  | { readonly page: 'work' }
  | { readonly page: 'sign-in' }
  | { readonly page: 'account' }
  | { readonly page: 'activities' }
  | {
      readonly page: 'secretariat';
      readonly section: SecretariatSection;
      /** A workshop the secretariat runs (/secretariat/workshops/:id). */
      readonly workshopId?: string;
    }
  | { readonly page: 'invitation'; readonly token: string }
  | { readonly page: 'not_found' };

const ID = /^[a-z0-9_-]{1,200}$/;

export function parseCaucusPath(path: string): CaucusRoute {
  const [head, a, b, ...rest] = path.split('/').filter((p) => p !== '');
  if (rest.length > 0) return { page: 'not_found' };
  const one = (page: 'text' | 'programme' | 'commitment' | 'workshop'): CaucusRoute =>
    b === undefined
      ? { page: page === 'text' ? 'texts' : `${page}s` }
      : ID.test(b)
        ? { page, id: b }
        : { page: 'not_found' };
  if (head === 'caucus') {
    if (a === undefined) return { page: 'about' };
    if (a === 'texts') return one('text');
    if (a === 'programmes') return one('programme');
    if (a === 'commitments') return one('commitment');
    if (a === 'workshops') return one('workshop');
    if (b === undefined && (a === 'members' || a === 'documents')) return { page: a };
    // The caucus's activities as the public sees them (the member's own are /account/activities).
    if (b === undefined && a === 'activities') return { page: 'work' };
  }
  if (head === 'sign-in' && a === undefined) return { page: 'sign-in' };
  if (head === 'account' && a === undefined) return { page: 'account' };
  if (head === 'account' && a === 'activities' && b === undefined) return { page: 'activities' };
  if (head === 'secretariat' && a === 'workshops' && b !== undefined)
    return ID.test(b)
      ? { page: 'secretariat', section: 'workshops', workshopId: b }
      : { page: 'not_found' };
  if (head === 'secretariat' && b === undefined) {
    if (a === undefined) return { page: 'secretariat', section: 'moderation' };
    const section = SECRETARIAT_SECTIONS.find((s) => s === a);
    if (section) return { page: 'secretariat', section };
  }
  if (
    head === 'invitations' &&
    a !== undefined &&
    b === undefined &&
    /^[A-Za-z0-9_-]{20,200}$/.test(a)
  )
    return { page: 'invitation', token: a };
  return { page: 'not_found' };
}
