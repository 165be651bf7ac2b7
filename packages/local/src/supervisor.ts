import type { ChildProcess } from 'node:child_process';

/**
 * Keeps a child process of the local stack running, as a service manager would: when it dies unexpectedly it is
 * started again after a bounded, growing delay (0.5 s, 1 s, 2 s … up to 10 s; back to 0.5 s once it has stayed up a
 * minute), and each death and restart is logged once. `hold()` stops it on purpose (a test simulating an outage)
 * and keeps it down until `release()`.
 */
export class Supervised {
  private child: ChildProcess | undefined;
  private held = false;
  private stopping = false;
  private failures = 0;
  private startedAt = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly name: string,
    private readonly start: () => Promise<ChildProcess>,
    private readonly log: (message: string) => void = (m) => console.error(m),
  ) {}

  get pid(): number | undefined {
    return this.child?.exitCode === null && !this.child.signalCode ? this.child.pid : undefined;
  }

  async run(): Promise<void> {
    this.child = await this.start();
    this.startedAt = Date.now();
    this.watch(this.child);
  }

  private watch(child: ChildProcess): void {
    child.once('exit', (code, signal) => {
      if (this.stopping || this.held || child !== this.child) return;
      if (Date.now() - this.startedAt > 60_000) this.failures = 0;
      const delay = Math.min(10_000, 500 * 2 ** this.failures);
      this.failures += 1;
      this.log(
        `[supervisor] ${this.name} s'est arrêté (${signal ?? `code ${code}`}) ; redémarrage dans ${delay} ms`,
      );
      this.restartTimer = setTimeout(() => void this.restart(), delay);
    });
  }

  private async restart(): Promise<void> {
    if (this.stopping || this.held) return;
    try {
      await this.run();
      this.log(`[supervisor] ${this.name} redémarré (pid ${this.child?.pid})`);
    } catch (e) {
      const delay = Math.min(10_000, 500 * 2 ** this.failures);
      this.failures += 1;
      this.log(
        `[supervisor] ${this.name} : échec du redémarrage (${(e as Error).message}) ; nouvel essai dans ${delay} ms`,
      );
      this.restartTimer = setTimeout(() => void this.restart(), delay);
    }
  }

  /** Stops the child on purpose and keeps it down. */
  async hold(): Promise<void> {
    this.held = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await killChild(this.child);
  }

  async release(): Promise<void> {
    this.held = false;
    if (this.pid === undefined) await this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await killChild(this.child);
  }
}

function killChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode) return Promise.resolve();
  return new Promise((r) => {
    const t = setTimeout(() => {
      child.kill('SIGKILL');
      r();
    }, 5000);
    child.once('exit', () => {
      clearTimeout(t);
      r();
    });
    child.kill('SIGTERM');
  });
}
