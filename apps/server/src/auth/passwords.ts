// The one wrapper around argon2: argon2id with OWASP's minimum parameters (m=19 MiB, t=2, p=1).
import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2's Algorithm is a const enum, which isolated modules cannot import: 2 is Argon2id.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    // A malformed stored hash verifies nothing.
    return false;
  }
}

/** A hash of a random password, verified against when the email is unknown, so timing tells nothing. */
export const DECOY_HASH_PASSWORD = 'decoy-password-never-used';
