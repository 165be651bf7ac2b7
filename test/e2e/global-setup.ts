import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../../packages/local/src/index.ts';
import { CHROMIUM } from './support/browser.ts';

/**
 * The browser tests' stack: `npm start`'s (functions, content, demo programme, built web app under /app/), in
 * memory on free ports, plus activity delivered now (support/demo-activity.ts). It runs in a child process
 * (support/stack-main.ts): the integration project's stack lives in this process and owns its environment.
 * Stopped by PID at teardown.
 */
let child: ChildProcess | undefined;

function startChild(): Promise<string> {
  return new Promise((resolve, reject) => {
    child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'support', 'stack-main.ts')],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, with DynamoDB Local and the SES sink: a forced stop takes them all.
        detached: true,
      },
    );
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const ready = /E2E_READY (\S+)/.exec(out);
      if (ready?.[1]) resolve(ready[1]);
    });
    child.stderr?.on('data', (d: Buffer) => {
      err = (err + d.toString()).slice(-8000);
    });
    child.once('exit', (code) =>
      reject(new Error(`e2e stack exited (${code}) before it was ready:\n${err}`)),
    );
  });
}

function stopChild(): Promise<void> {
  const c = child;
  if (!c || c.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Within vitest's teardown timeout (10 s): a clean stop takes 2–5 s, else the whole group is killed.
    const force = setTimeout(() => {
      if (c.pid) process.kill(-c.pid, 'SIGKILL');
    }, 8_000);
    c.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    c.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium (.ci/run does) or set CHROMIUM_PATH`,
    );
  try {
    project.provide('e2eApiUrl', await startChild());
  } catch (e) {
    await stopChild();
    throw e;
  }
  return stopChild;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eApiUrl: string;
  }
}
