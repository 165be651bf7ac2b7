import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Api } from './support/api-client.ts';
import { axeViolations, launchBrowser, newPage, signInAs } from './support/browser.ts';
import { deliverNow } from './support/deliver-now.ts';

const api = new Api(inject('e2eApiUrl'));
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser, api.baseUrl);
});
afterAll(async () => browser?.close());

describe('trainer view', () => {
  it('a trainer takes attendance of the session they just led', async () => {
    // A session led by Julien, with two learners, started a moment ago; attendance is left to the browser.
    const learners = [
      { userId: `att-a-${Date.now()}`, service: 'ars', name: 'Alice Aubert' },
      { userId: `att-b-${Date.now()}`, service: 'ars', name: 'Bruno Blanc' },
    ];
    const [session] = await deliverNow(api, [
      {
        moduleId: 'intelligence-collective',
        pathId: 'passinnov',
        team: [{ trainerId: 'julien-moreau', role: 'lead' }],
        learners,
        takeAttendance: false,
      },
    ]);

    await signInAs(page, 'Julien Moreau');
    await page.getByRole('link', { name: 'Mes animations' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Mes animations');
    await page.locator(`#take-${session!.id}`).click();

    const panel = page.getByTestId('attendance-panel');
    await panel.getByTestId('attendance-row').first().waitFor();
    expect(await panel.getByTestId('attendance-row').count()).toBe(2);
    await panel
      .getByRole('group', { name: `Présence de ${learners[0]!.userId}` })
      .getByLabel('Présent')
      .check();
    await panel
      .getByRole('group', { name: `Présence de ${learners[1]!.userId}` })
      .getByLabel('Absent')
      .check();
    await panel.getByRole('button', { name: 'Enregistrer l’appel' }).click();
    await expect
      .poll(() => page.getByTestId('announcer').textContent(), { timeout: 15_000 })
      .toBe('Appel enregistré : 1 présent sur 2.');

    const lab = await api.lab();
    const enrolments = await api.must<{ items: { learnerId: string; status: string }[] }>(
      'GET',
      `/sessions/${session!.id}/enrolments`,
      { token: lab },
    );
    const status = Object.fromEntries(enrolments.items.map((e) => [e.learnerId, e.status]));
    expect(status).toEqual({ [learners[0]!.userId]: 'attended', [learners[1]!.userId]: 'no-show' });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows my ladder progress on the entry module', async () => {
    const ladder = page.getByTestId('ladder-module').filter({ hasText: 'Intelligence collective' });
    await ladder.waitFor();
    await expect(ladder.textContent()).resolves.toContain('Observateur');
  });
});
