/**
 * Where the local stack watches the table client's calls: faults injected by tests (faults.ts) and the check that a
 * function calls only the table actions its route-table entry declares (packages/local/src/table-access.ts, IAM's
 * stand-in). In production neither is set and a call costs two comparisons.
 */
export type SendInterceptor = (
  command: string,
  input: Record<string, unknown>,
  send: () => Promise<unknown>,
) => Promise<unknown>;

/** Throws to refuse a call before it is sent, as IAM would (AccessDeniedException). */
export type CommandGuard = (command: string, input: Record<string, unknown>) => void;

let interceptor: SendInterceptor | undefined;
let guard: CommandGuard | undefined;

export function setCommandGuard(next: CommandGuard | undefined): void {
  guard = next;
}

export function setSendInterceptor(next: SendInterceptor | undefined): void {
  interceptor = next;
}

export function interceptSend(
  command: string,
  input: Record<string, unknown>,
  send: () => Promise<unknown>,
): Promise<unknown> {
  if (guard) {
    try {
      guard(command, input);
    } catch (e) {
      return Promise.reject(e);
    }
  }
  return interceptor ? interceptor(command, input, send) : send();
}
