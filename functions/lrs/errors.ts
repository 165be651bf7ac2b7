/**
 * An LRS error: the status is chosen by the resource code per the requirement it enforces (Communication 3.2), so
 * it is carried as is rather than through the domain's error kinds. Bodies use the API's error model.
 */
export class LrsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'LrsError';
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new LrsError(400, code, message, details);
