// The one wrapper around otplib: RFC 6238 TOTP, SHA-1, 6 digits, 30-second steps, one step of
// tolerance either side for clock drift.
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

const STEP_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Tulay', label: account, secret });
}

/** The code for `secret` at `at`: for tests and for `tulay admin create`'s first check. */
export function totpCode(secret: string, at: Date): string {
  return generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** The 30-second time step `token` is the code of (within one step of `at`), or null when it is none. */
export function verifyTotp(secret: string, token: string, at: Date): number | null {
  if (!/^\d{6}$/.test(token)) return null;
  const epoch = Math.floor(at.getTime() / 1000);
  try {
    const result = verifySync({ secret, token, epoch, epochTolerance: 30 });
    // `delta` counts steps from the one `epoch` falls in.
    return result.valid ? Math.floor(epoch / STEP_SECONDS) + result.delta : null;
  } catch {
    return null;
  }
}
