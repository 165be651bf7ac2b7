/**
 * `npm run screenshots`: PNGs of every view for the README (docs/screenshots/), taken in Debian's Chromium against
 * the same stack as the browser tests (npm start's, in memory, plus the demo activity of support/demo-activity.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../packages/local/src/index.ts';
import { Api } from './support/api-client.ts';
import { launchBrowser, newPage, signInAs } from './support/browser.ts';
import { seedDemoActivity } from './support/demo-activity.ts';
import { startE2eStack } from './support/e2e-stack.ts';

const out = join(REPO_ROOT, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const log = (m: string) => console.log(`[screenshots] ${m}`);
log('starting the local stack (in memory) and building the web app if needed…');
const stack = await startE2eStack(log);
const browser = await launchBrowser();
try {
  await seedDemoActivity(new Api(stack.apiUrl));
  const shoot = async (page: Page, name: string) => {
    // Let charts and lists settle (no spinner left), then the whole page.
    await page.waitForLoadState('networkidle');
    await page
      .locator('.loading')
      .first()
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => undefined);
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
    log(`docs/screenshots/${name}.png`);
  };

  const signIn = await newPage(browser, stack.apiUrl);
  await signIn.goto('/app/');
  await shoot(signIn, 'sign-in');

  const learner = await newPage(browser, stack.apiUrl);
  await signInAs(learner, 'Camille Martin');
  await shoot(learner, 'learner');

  const trainer = await newPage(browser, stack.apiUrl);
  await signInAs(trainer, 'Julien Moreau');
  await trainer.goto('/app/formateur');
  await trainer.locator('button[id^="take-"]').first().click();
  await trainer.getByTestId('attendance-row').first().waitFor();
  await shoot(trainer, 'trainer');

  const lab = await newPage(browser, stack.apiUrl);
  await signInAs(lab, 'Léa Dubois');
  await lab.getByTestId('delivery-mix').waitFor();
  await lab.getByTestId('delivery-mix').getByText('Afficher le tableau de données').click();
  await shoot(lab, 'lab');

  const hr = await newPage(browser, stack.apiUrl);
  await signInAs(hr, 'Nadia Benali');
  await hr.getByRole('button', { name: /DRFIP, Intelligence collective/ }).click();
  await hr.getByTestId('agents-table').waitFor();
  await shoot(hr, 'hr');

  const english = await newPage(browser, stack.apiUrl);
  await signInAs(english, 'Léa Dubois');
  await english.getByRole('button', { name: 'English' }).click();
  await english.getByRole('heading', { level: 1, name: 'Lab dashboard' }).waitFor();
  await shoot(english, 'lab-en');
} finally {
  await browser.close();
  await stack.stop();
}
