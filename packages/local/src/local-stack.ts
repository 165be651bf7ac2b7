import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROCONNECT_PROVIDER } from '@parcours/domain/people/proconnect';
import type { FunctionDef } from '@parcours/http/route-types';
import { clearFaults, injectFaults } from '@parcours/store/faults';
import { ensureLocalPool, startCognitoLocal } from './cognito-local.ts';
import { ensureTable, localDynamoClient, startDynamoLocal } from './dynamo-local.ts';
import { startHostedUi } from './hosted-ui.ts';
import { createHttpAdapter, type HttpHandler } from './http-adapter.ts';
import { applyLocalEnv, LOCAL_TABLE, localCredentials } from './local-env.ts';
import { LocalIdentity, localSecret } from './local-identity.ts';
import { freePort } from './ports.ts';
import { startProConnect } from './proconnect-stand-in.ts';
import { startSesSink } from './ses-sink.ts';
import { type StreamHandler, StreamPoller } from './stream-poller.ts';
import { Supervised } from './supervisor.ts';
import { enforcePoolAccess, enforceTableAccess, runAs, tableActionsUsed } from './table-access.ts';
import type { WebAppOptions } from './web-static.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

export interface LocalStackOptions {
  /** Folder for persistent data (DynamoDB files, token secret, stream checkpoints); in memory when absent. */
  dataDir?: string;
  fresh?: boolean;
  apiPort?: number;
  dynamoPort?: number;
  sesPort?: number;
  /** The user pool stand-in (cognito-local). */
  cognitoPort?: number;
  /** ProConnect's stand-in and the pool's hosted UI (federation); both always run, on free ports by default. */
  proConnectPort?: number;
  hostedUiPort?: number;
  /** Run background triggers (schedule ticks); tests turn the tick off and call it explicitly. */
  schedules?: boolean;
  /** Serves the web dashboards under `/app/` on the API's origin (see web-static.ts). */
  web?: WebAppOptions;
  /** Loads content/demo data into the table once it exists. */
  seed?: (ctx: { apiUrl: string; tokens: LocalIdentity }) => Promise<void>;
}

export interface LocalStack {
  apiUrl: string;
  dynamoEndpoint: string;
  sesUrl: string;
  cognitoEndpoint: string;
  /** The hosted UI stand-in's origin (`/oauth2/authorize`…) and ProConnect's stand-in's issuer. */
  hostedUiUrl: string;
  proConnectIssuer: string;
  tokens: LocalIdentity;
  pids: number[];
  streamDrained: () => Promise<void>;
  runFunction: (name: string, event: unknown) => Promise<unknown>;
  stopSes: () => Promise<void>;
  startSes: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * The whole system on this machine: DynamoDB Local, the SES sink, the HTTP adapter in front of the same handlers
 * Lambda runs, the stream consumer fed from the table's stream, and the scheduled functions ticking.
 */
export async function startLocalStack(
  functions: readonly FunctionDef[],
  opts: LocalStackOptions = {},
): Promise<LocalStack> {
  if (opts.fresh && opts.dataDir) rmSync(opts.dataDir, { recursive: true, force: true });
  const dynamoPort = opts.dynamoPort ?? (await freePort());
  const sesPort = opts.sesPort ?? (await freePort());
  const apiPort = opts.apiPort ?? (await freePort());
  const cognitoPort = opts.cognitoPort ?? (await freePort());
  const dynamoEndpoint = `http://127.0.0.1:${dynamoPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;

  // Before DynamoDB Local opens its files: the per-machine key names the database file (local-env.ts).
  localCredentials(opts.dataDir ? { dataDir: opts.dataDir } : {});
  // Both stand-ins are supervised: restarted when they die, as a service manager would (supervisor.ts).
  const dynamo = new Supervised('DynamoDB Local', () =>
    startDynamoLocal({
      port: dynamoPort,
      ...(opts.dataDir ? { dataDir: join(opts.dataDir, 'dynamodb') } : {}),
    }),
  );
  await dynamo.run();
  const ses = new Supervised('SES sink', () => startSesSink(sesPort));
  // The pool's files: beside the other data, or a folder of this run only (removed at stop).
  const cognitoDir = opts.dataDir
    ? join(opts.dataDir, 'cognito')
    : mkdtempSync(join(tmpdir(), 'parcours-pool-'));
  const cognito = new Supervised('cognito-local', () => startCognitoLocal(cognitoPort, cognitoDir));
  const cleanup: (() => Promise<void>)[] = [
    () => dynamo.stop(),
    () => ses.stop(),
    () => cognito.stop(),
    async () => {
      if (!opts.dataDir) rmSync(cognitoDir, { recursive: true, force: true });
    },
  ];
  try {
    await Promise.all([ses.run(), cognito.run()]);
    const cognitoEndpoint = `http://127.0.0.1:${cognitoPort}`;
    const pool = await ensureLocalPool(cognitoEndpoint, cognitoDir);
    const sesUrl = `http://127.0.0.1:${sesPort}`;
    applyLocalEnv({ dynamoEndpoint, sesEndpoint: sesUrl, publicUrl: apiUrl, pool });

    const client = localDynamoClient(dynamoEndpoint);
    await ensureTable(client, LOCAL_TABLE);

    const tokens = new LocalIdentity(
      pool,
      localSecret(opts.dataDir ? join(opts.dataDir, 'pool-secret') : undefined),
    );
    // ProConnect's stand-in and the hosted UI that federates it (hosted-ui.ts): the "Se connecter avec ProConnect"
    // path of the web app, the same requests as on AWS.
    const proConnectPort = opts.proConnectPort ?? (await freePort());
    const hostedUiPort = opts.hostedUiPort ?? (await freePort());
    const federation = { clientId: 'parcours-hosted-ui', clientSecret: randomBytes(24).toString('hex') };
    const appOrigins = [apiUrl, apiUrl.replace('127.0.0.1', 'localhost')];
    const proConnect = await startProConnect(proConnectPort, {
      ...federation,
      redirectUri: `http://127.0.0.1:${hostedUiPort}/oauth2/idpresponse`,
      postLogoutRedirectUris: appOrigins.map((o) => `${o}/app/`),
    });
    cleanup.unshift(() => proConnect.stop());
    const hostedUi = await startHostedUi({
      port: hostedUiPort,
      identity: tokens,
      appOrigins,
      proConnect: { issuer: proConnect.issuer, ...federation },
    });
    cleanup.unshift(() => hostedUi.stop());
    const web: WebAppOptions | undefined = opts.web && {
      ...opts.web,
      config: {
        ...opts.web.config,
        cognito: {
          baseUrl: hostedUi.baseUrl,
          clientId: pool.clientId,
          native: false,
          proConnect: {
            provider: PROCONNECT_PROVIDER,
            endSessionUrl: `${proConnect.issuer}/session/end`,
            clientId: federation.clientId,
          },
        },
      },
    };

    const loaded = new Map<string, Promise<Record<string, unknown>>>();
    let apiDocument: Promise<unknown> | undefined;
    const loadModule = (name: string) => {
      let m = loaded.get(name);
      if (!m) {
        m = import(pathToFileURL(join(REPO_ROOT, 'functions', name, 'handler.ts')).href) as Promise<
          Record<string, unknown>
        >;
        loaded.set(name, m);
      }
      return m;
    };
    const defOf = (name: string) => {
      const def = functions.find((f) => f.name === name);
      if (!def) throw new Error(`No function '${name}' in the route table`);
      return def;
    };
    // Each function's table calls are held to its declared actions, as its IAM role holds them on AWS.
    enforceTableAccess();
    enforcePoolAccess(cognitoEndpoint);
    const runFunction = async (name: string, event: unknown) => {
      const mod = await loadModule(name);
      const handler = mod['handler'] as (e: unknown, c: unknown) => Promise<unknown>;
      return runAs(defOf(name), () =>
        handler(event, { awsRequestId: `local-${Date.now()}`, functionName: name }),
      );
    };

    let poller: StreamPoller | undefined;
    const streamDrained = () => (poller ? poller.drained() : Promise.resolve());
    const stopSes = () => ses.hold();
    const startSes = () => ses.release();
    const server: Server = createHttpAdapter({
      functions,
      tokens,
      localRoutes: true,
      control: {
        runFunction,
        streamDrained,
        stopSes,
        startSes,
        injectFaults,
        clearFaults,
        tableAccess: tableActionsUsed,
      },
      load: async (name) => {
        const handler = (await loadModule(name))['handler'] as HttpHandler;
        const def = defOf(name);
        return (event, context) => runAs(def, () => handler(event, context));
      },
      // Built from every context's schemas, as `cdk synth` builds the published one (functions/openapi.ts).
      apiDocument: async () => {
        apiDocument ??= import(pathToFileURL(join(REPO_ROOT, 'functions', 'openapi.ts')).href).then(
          (m: { openApiDocument: () => unknown }) => m.openApiDocument(),
        );
        return apiDocument;
      },
      ...(web ? { web } : {}),
    });
    await new Promise<void>((r) => server.listen(apiPort, '127.0.0.1', r));
    cleanup.unshift(() => new Promise<void>((r) => server.close(() => r())));
    server.keepAliveTimeout = 1000;

    const streamFn = functions.find((f) => f.stream);
    if (streamFn) {
      poller = new StreamPoller({
        endpoint: dynamoEndpoint,
        dynamo: client,
        tableName: LOCAL_TABLE,
        batchSize: streamFn.stream!.batchSize,
        handler: (event) => runFunction(streamFn.name, event) as ReturnType<StreamHandler>,
        ...(opts.dataDir ? { checkpointFile: join(opts.dataDir, 'stream-checkpoints.json') } : {}),
      });
      poller.start();
      const p = poller;
      cleanup.unshift(() => p.stop());
    }

    if (opts.schedules !== false) {
      for (const fn of functions.filter((f) => f.schedule)) {
        let busy = false;
        const timer = setInterval(async () => {
          if (busy) return; // EventBridge may overlap; the functions are safe under overlap, but keep the log calm
          busy = true;
          try {
            await runFunction(fn.name, { source: 'local.scheduler', time: new Date().toISOString() });
          } catch (e) {
            console.error(`[scheduler] ${fn.name} failed`, (e as Error).message);
          } finally {
            busy = false;
          }
        }, fn.schedule!.localIntervalMs);
        cleanup.unshift(async () => clearInterval(timer));
      }
    }

    if (opts.seed) await opts.seed({ apiUrl, tokens });

    const stack: LocalStack = {
      apiUrl,
      dynamoEndpoint,
      sesUrl,
      cognitoEndpoint,
      hostedUiUrl: hostedUi.baseUrl,
      proConnectIssuer: proConnect.issuer,
      tokens,
      get pids() {
        return [dynamo.pid, ses.pid, cognito.pid].filter((p): p is number => typeof p === 'number');
      },
      streamDrained,
      runFunction,
      stopSes,
      startSes,
      stop: async () => {
        for (const c of cleanup) await c().catch(() => undefined);
        client.destroy();
      },
    };
    return stack;
  } catch (e) {
    for (const c of cleanup) await c().catch(() => undefined);
    throw e;
  }
}
