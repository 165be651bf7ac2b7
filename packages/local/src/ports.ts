import { createServer, Socket } from 'node:net';

/** A free TCP port chosen by the OS (tests run several stacks side by side without clashes). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function isOpen(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const s = new Socket();
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.connect(port, '127.0.0.1');
  });
}

/**
 * Refuses a port something else already answers on: waiting for it to open would then wait for the stranger, and the
 * stack would talk to it (an old stand-in left running, another program).
 */
export async function assertPortFree(port: number, what: string): Promise<void> {
  if (await isOpen(port))
    throw new Error(
      `${what}: port ${port} is already in use by another process (stop it, or choose another port)`,
    );
}

export async function waitForPort(port: number, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isOpen(port)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what} did not open port ${port} within ${timeoutMs} ms`);
}
