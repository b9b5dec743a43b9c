// Who may see and do what. Reading is governed by each record's visibility; writing by the
// permissions below. Both are checked in use cases, never left to the client.
import type { Role, Visibility } from '@tulay/store';
import { VISIBILITIES } from '@tulay/store/vocabulary';
import { ApiError } from './errors.ts';

/** The person making a request: a visitor, or a signed-in user. */
export type Actor =
  | { kind: 'public' }
  | {
      kind: 'user';
      userId: string;
      role: Role;
      /** The person the account is tied to (a member's own record; for staff, the member they act for). */
      personId: string | null;
      isVerified: boolean;
      sessionId: string;
    };

export const PUBLIC: Actor = { kind: 'public' };

/** The role name, with `public` for a visitor. */
export function roleOf(actor: Actor): Role | 'public' {
  return actor.kind === 'public' ? 'public' : actor.role;
}

/** The visibilities a viewer may read. */
export function scopeOf(actor: Actor): Visibility[] {
  switch (roleOf(actor)) {
    case 'public':
      return ['public'];
    case 'member':
    case 'staff':
    case 'partner':
      return ['public', 'caucus'];
    case 'secretariat':
    case 'admin':
      return [...VISIBILITIES];
  }
}

/** Every action that changes something, and the roles allowed to take it. */
export const PERMISSIONS = {
  'directory.write': ['secretariat', 'admin'],
  'programme.write': ['secretariat', 'admin'],
  'text.write': ['secretariat', 'admin'],
  // Endorsing is a member's own act: staff who act for a member do not sign for them.
  'text.endorse': ['member'],
  'drive.manage': ['secretariat', 'admin'],
  // Voiding a wrong endorsement (one made without a seat, say) is the secretariat's correction.
  'endorsement.void': ['secretariat', 'admin'],
  'commitment.write': ['secretariat', 'admin'],
  // Members and staff may add evidence to commitments their member owns (checked in the use case).
  'evidence.add': ['member', 'staff', 'secretariat', 'admin'],
  'followup.write': ['secretariat', 'admin'],
  // Visits, national caucuses, bills, bodies' meetings, engagements and collaborations.
  'activity.write': ['secretariat', 'admin'],
  // A member, or staff acting for them, records their own visits, bills and engagements, kept to
  // the caucus or the secretariat until the secretariat publishes them (checked in the use case).
  'activity.record': ['member', 'staff'],
  // The secretariat runs a workshop; a participant with a verified account picks their own three.
  'workshop.run': ['secretariat', 'admin'],
  'workshop.pick': ['member', 'partner'],
  'invitation.create': ['secretariat', 'admin'],
  'user.manage': ['admin'],
  'audit.read': ['secretariat', 'admin'],
  // Any participant may submit a document; the secretariat's own uploads are published at once.
  'document.submit': ['member', 'staff', 'partner', 'secretariat', 'admin'],
  'document.moderate': ['secretariat', 'admin'],
  // Written inputs on a research draft's sections, seen only by the secretariat and the author.
  'document.feedback': ['member', 'staff', 'partner', 'secretariat', 'admin'],
  // A run costs minutes of CPU: signed-in participants only (staff act through their member).
  'simulation.run': ['member', 'partner', 'secretariat', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Whether the actor holds the permission. */
export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'public') return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

/** Throws 401 for a visitor and 403 for a user without the permission. */
export function authorise(
  actor: Actor,
  permission: Permission,
): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind === 'public') throw new ApiError('unauthenticated', 'sign in first');
  if (!can(actor, permission)) {
    throw new ApiError('forbidden', `the ${actor.role} role may not do this (${permission})`);
  }
}

/** Roles that must sign in with a second factor. */
export const TOTP_ROLES: readonly Role[] = ['secretariat', 'admin'];

/** Which roles a role may invite: the secretariat invites participants, an admin anyone. */
export function mayInvite(inviter: Role, invitee: Role): boolean {
  if (inviter === 'admin') return true;
  if (inviter === 'secretariat')
    return invitee === 'member' || invitee === 'staff' || invitee === 'partner';
  return false;
}
