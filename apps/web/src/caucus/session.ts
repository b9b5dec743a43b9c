// Who is signed in: asked of the server once (GET /api/auth/me) and shared by every caucus page.
// The session itself is an HttpOnly cookie the page never sees.
import { useEffect, useSyncExternalStore } from 'react';
import type { Role, User } from './api.ts';
import { ApiError, api } from './api.ts';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'offline' }
  | { readonly status: 'ready'; readonly user: User | null };

let state: SessionState = { status: 'loading' };
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  for (const l of listeners) l();
}

/** Asks the server who is signed in (again, when `force`). */
export function refreshSession(force = false): Promise<void> {
  if (loading && !force) return loading;
  loading = api<{ user: User | null }>('GET', '/api/auth/me')
    .then(({ user }) => {
      set({ status: 'ready', user });
    })
    .catch((e: unknown) => {
      set(
        e instanceof ApiError && e.code === 'network'
          ? { status: 'offline' }
          : { status: 'ready', user: null },
      );
    });
  return loading;
}

/** Signs in; answers `totp_required` (an ApiError) when the role needs the 6-digit code. */
export async function signIn(email: string, password: string, totp?: string): Promise<User> {
  const { user } = await api<{ user: User }>('POST', '/api/auth/login', {
    email,
    password,
    ...(totp ? { totp } : {}),
  });
  set({ status: 'ready', user });
  return user;
}

export async function signOut(): Promise<void> {
  await api('POST', '/api/auth/logout');
  set({ status: 'ready', user: null });
}

/** Marks the session as signed in after accepting an invitation. */
export function setSignedIn(user: User): void {
  set({ status: 'ready', user });
}

export function useSession(): SessionState {
  const s = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
  useEffect(() => {
    if (state.status === 'loading') void refreshSession();
  }, []);
  return s;
}

export const isSecretariat = (role: Role | undefined): boolean =>
  role === 'secretariat' || role === 'admin';
