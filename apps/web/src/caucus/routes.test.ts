import { describe, expect, it } from 'vitest';
import type { CaucusRoute } from './routes.ts';
import { parseCaucusPath } from './routes.ts';

describe('caucus routes', () => {
  it.each<[string, CaucusRoute]>([
    ['/caucus', { page: 'about' }],
    ['/caucus/texts', { page: 'texts' }],
    ['/caucus/texts/resolution_caucus_2011', { page: 'text', id: 'resolution_caucus_2011' }],
    ['/caucus/programmes', { page: 'programmes' }],
    ['/caucus/programmes/phnom_penh_2011', { page: 'programme', id: 'phnom_penh_2011' }],
    ['/caucus/members', { page: 'members' }],
    ['/caucus/commitments', { page: 'commitments' }],
    ['/caucus/commitments/c-1', { page: 'commitment', id: 'c-1' }],
    ['/caucus/documents', { page: 'documents' }],
    ['/caucus/activities', { page: 'work' }],
    ['/caucus/workshops', { page: 'workshops' }],
    [
      '/caucus/workshops/strategy_workshop_2011',
      { page: 'workshop', id: 'strategy_workshop_2011' },
    ],
    ['/sign-in', { page: 'sign-in' }],
    ['/account', { page: 'account' }],
    ['/account/activities', { page: 'activities' }],
    ['/secretariat/activities', { page: 'secretariat', section: 'activities' }],
    ['/secretariat', { page: 'secretariat', section: 'moderation' }],
    ['/secretariat/invitations', { page: 'secretariat', section: 'invitations' }],
    ['/secretariat/follow-ups', { page: 'secretariat', section: 'follow-ups' }],
    ['/secretariat/meetings', { page: 'secretariat', section: 'meetings' }],
    ['/secretariat/collaborations', { page: 'secretariat', section: 'collaborations' }],
    ['/secretariat/national-caucuses', { page: 'secretariat', section: 'national-caucuses' }],
    ['/secretariat/workshops', { page: 'secretariat', section: 'workshops' }],
    [
      '/secretariat/workshops/ws-1',
      { page: 'secretariat', section: 'workshops', workshopId: 'ws-1' },
    ],
    ['/secretariat/workshops/Not%20an%20id', { page: 'not_found' }],
    ['/secretariat/meetings/ws-1', { page: 'not_found' }],
    ['/caucus/workshops/ws-1/picks', { page: 'not_found' }],
    [
      '/invitations/abcdefghijklmnopqrstuvwxyz_-0123',
      { page: 'invitation', token: 'abcdefghijklmnopqrstuvwxyz_-0123' },
    ],
    ['/invitations/short', { page: 'not_found' }],
    ['/secretariat/audit', { page: 'not_found' }],
    ['/caucus/texts/Not%20an%20id', { page: 'not_found' }],
    ['/caucus/members/x', { page: 'not_found' }],
    ['/caucus/activities/x', { page: 'not_found' }],
    ['/account/settings', { page: 'not_found' }],
  ])('%s', (path, route) => {
    expect(parseCaucusPath(path)).toEqual(route);
  });
});
