/**
 * Where faults can be injected into the table client (tests only; see faults.ts). In production no interceptor is
 * set and a call costs one comparison.
 */
export type SendInterceptor = (
  command: string,
  input: Record<string, unknown>,
  send: () => Promise<unknown>,
) => Promise<unknown>;

let interceptor: SendInterceptor | undefined;

export function setSendInterceptor(next: SendInterceptor | undefined): void {
  interceptor = next;
}

export function interceptSend(
  command: string,
  input: Record<string, unknown>,
  send: () => Promise<unknown>,
): Promise<unknown> {
  return interceptor ? interceptor(command, input, send) : send();
}
