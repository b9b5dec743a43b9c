// The real server for the caucus's browser tests: the API over a fresh SQLite store with the founding
// report loaded, serving a production build of the app, on 127.0.0.1 and a free port. Accounts are
// written straight into the store (synthetic people), as the server tests' harness does.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@tulay/store';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadSeed, openStore } from '@tulay/store';
import { buildApp } from '../../server/src/app.ts';
import { hashPassword } from '../../server/src/auth/passwords.ts';
import { newTotpSecret, totpCode } from '../../server/src/auth/totp.ts';

export const PASSWORD = 'correct horse battery staple';

export interface CaucusServer {
  readonly url: string;
  readonly store: Store;
  readonly member: { readonly email: string; readonly personId: string };
  readonly secretariat: { readonly email: string; readonly totpSecret: string };
  /**
   * A code for the secretariat's next sign-in. The server takes each code once (a later step's
   * code only after it), so this hands out the current step's code, then the next one (within
   * the server's one-step tolerance), and waits for the clock past that.
   */
  secretariatCode(): Promise<string>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) =>
    probe.close(() => {
      resolve();
    }),
  );
  return port;
}

/** Starts the API and the app built in `webRoot`, with a verified member and a secretariat account. */
export async function startCaucusServer(webRoot: string): Promise<CaucusServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tulay-web-caucus-'));
  const store = openStore({ sqlitePath: join(dir, 'tulay.sqlite'), root: dir });
  await store.migrate();
  await loadSeed(store);
  const now = new Date().toISOString();
  const { records, accounts } = store.repos;
  const personId = 'test_mp_web';
  await records.insert('people', {
    id: personId,
    name: 'Hon. Test Legislator',
    sort_name: null,
    honorific_prefix: null,
    national_identity: null,
    area_id: 'ocd-division/country:th',
    summary: null,
    visibility: 'public',
    created_at: now,
    updated_at: now,
    extra: '{}',
  });
  // A seat in a parliament: only a sitting member of parliament may endorse (docs/api.md).
  await records.insert('memberships', {
    id: 'test_mp_web_seat',
    person_id: personId,
    organization_id: 'th_national_assembly',
    post_id: null,
    on_behalf_of_id: null,
    role: 'member',
    label: 'MP',
    area_id: null,
    start_date: '2023-05',
    end_date: null,
    status: 'current',
    visibility: 'public',
    created_at: now,
    updated_at: now,
    extra: '{}',
  });
  const hash = await hashPassword(PASSWORD);
  const member = { email: 'mp@example.org', personId };
  await accounts.addUser({
    id: crypto.randomUUID(),
    email: member.email,
    display_name: 'Test Legislator',
    role: 'member',
    password_hash: hash,
    person_id: personId,
    is_verified: 1,
    totp_secret: null,
    created_at: now,
    updated_at: now,
    disabled_at: null,
  });
  const secretariat = { email: 'secretariat@example.org', totpSecret: newTotpSecret() };
  let lastStep = 0;
  await accounts.addUser({
    id: crypto.randomUUID(),
    email: secretariat.email,
    display_name: 'Test Secretariat',
    role: 'secretariat',
    password_hash: hash,
    person_id: null,
    is_verified: 0,
    totp_secret: secretariat.totpSecret,
    created_at: now,
    updated_at: now,
    disabled_at: null,
  });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { app } = await buildApp({
    store,
    logLevel: 'silent',
    baseUrl: url,
    webRoot,
    rateLimitPerMinute: false,
    isStoreOwned: true,
  });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    store,
    member,
    secretariat,
    async secretariatCode() {
      for (;;) {
        const current = Math.floor(Date.now() / 30_000);
        const step = Math.max(current, lastStep + 1);
        if (step <= current + 1) {
          lastStep = step;
          return totpCode(secretariat.totpSecret, new Date(step * 30_000));
        }
        await new Promise((resolve) =>
          setTimeout(resolve, (current + 1) * 30_000 - Date.now() + 50),
        );
      }
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A one-page PDF whose text is `text` (ASCII), small enough to write by hand. */
export function minimalPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * Signs `email` in on the English sign-in page: a member lands on their account; the secretariat
 * is then asked for its two-factor code (the server answers totp_required) and lands on its page.
 */
export async function signIn(
  page: Page,
  server: CaucusServer,
  email: string,
  asSecretariat = false,
): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (asSecretariat) {
    await page.getByLabel('6-digit code').fill(await server.secretariatCode());
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.waitForURL('**/secretariat');
  } else await page.waitForURL('**/account');
}

/** Waits until no part of the page says it is loading (a page may load several at once). */
export async function loaded(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('[role="status"]').filter({ hasText: 'Loading' }).count(), {
      timeout: 30_000,
    })
    .toBe(0);
}

/** The error shown under the field whose control is `control`, by its aria-describedby. */
export async function errorUnder(control: Locator): Promise<string> {
  await expect.poll(() => control.getAttribute('aria-invalid')).toBe('true');
  const id = await control.getAttribute('id');
  return (
    (await control
      .page()
      .locator(`[id="${id ?? ''}-error"]`)
      .textContent()) ?? ''
  );
}
