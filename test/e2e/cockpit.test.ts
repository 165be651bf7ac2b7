import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launchBrowser, signInAs } from './support/browser.ts';

/**
 * Issue #17's story, driven only through the web app (the test itself calls no API): the lab adds a site and a
 * module, puts it in a path, schedules two sessions (the second first blocked by a room clash, shown on the room
 * field), a learner finds the module in the catalogue and books the only seat, another is waitlisted and promoted when
 * the first cancels, the trainer takes attendance, and the lab's delivery mix counts one more session.
 *
 * Time is an input: each person's page runs at a business time of the story (the browser's clock and the API's
 * `X-Parcours-Now`, which the local stack honours), so booking days before the session, cancelling before the cut-off
 * and taking attendance once it started happen without waiting. The session itself lies in the recent past, so the
 * dashboard (real time) counts it as delivered.
 */
// E2E_API_URL: run this file alone against a running `npm start` while working on it.
const baseUrl = process.env['E2E_API_URL'] ?? inject('e2eApiUrl');
const MIN = 60_000;
const DAY = 86_400_000;
const run = Date.now().toString(36);
const siteId = `site-${run}`;
const moduleId = `atelier-${run}`;
const pathId = `parcours-${run}`;
const moduleTitle = `Atelier prototypage ${run}`;
const pathTitle = `Parcours prototypage ${run}`;
/** A trainer the lab registers in the story: free at any hour, so the second session meets the room clash only. */
const newTrainerId = `agent.${run}`;
const newTrainerName = `Inès Garnier ${run}`;

let browser: Browser;
const contexts: BrowserContext[] = [];
/** The session's start: two and a half hours ago, on a five-minute mark (moved back a day while Julien is busy). */
let start = Math.floor((Date.now() - 150 * MIN) / (5 * MIN)) * 5 * MIN;
let sessionId = '';

/** A page of its own (storage, clock) for one person, at business time `at` (undefined: real time). */
async function personPage(
  at: number | undefined,
): Promise<Page & { setBusinessTime: (t?: number) => Promise<void> }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  contexts.push(context);
  const page = (await context.newPage()) as Page & { setBusinessTime: (t?: number) => Promise<void> };
  let businessTime = at;
  await page.route('**/*', (route) => {
    const headers = { ...route.request().headers() };
    if (businessTime !== undefined) headers['x-parcours-now'] = new Date(businessTime).toISOString();
    return route.continue({ headers });
  });
  page.setBusinessTime = async (t) => {
    businessTime = t;
    if (t !== undefined) await page.clock.setFixedTime(t);
  };
  await page.setBusinessTime(at);
  return page;
}

/** `YYYY-MM-DD` and `HH:MM` of an instant in Paris, as the date and time inputs take them. */
function parisParts(ms: number): { date: string; time: string } {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (t: string) => f.find((p) => p.type === t)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** A control by its label's text, required or not (a required field's label ends with an aria-hidden " *"). */
function field(scope: Page | ReturnType<Page['getByTestId']>, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

async function noAxeViolations(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page), where).toEqual([]);
}

async function announced(page: Page, text: string | RegExp): Promise<void> {
  await expect.poll(() => page.getByTestId('announcer').textContent(), { timeout: 15_000 }).toMatch(text);
}

/** The sum of the "total" column of the lab's delivery-mix table (every period shown). */
async function deliveredTotal(page: Page): Promise<number> {
  await page.goto('/app/lab');
  const figure = page.getByTestId('delivery-mix');
  await figure.waitFor();
  await figure.getByText('Afficher le tableau de données').click();
  const rows = page.getByTestId('delivery-mix-table').locator('tbody tr');
  await rows.first().waitFor();
  let total = 0;
  for (const cells of await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  ))
    total += Number(cells[3] ?? 0);
  return total;
}

async function fillSessionForm(
  page: Page,
  at: number,
  trainer: { id: string; role: 'lead' | 'co-facilitator' },
): Promise<void> {
  const from = parisParts(at);
  const to = parisParts(at + 90 * MIN);
  await field(page, 'Module').selectOption(moduleId);
  await field(page, 'Site').selectOption(siteId);
  await field(page, 'Salle').selectOption('atelier');
  await field(page, 'Date de début').fill(from.date);
  await field(page, 'Heure de début').fill(from.time);
  await field(page, 'Date de fin').fill(to.date);
  await field(page, 'Heure de fin').fill(to.time);
  await field(page, 'Capacité (places)').fill('1');
  if ((await field(page, 'Formateur 1').count()) === 0)
    await page.getByRole('button', { name: 'Ajouter un formateur' }).click();
  await field(page, 'Formateur 1').selectOption(trainer.id);
  await field(page, 'Rôle 1').selectOption(trainer.role);
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe('the lab runs the programme from the web app (issue #17)', () => {
  let lab: Awaited<ReturnType<typeof personPage>>;
  let deliveredBefore = 0;

  it('the lab adds a site and a module, and puts the module in a new path', async () => {
    lab = await personPage(undefined);
    await signInAs(lab, 'Léa Dubois');
    deliveredBefore = await deliveredTotal(lab);
    await lab.setBusinessTime(start - 5 * DAY);

    await lab.getByRole('link', { name: 'Catalogue', exact: true }).click();
    await lab.getByTestId('lab-catalog').waitFor();
    await noAxeViolations(lab, 'lab catalogue');

    await lab.goto('/app/lab/catalogue/sites/nouveau');
    // The form fills itself from lists it loads (competencies, modules, sites): type only once they are in.
    await lab.waitForLoadState('networkidle');
    const site = lab.getByTestId('site-form');
    await field(site, 'Identifiant').fill(siteId);
    await field(site, 'Nom').fill(`Lab'O annexe ${run}`);
    await field(site, 'Ville').fill('Toulouse');
    await field(site, 'Adresse').fill('2 rue du Lab, 31000 Toulouse');
    await field(site, 'Accessibilité').fill('Plain-pied, boucle magnétique');
    if ((await field(site, 'Identifiant (Salle 1)').count()) === 0)
      await site.getByRole('button', { name: 'Ajouter une salle' }).click();
    await field(site, 'Identifiant (Salle 1)').fill('atelier');
    await field(site, 'Nom (Salle 1)').fill('Atelier');
    await field(site, 'Capacité (places) (Salle 1)').fill('12');
    await noAxeViolations(lab, 'site form');
    await site.getByRole('button', { name: 'Créer' }).click();
    await expect.poll(() => lab.url(), { timeout: 15_000 }).toContain(`/sites/${siteId}`);

    await lab.goto('/app/lab/catalogue/modules/nouveau');
    // The form fills itself from lists it loads (competencies, modules, sites): type only once they are in.
    await lab.waitForLoadState('networkidle');
    const mod = lab.getByTestId('module-form');
    await field(mod, 'Identifiant').fill(moduleId);
    await field(mod, 'Titre en français').fill(moduleTitle);
    await field(mod, 'Titre en anglais').fill(`Prototyping workshop ${run}`);
    await field(mod, 'Résumé en français').fill('Passer d’une idée à un prototype testable.');
    await field(mod, 'Résumé en anglais').fill('From an idea to a testable prototype in one session.');
    await field(mod, 'Thème').selectOption('design');
    await field(mod, 'Durée totale (minutes)').fill('90');
    await field(mod, 'Dont théorie (minutes)').fill('20');
    await field(mod, 'Dont pratique (minutes)').fill('70');
    await field(mod, 'Objectif 1 en français').fill('Construire un prototype papier');
    await field(mod, 'Objectif 1 en anglais').fill('Build a paper prototype');
    await field(mod, 'Compétence 1').selectOption({ index: 1 });
    await noAxeViolations(lab, 'module form');
    await mod.getByRole('button', { name: 'Créer' }).click();
    await expect.poll(() => lab.url(), { timeout: 15_000 }).toContain(`/modules/${moduleId}`);

    await lab.goto('/app/lab/catalogue/parcours/nouveau');
    // The form fills itself from lists it loads (competencies, modules, sites): type only once they are in.
    await lab.waitForLoadState('networkidle');
    const path = lab.getByTestId('path-form');
    await field(path, 'Identifiant').fill(pathId);
    await field(path, 'Titre en français').fill(pathTitle);
    await field(path, 'Titre en anglais').fill(`Prototyping path ${run}`);
    await field(path, 'Résumé en français').fill('Le module d’entrée, puis le prototypage.');
    await field(path, 'Résumé en anglais').fill('The entry module, then prototyping.');
    await field(path, 'Public en français').fill('Agents des services déconcentrés');
    await field(path, 'Public en anglais').fill('Staff of the regional services');
    await field(path, 'Module d’entrée (obligatoire)').selectOption('intelligence-collective');
    await path.getByLabel(moduleTitle).check();
    await field(path, 'Modules au choix à valider (N)').fill('1');
    await noAxeViolations(lab, 'path form');
    await path.getByRole('button', { name: 'Créer' }).click();
    await expect.poll(() => lab.url(), { timeout: 15_000 }).toContain(`/parcours/${pathId}`);
  });

  it('a stale edit by a second lab member gets the 409 message, nothing is overwritten', async () => {
    const other = await personPage(start - 5 * DAY);
    await signInAs(other, 'Léa Dubois');
    await lab.goto(`/app/lab/catalogue/modules/${moduleId}`);
    await other.goto(`/app/lab/catalogue/modules/${moduleId}`);
    // Both forms hold version 1 before anyone saves.
    for (const p of [lab, other])
      await expect.poll(() => field(p, 'Résumé en français').inputValue(), { timeout: 15_000 }).not.toBe('');
    await field(lab, 'Résumé en français').fill('Résumé revu par la première personne.');
    await lab.getByRole('button', { name: 'Enregistrer' }).click();
    // Saved (version 2) before the second person saves the version 1 they loaded.
    await announced(lab, `« ${moduleTitle} » est enregistré.`);
    await field(other, 'Résumé en français').fill('Résumé de la seconde personne.');
    await other.getByRole('button', { name: 'Enregistrer' }).click();
    const notice = other.getByTestId('stale-version');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('Quelqu’un a enregistré cet élément entre-temps');
    await noAxeViolations(other, 'stale notice');
  });

  it('schedules two sessions with Julien; a room clash shows on the room field', async () => {
    // The first session; Julien may be busy then in the demo programme: the form says so on his field.
    for (let attempt = 0; ; attempt++) {
      await lab.goto('/app/lab/sessions/nouvelle');
      const form = lab.getByTestId('session-form');
      await form.waitFor();
      await fillSessionForm(lab, start, { id: 'julien-moreau', role: 'lead' });
      const override = field(lab, 'Programmer quand même (dérogation enregistrée)');
      await override.waitFor({ timeout: 10_000 });
      await override.check();
      await field(lab, 'Motif de la dérogation').fill('Nouveau module : Julien l’anime en pilote.');
      if (attempt === 0) await noAxeViolations(lab, 'session form');
      await lab.getByRole('button', { name: 'Programmer la session' }).click();
      const created = await expect
        .poll(
          async () =>
            (/\/lab\/sessions\/(s-[a-z0-9]+)$/.exec(lab.url())?.[1] ?? '') ||
            ((await lab.locator('.field-error').count()) > 0 ? 'error' : ''),
          { timeout: 15_000 },
        )
        .not.toBe('')
        .then(() => /\/lab\/sessions\/(s-[a-z0-9]+)$/.exec(lab.url())?.[1]);
      if (created) {
        sessionId = created;
        break;
      }
      expect(
        attempt,
        await lab
          .locator('.field-error')
          .allTextContents()
          .then((t) => t.join(' | ')),
      ).toBeLessThan(5);
      start -= DAY;
      await lab.setBusinessTime(start - 5 * DAY);
    }
    await noAxeViolations(lab, 'session page');

    // A new internal trainer in the registry, for the second session.
    await lab.getByRole('link', { name: 'Formateurs', exact: true }).click();
    await lab.getByTestId('trainer-registry').waitFor();
    await lab.getByRole('button', { name: 'Ajouter un formateur' }).click();
    const trainer = lab.getByTestId('trainer-form');
    await field(trainer, 'Identifiant du compte').fill(newTrainerId);
    await field(trainer, 'Nom').fill(newTrainerName);
    await field(trainer, 'Type').selectOption('internal');
    await field(trainer, 'Service de rattachement').selectOption({ index: 1 });
    await noAxeViolations(lab, 'trainer form');
    await trainer.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await lab.getByRole('link', { name: newTrainerName }).waitFor();

    // The second session, in the same room at the same time: refused, on the room field.
    await lab.goto('/app/lab/sessions/nouvelle');
    await fillSessionForm(lab, start, { id: newTrainerId, role: 'lead' });
    const override = lab.getByLabel('Programmer quand même (dérogation enregistrée)');
    await override.waitFor({ timeout: 10_000 });
    await override.check();
    await field(lab, 'Motif de la dérogation').fill('Seconde séance pilote.');
    await lab.getByRole('button', { name: 'Programmer la session' }).click();
    const roomError = lab.locator('#session-room-error');
    await roomError.waitFor();
    await expect(roomError.textContent()).resolves.toMatch(/salle/i);
    await expect(field(lab, 'Salle').getAttribute('aria-invalid')).resolves.toBe('true');
    await noAxeViolations(lab, 'session form with a room clash');
    // Two hours later the room is free: scheduled.
    const later = parisParts(start + 120 * MIN);
    const laterEnd = parisParts(start + 210 * MIN);
    await field(lab, 'Date de début').fill(later.date);
    await field(lab, 'Heure de début').fill(later.time);
    await field(lab, 'Date de fin').fill(laterEnd.date);
    await field(lab, 'Heure de fin').fill(laterEnd.time);
    await lab.getByRole('button', { name: 'Programmer la session' }).click();
    await expect.poll(() => lab.url(), { timeout: 15_000 }).toMatch(/\/lab\/sessions\/s-[a-z0-9]+$/);
    expect(lab.url()).not.toContain(sessionId);
  });

  it('a learner finds the module in the catalogue and books; another is waitlisted, then promoted', async () => {
    const camille = await personPage(start - 4 * DAY);
    await signInAs(camille, 'Camille Martin');
    await camille.getByRole('link', { name: 'Catalogue des formations' }).click();
    await camille.getByTestId('catalog-modules').waitFor();
    await noAxeViolations(camille, 'learner catalogue');
    await camille.getByRole('link', { name: moduleTitle }).first().click();
    const sessions = camille.getByTestId('module-sessions');
    await sessions.waitFor();
    await noAxeViolations(camille, 'module page');
    await sessions
      .locator(`[data-session-id="${sessionId}"]`)
      .getByRole('button', { name: /M’inscrire/ })
      .click();
    await announced(camille, /Inscription confirmée/);

    const thomas = await personPage(start - 4 * DAY + 30 * MIN);
    await signInAs(thomas, 'Thomas Petit');
    await thomas.goto(`/app/catalogue/modules/${moduleId}`);
    // The session is full: its button offers the waiting list.
    await thomas
      .getByTestId('module-sessions')
      .locator(`[data-session-id="${sessionId}"]`)
      .getByRole('button', { name: /liste d’attente/ })
      .click();
    await announced(thomas, /attente/);

    // Camille cannot come after all: she cancels well before the cut-off; Thomas gets the seat.
    await camille.setBusinessTime(start - 3 * DAY);
    await camille.getByRole('link', { name: 'Mon parcours' }).click();
    await camille.getByRole('button', { name: `Annuler mon inscription à « ${moduleTitle} »` }).click();
    await announced(camille, /Inscription annulée/);

    await lab.setBusinessTime(start - 3 * DAY + MIN);
    await lab.goto(`/app/lab/sessions/${sessionId}`);
    const enrolled = lab.getByTestId('enrolment-list');
    await expect.poll(() => enrolled.textContent(), { timeout: 15_000 }).toContain('thomas-petit');
    await expect(lab.getByTestId('waitlist').textContent()).resolves.not.toContain('thomas-petit');
  });

  it('the trainer takes attendance, and the lab sees the delivery mix count the session', async () => {
    const julien = await personPage(start + 20 * MIN);
    await signInAs(julien, 'Julien Moreau');
    await julien.getByRole('link', { name: 'Mes animations' }).click();
    await julien.locator(`#take-${sessionId}`).click();
    const panel = julien.getByTestId('attendance-panel');
    await panel.getByTestId('attendance-row').first().waitFor();
    await panel.getByRole('group', { name: 'Présence de thomas-petit' }).getByLabel('Présent').check();
    await panel.getByRole('button', { name: 'Enregistrer l’appel' }).click();
    await announced(julien, 'Appel enregistré : 1 présent sur 1.');

    await lab.setBusinessTime(undefined);
    await expect
      .poll(() => deliveredTotal(lab), { timeout: 30_000, interval: 1_000 })
      .toBe(deliveredBefore + 1);
  });

  it('an archived module disappears from booking', async () => {
    await lab.setBusinessTime(start - 2 * DAY);
    // The path goes first (a live path cannot offer an archived module), then the module.
    for (const [kind, id] of [
      ['parcours', pathId],
      ['modules', moduleId],
    ] as const) {
      await lab.goto(`/app/lab/catalogue/${kind}/${id}`);
      await lab.getByRole('button', { name: 'Archiver' }).click();
      await lab.getByRole('button', { name: 'Restaurer' }).waitFor();
    }
    const camille = await personPage(start - 2 * DAY);
    await signInAs(camille, 'Camille Martin');
    await camille.goto('/app/catalogue');
    await camille.getByTestId('catalog-modules').waitFor();
    await expect(camille.getByRole('link', { name: moduleTitle }).count()).resolves.toBe(0);
    await expect(camille.getByText(pathTitle).count()).resolves.toBe(0);
  });

  it('the new views have no axe violation in English either; the session form works with the keyboard alone', async () => {
    const page = await personPage(start - 5 * DAY);
    await signInAs(page, 'Léa Dubois');
    await page.getByRole('button', { name: 'English' }).click();
    for (const path of [
      '/app/lab/sessions',
      `/app/lab/sessions/${sessionId}`,
      '/app/lab/sessions/nouvelle',
      '/app/lab/formateurs',
      '/app/lab/formateurs/julien-moreau',
      '/app/lab/catalogue/modules',
      `/app/lab/catalogue/modules/${moduleId}/historique`,
      '/app/lab/operations',
      '/app/lab/operations/lrs',
      '/app/lab/operations/audit',
      '/app/lab/operations/rgpd',
    ]) {
      await page.goto(path);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      await noAxeViolations(page, `${path} (en)`);
    }

    // Keyboard only: from the module select, Tab moves through every field in order and each takes typed input.
    await page.goto('/app/lab/sessions/nouvelle');
    await field(page, 'Module').focus();
    const visited: string[] = [];
    // (a date input is three stops in Chromium: day, month, year)
    for (let i = 0; i < 30; i++) {
      visited.push(await page.evaluate('document.activeElement?.id ?? ""').then(String));
      await page.keyboard.press('Tab');
    }
    for (const id of [
      'session-site',
      'session-room',
      'session-start-date',
      'session-start-time',
      'session-capacity',
    ])
      expect(visited, visited.join(',')).toContain(id);
    await page.locator('#session-capacity').focus();
    await page.keyboard.type('7');
    await expect(page.locator('#session-capacity').inputValue()).resolves.toBe('7');
  });
});
