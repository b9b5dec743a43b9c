// The one wrapper around otplib: RFC 6238 TOTP, SHA-1, 6 digits, 30-second steps, one step of
// tolerance either side for clock drift.
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

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

export function verifyTotp(secret: string, token: string, at: Date): boolean {
  if (!/^\d{6}$/.test(token)) return false;
  try {
    return verifySync({ secret, token, epoch: Math.floor(at.getTime() / 1000), epochTolerance: 30 })
      .valid;
  } catch {
    return false;
  }
}
