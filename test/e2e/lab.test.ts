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

type Kpi = {
  points: {
    period: string;
    sessions: { total: number; external: number; mixed: number; internal: number };
  }[];
};

describe('lab view', () => {
  it("the delivery-mix chart and its table show the programme's transfer to internal trainers", async () => {
    const kpi = await api.must<Kpi>('GET', '/transfer/kpi', { token: await api.lab() });
    const delivered = kpi.points.filter((p) => p.sessions.total > 0);
    // The demo activity delivered an external-led, a mixed and an internal-led session.
    expect(delivered.reduce((a, p) => a + p.sessions.external, 0)).toBeGreaterThan(0);
    expect(delivered.reduce((a, p) => a + p.sessions.internal, 0)).toBeGreaterThan(0);

    await signInAs(page, 'Léa Dubois');
    await page.getByRole('link', { name: 'Pilotage du lab' }).click();
    const figure = page.getByTestId('delivery-mix');
    await figure.waitFor();
    const svg = figure.locator('svg[role="img"]');
    await expect(svg.getAttribute('aria-describedby')).resolves.toBe('mix-summary');
    await expect(svg.locator('title').textContent()).resolves.toContain('Sessions par type d’animation');
    expect(await figure.locator('rect.bar-external').count()).toBeGreaterThan(0);
    expect(await figure.locator('rect.bar-internal').count()).toBeGreaterThan(0);
    expect(await figure.locator('path.line-share').getAttribute('d')).toMatch(/^M/);
    await expect(figure.locator('.chart-summary').textContent()).resolves.toMatch(
      /part animée en interne passe de/,
    );

    // The alternative: the data table, one click away, with the same numbers as the API.
    await figure.getByText('Afficher le tableau de données').click();
    const table = page.getByTestId('delivery-mix-table');
    for (const p of delivered) {
      const cells = await table
        .getByRole('row')
        .nth(kpi.points.indexOf(p) + 1)
        .locator('td')
        .allTextContents();
      expect(cells.slice(0, 4)).toEqual(
        [p.sessions.external, p.sessions.mixed, p.sessions.internal, p.sessions.total].map(String),
      );
    }
    await page.getByTestId('forecast-table').waitFor();
    await page.getByTestId('satisfaction').waitFor();
    await page.getByTestId('ladder-pipeline').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('filters the charts to one module', async () => {
    await page.getByLabel('Périmètre').selectOption('module:intelligence-collective');
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await expect
      .poll(() => page.getByTestId('delivery-mix').locator('figcaption').textContent())
      .toContain('Intelligence collective');
  });
});
