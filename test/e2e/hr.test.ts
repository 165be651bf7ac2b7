import { readFileSync } from 'node:fs';
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

describe('HR view', () => {
  it('shows the competency × service heatmap of my services and drills down to the agents', async () => {
    await signInAs(page, 'Nadia Benali');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Compétences des agents',
    );
    const heatmap = page.getByTestId('heatmap');
    await heatmap.waitFor();
    const headers = await heatmap.locator('thead th').allTextContents();
    expect(headers.join(' ')).toContain('DRFIP');
    expect(headers.join(' ')).not.toContain('SGAR');

    const row = heatmap
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Intelligence collective' }) });
    await row.getByRole('button', { name: /DRFIP, Intelligence collective/ }).click();
    const panel = page.getByTestId('agents-panel');
    await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain('Camille Martin');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('downloads the agents as a CSV file', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger les agents en CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const path = await file.path();
    const csv = readFileSync(path, 'utf8');
    expect(csv.split('\n').length).toBeGreaterThan(2);
    expect(csv).toContain('Camille Martin');
    expect(csv).not.toContain('Julien Moreau');
    await expect
      .poll(() => page.getByTestId('announcer').textContent(), { timeout: 15_000 })
      .toMatch(/Fichier CSV prêt/);
  });

  it('opens an agent’s record from the drill-down', async () => {
    await page.getByTestId('agents-panel').getByRole('link', { name: 'Camille Martin' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toBe('Camille Martin');
    expect(await axeViolations(page)).toEqual([]);
  });
});
