/**
 * IAM's stand-in for the table: while a function of the route table runs locally, every call it makes to the table
 * must be one of the actions its entry declares (`access.table`) — the same list the CDK stack turns into its policy.
 * An undeclared call fails as on AWS (`AccessDeniedException`, a 500 to the caller), so the whole test suite checks
 * that each context's declared permissions are enough; the stack test checks they are all it gets.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import type { FunctionDef, TableAction, UserPoolAction } from '@parcours/http/route-types';
import { setCommandGuard } from '@parcours/store/fault-hook';

interface Running {
  readonly name: string;
  readonly allowed: ReadonlySet<TableAction>;
  readonly pool: ReadonlySet<UserPoolAction>;
}

const running = new AsyncLocalStorage<Running>();

const SINGLE: Readonly<Record<string, TableAction>> = {
  GetCommand: 'GetItem',
  PutCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  QueryCommand: 'Query',
  ScanCommand: 'Scan',
  BatchGetCommand: 'BatchGetItem',
  BatchWriteCommand: 'BatchWriteItem',
  DescribeTableCommand: 'DescribeTable',
};

const TRANSACT_ITEM: Readonly<Record<string, TableAction>> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'ConditionCheckItem',
};

/** The IAM actions a table call needs: a transaction needs its items' actions. */
export function actionsOf(command: string, input: Record<string, unknown>): TableAction[] {
  if (command === 'TransactWriteCommand') {
    const items = (input['TransactItems'] ?? []) as Record<string, unknown>[];
    return [...new Set(items.flatMap((item) => Object.keys(item).flatMap((k) => TRANSACT_ITEM[k] ?? [])))];
  }
  const action = SINGLE[command];
  if (!action) throw new Error(`table-access: no IAM action known for ${command}`);
  return [action];
}

export class AccessDeniedError extends Error {
  override readonly name = 'AccessDeniedException';
}

/** Runs `work` as `fn`: its table calls (and those of everything it awaits) are checked against its declaration. */
export function runAs<T>(fn: FunctionDef, work: () => T): T {
  return running.run(
    { name: fn.name, allowed: new Set(fn.access.table), pool: new Set(fn.access.userPool ?? []) },
    work,
  );
}

const used = new Map<string, Set<TableAction>>();

/** The table actions each function has used since the stack started (`POST /_local/table-access`). */
export function tableActionsUsed(): Record<string, TableAction[]> {
  return Object.fromEntries([...used].map(([name, actions]) => [name, [...actions].sort()]));
}

/**
 * Installs the check; calls made outside `runAs` (tests reading the table directly, seeding) are not checked. Every
 * action a function uses is recorded (`tableActionsUsed`); with `TABLE_ACCESS_LOG=<file>` it is also appended once
 * (`<function> <action>` lines), so a whole `npm test` tells whether a declared action is still used before it goes.
 */
export function enforceTableAccess(): void {
  const log = process.env['TABLE_ACCESS_LOG'];
  setCommandGuard((command, input) => {
    const fn = running.getStore();
    if (!fn) return;
    const actions = actionsOf(command, input);
    const denied = actions.filter((a) => !fn.allowed.has(a));
    if (denied.length > 0)
      throw new AccessDeniedError(
        `Function '${fn.name}' is not allowed dynamodb:${denied.join(', dynamodb:')} (add it to its access.table in the route table)`,
      );
    const seen = used.get(fn.name) ?? new Set<TableAction>();
    used.set(fn.name, seen);
    for (const action of actions) {
      if (!seen.has(action) && log) appendFileSync(log, `${fn.name} ${action}\n`);
      seen.add(action);
    }
  });
}

/**
 * The same for the user pool stand-in: a function's admin calls to cognito-local (`x-amz-target`) must be among its
 * `access.userPool`, or they are answered as Cognito answers a missing permission (400 `AccessDeniedException`).
 */
export function enforcePoolAccess(endpoint: string): void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const fn = running.getStore();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (fn && url.startsWith(endpoint)) {
      const target = new Headers(init?.headers).get('x-amz-target') ?? '';
      const op = target.split('.').pop() as UserPoolAction;
      if (!fn.pool.has(op))
        return new Response(
          JSON.stringify({
            __type: 'AccessDeniedException',
            message: `Function '${fn.name}' is not allowed cognito-idp:${op} (add it to its access.userPool in the route table)`,
          }),
          { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1' } },
        );
    }
    return original(input, init);
  };
}
