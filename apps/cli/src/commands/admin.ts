import { randomBytes } from 'node:crypto';
import { createAdmin, systemClock } from '@tulay/server';
import type { Io } from '../io.ts';
import { EXIT, UsageError } from '../io.ts';
import type { DbTarget } from './db.ts';
import { openTarget } from './db.ts';

/**
 * `tulay admin create --email E --name N`: makes an admin account with a generated password and
 * a TOTP secret, printed once (or the password in TULAY_ADMIN_PASSWORD). Use it for the first
 * admin; later ones are invited.
 */
export async function adminCreate(
  io: Io,
  target: DbTarget,
  input: { email?: string | undefined; name?: string | undefined; password?: string | undefined },
): Promise<number> {
  if (input.email === undefined || !/^[^@\s]+@[^@\s]+$/.test(input.email)) {
    throw new UsageError('admin create needs --email ADDRESS');
  }
  if (input.name === undefined || input.name.trim() === '')
    throw new UsageError('admin create needs --name "FULL NAME"');
  if (input.password !== undefined && input.password.length < 12)
    throw new UsageError('TULAY_ADMIN_PASSWORD must be at least 12 characters');
  const password = input.password ?? randomBytes(18).toString('base64url');
  const store = openTarget(target);
  try {
    await store.migrate();
    const created = await createAdmin(
      { store, clock: systemClock, actor: { kind: 'public' } },
      { email: input.email, display_name: input.name.trim(), password },
    ).catch((e: unknown) => {
      if (e instanceof Error && 'code' in e && e.code === 'conflict') return e.message;
      throw e;
    });
    if (typeof created === 'string') {
      io.err(`tulay: ${created}`);
      return EXIT.problems;
    }
    io.out(`Admin ${created.user.email} created in ${store.location}.`);
    if (input.password === undefined) io.out(`Password (shown once): ${password}`);
    io.out(`Second factor: add this secret to an authenticator app: ${created.totpSecret}`);
    io.out(`or scan: ${created.totpUri}`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
