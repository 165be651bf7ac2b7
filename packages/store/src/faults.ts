/**
 * Fault injection for tests: DynamoDB Local never throttles, never conflicts and never leaves UnprocessedKeys, so
 * the retry code would never run. A test installs rules; the gateway's calls that match a rule get the fault instead
 * of (or, for leftovers, around) the real call to DynamoDB Local. Never imported by functions.
 *
 *   injectFaults([{ command: 'BatchGetCommand', fault: 'unprocessed', times: 3 }]);
 *   try { … } finally { clearFaults(); }
 *
 * Integration tests reach it over HTTP (`POST /_local/faults`, `POST /_local/faults/clear`: local routes only).
 */
import {
  InternalServerError,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import { setSendInterceptor } from './fault-hook.ts';

export type FaultKind =
  | 'provisioned-throughput' // ProvisionedThroughputExceededException
  | 'throttling' // ThrottlingException
  | 'transaction-conflict' // TransactWriteItems cancelled with TransactionConflict reasons
  | 'server-error' // 500 InternalServerError
  | 'unprocessed'; // BatchGet/BatchWrite: only half of the request is done, the rest comes back as leftovers

export interface FaultRule {
  /** The document-client command name (`BatchGetCommand`, `TransactWriteCommand`, `PutCommand`…), or `*`. */
  command: string;
  fault: FaultKind;
  /** How many matching calls get the fault (default: all of them, until restored). */
  times?: number;
  /** Let this many matching calls through before faulting (default 0). */
  after?: number;
  /** Only calls whose input, as JSON, contains this text (e.g. a session id or a partition key). */
  match?: string;
}

export interface FaultLog {
  /** Faults injected so far, by rule index. */
  injected: number[];
}

const meta = { httpStatusCode: 400, $fault: 'client' };

function thrown(kind: FaultKind, input: Record<string, unknown>): Error {
  switch (kind) {
    case 'provisioned-throughput':
      return new ProvisionedThroughputExceededException({
        message: 'Injected: throughput exceeded',
        $metadata: meta,
      });
    case 'throttling':
      return Object.assign(new Error('Injected: rate of requests exceeds the allowed throughput'), {
        name: 'ThrottlingException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      });
    case 'server-error':
      return new InternalServerError({
        message: 'Injected: internal server error',
        $metadata: { httpStatusCode: 500 },
      });
    case 'transaction-conflict': {
      const n = ((input['TransactItems'] as unknown[] | undefined) ?? []).length;
      return new TransactionCanceledException({
        message: 'Injected: transaction cancelled',
        $metadata: meta,
        CancellationReasons: Array.from({ length: n }, (_, i) =>
          i === 0 ? { Code: 'TransactionConflict' } : { Code: 'None' },
        ),
      });
    }
    case 'unprocessed':
      throw new Error('unprocessed is not thrown');
  }
}

type Requests = Record<string, { Keys?: unknown[] } & Record<string, unknown>>;

/** Sends half of a batch for real and hands the other half back as leftovers, as DynamoDB does under load. */
async function halfBatch(
  command: string,
  input: Record<string, unknown>,
  send: (i: Record<string, unknown>) => Promise<unknown>,
) {
  const [table, request] = Object.entries(input['RequestItems'] as Requests)[0]!;
  if (command === 'BatchGetCommand') {
    const keys = request.Keys ?? [];
    const half = Math.ceil(keys.length / 2);
    const done =
      keys.length > 1
        ? ((await send({
            ...input,
            RequestItems: { [table]: { ...request, Keys: keys.slice(0, half) } },
          })) as { Responses?: Record<string, unknown[]> })
        : { Responses: { [table]: [] } };
    const left = keys.length > 1 ? keys.slice(half) : keys;
    return {
      Responses: done.Responses ?? { [table]: [] },
      UnprocessedKeys: { [table]: { ...request, Keys: left } },
    };
  }
  const writes = request as unknown as unknown[];
  const half = Math.ceil(writes.length / 2);
  if (writes.length > 1) await send({ ...input, RequestItems: { [table]: writes.slice(0, half) } });
  return { UnprocessedItems: { [table]: writes.length > 1 ? writes.slice(half) : writes } };
}

/** The real client, for the half of a batch that goes through. */
function sendRaw(command: string, input: Record<string, unknown>): Promise<unknown> {
  const client = documentClient();
  // biome-ignore lint/suspicious/noExplicitAny: the input was built by the gateway for this very command
  const i = input as any;
  return command === 'BatchGetCommand'
    ? client.send(new BatchGetCommand(i))
    : client.send(new BatchWriteCommand(i));
}

let installed: FaultLog | undefined;

/** Installs fault rules on the table client of this process (replacing any); `clearFaults` removes them. */
export function injectFaults(rules: FaultRule[]): FaultLog {
  const seen = rules.map(() => 0);
  const log: FaultLog = { injected: rules.map(() => 0) };
  setSendInterceptor(async (command, input, send) => {
    for (const [i, rule] of rules.entries()) {
      if (
        (rule.command !== '*' && rule.command !== command) ||
        (rule.match && !JSON.stringify(input).includes(rule.match))
      )
        continue;
      const n = seen[i]!++;
      if (n < (rule.after ?? 0) || log.injected[i]! >= (rule.times ?? Number.POSITIVE_INFINITY)) continue;
      log.injected[i]!++;
      if (rule.fault === 'unprocessed') return halfBatch(command, input, (x) => sendRaw(command, x));
      throw thrown(rule.fault, input);
    }
    return send();
  });
  installed = log;
  return log;
}

/** Removes the fault rules; returns how many faults each rule injected. */
export function clearFaults(): FaultLog {
  setSendInterceptor(undefined);
  const log = installed ?? { injected: [] };
  installed = undefined;
  return log;
}
