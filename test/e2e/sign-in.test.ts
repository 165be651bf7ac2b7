import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, newPage, signInAs } from './support/browser.ts';

/**
 * Issue #18's story, through the web app and the local stand-ins (cognito-local, the ProConnect OpenID provider, the
 * hosted UI): an agent signs in with ProConnect for the first time, lands as a learner in the service their SIRET
 * names, books a session; the lab makes them a trainer; signing in again, they see the trainer's view; the lab
 * revokes the role and their very next write is refused, with the token they still hold.
 */
// E2E_API_URL: run this file alone against a running `npm start` while working on it.
const baseUrl = process.env['E2E_API_URL'] ?? inject('e2eApiUrl');
const AGENT = 'Hugo Lefèvre';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function noAxeViolations(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page), where).toEqual([]);
}

async function announced(page: Page, text: RegExp): Promise<void> {
  await expect.poll(() => page.getByTestId('announcer').textContent(), { timeout: 15_000 }).toMatch(text);
}

/** Saves the lab's roles form and waits for the API's answer (the announcement reads the same each time). */
async function saveRoles(page: Page): Promise<void> {
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && /\/people\/[^/]+\/roles$/.test(r.url()),
  );
  await page.getByTestId('roles-form').getByRole('button', { name: 'Enregistrer les rôles' }).click();
  expect((await saved).status()).toBe(200);
  await announced(page, /Rôles de .* enregistrés/);
}

/** The app's "Se connecter avec ProConnect", then the agent chosen on ProConnect's (local) page. */
async function signInWithProConnect(page: Page): Promise<void> {
  await page.goto('/app/');
  await page.getByRole('button', { name: 'Se connecter avec ProConnect' }).click();
  await page.getByRole('button', { name: new RegExp(AGENT) }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

/** A write only a trainer (or the lab) may make, with the token the page holds: its status and error code. */
async function trainerWrite(page: Page): Promise<{ status: number; code?: string }> {
  const token = await page.evaluate(() =>
    (
      globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }
    ).sessionStorage.getItem('parcours.token'),
  );
  const res = await fetch(`${baseUrl}/sessions/no-such-session/attendance`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
  return { status: res.status, ...(body.error?.code ? { code: body.error.code } : {}) };
}

describe('sign-in with ProConnect, and the roles the lab gives', () => {
  let agent: Page;
  let lab: Page;

  it('an agent signs in for the first time: a learner, in their service; they book a session', async () => {
    agent = await newPage(browser, baseUrl);
    await agent.goto('/app/');
    await agent.getByRole('button', { name: 'Se connecter avec ProConnect' }).waitFor();
    await noAxeViolations(agent, 'sign-in page');
    await signInWithProConnect(agent);
    await agent.getByRole('link', { name: 'Mon parcours' }).waitFor();
    expect(await agent.getByRole('link', { name: 'Mes animations' }).count()).toBe(0);

    await agent.getByRole('link', { name: 'Catalogue des formations' }).click();
    await agent.getByTestId('catalog-modules').waitFor();
    await agent.getByRole('link', { name: 'Intelligence collective' }).first().click();
    const sessions = agent.getByTestId('module-sessions');
    await sessions.waitFor();
    await sessions
      .getByRole('button', { name: /M’inscrire|liste d’attente/ })
      .first()
      .click();
    await announced(agent, /Inscription confirmée|attente/);

    lab = await newPage(browser, baseUrl);
    await signInAs(lab, 'Léa Dubois');
    await lab.goto('/app/lab/people?q=lef');
    await lab.getByTestId('people-table').waitFor();
    await noAxeViolations(lab, 'people list');
    await lab
      .getByTestId('people-table')
      .getByRole('link', { name: new RegExp(AGENT) })
      .click();
    const identity = lab.getByTestId('person-identity');
    await identity.waitFor();
    // The SIRET of the ARS (content/services.json) named the service at first sign-in.
    await expect
      .poll(() => lab.getByTestId('person-service-section').textContent(), { timeout: 15_000 })
      .toContain('ARS');
    await noAxeViolations(lab, 'person page');
  });

  it('the lab makes them a trainer; signing in again, they see the trainer view', async () => {
    const roles = lab.getByTestId('roles-form');
    await roles.getByRole('checkbox', { name: 'Formateur·rice' }).check();
    await saveRoles(lab);

    // Signing out ends the ProConnect session too (its end-session page asks to confirm).
    await agent.getByRole('button', { name: 'Se déconnecter' }).click();
    await agent.getByRole('button', { name: 'Oui, me déconnecter' }).click();
    await signInWithProConnect(agent);
    await agent.getByRole('link', { name: 'Mes animations' }).waitFor({ timeout: 15_000 });
    // Accepted as a trainer: only the empty body is refused.
    expect(await trainerWrite(agent)).toMatchObject({ status: 400 });
  });

  it('the lab revokes it: the next write with the token they hold is refused at once', async () => {
    const roles = lab.getByTestId('roles-form');
    await roles.getByRole('checkbox', { name: 'Formateur·rice' }).uncheck();
    await saveRoles(lab);
    expect(await trainerWrite(agent)).toEqual({ status: 403, code: 'role-revoked' });
  });
});
