import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Api } from './support/api-client.ts';
import { axeViolations, launchBrowser, newPage, signInAs } from './support/browser.ts';

const api = new Api(inject('e2eApiUrl'));
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser, api.baseUrl);
});
afterAll(async () => browser?.close());

type Enrolment = { id: string; sessionId: string; status: string };

describe('learner view', () => {
  it('the sign-in page is accessible', async () => {
    await page.goto('/app/');
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion' }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a learner books a suggested session, sees it in their bookings, then cancels it', async () => {
    await signInAs(page, 'Camille Martin');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Mon parcours');
    const camille = await api.token({ userId: 'camille-martin', roles: ['learner'] });
    const before = await api.must<{ items: Enrolment[] }>('GET', '/me/enrolments', { token: camille });

    // A session more than 3 days ahead, so that cancelling stays before the path's cut-off (48 h).
    const suggested = await api.must<{ items: { sessions: { id: string; start: string }[] }[] }>(
      'GET',
      '/me/sessions/suggested',
      { token: camille },
    );
    const later = suggested.items
      .flatMap((g) => g.sessions)
      .find((s) => Date.parse(s.start) > Date.now() + 3 * 86_400_000);
    expect(later, 'a suggested session more than 3 days ahead').toBeDefined();
    const suggestion = page.locator(`[data-session-id="${later!.id}"]`);
    const when = (await suggestion.locator('.session-when').textContent()) ?? '';
    await suggestion.getByRole('button').click();

    await expect
      .poll(() => page.getByTestId('announcer').textContent(), { timeout: 15_000 })
      .toMatch(/Inscription confirmée|liste d’attente/);
    const bookings = page.getByTestId('my-enrolments');
    await expect.poll(() => bookings.textContent(), { timeout: 15_000 }).toContain(when);

    const after = await api.must<{ items: Enrolment[] }>('GET', '/me/enrolments', { token: camille });
    const added = after.items.filter((e) => !before.items.some((b) => b.id === e.id));
    expect(added).toHaveLength(1);
    expect(['enrolled', 'waitlisted']).toContain(added[0]!.status);
    expect(await axeViolations(page)).toEqual([]);

    const row = bookings.getByRole('row').filter({ hasText: when });
    await row.getByRole('button', { name: /Annuler/ }).click();
    await expect
      .poll(() => page.getByTestId('announcer').textContent(), { timeout: 15_000 })
      .toContain('Inscription annulée');
    const cancelled = await api.must<{ items: Enrolment[] }>('GET', '/me/enrolments', { token: camille });
    expect(cancelled.items.find((e) => e.id === added[0]!.id)?.status).toBe('cancelled');
  });

  it('shows the path progress and the evaluation of the session attended', async () => {
    const progress = page.getByTestId('progress-passinnov');
    await expect(progress.textContent()).resolves.toContain('Validé');
    // Her own path's card (the cockpit story may have made her join another path, listed before).
    await expect(progress.locator('progress').first().getAttribute('max')).resolves.toBe('3');
    await expect(page.locator('details.card summary').first().textContent()).resolves.toContain(
      'Intelligence collective',
    );
  });

  it('switches to English: lang attribute, strings, no accessibility violation', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.evaluate('document.documentElement.lang'), { timeout: 15_000 }).toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('My path');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => page.evaluate('document.documentElement.lang'), { timeout: 15_000 }).toBe('fr');
  });
});
