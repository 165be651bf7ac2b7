import { badRequest } from './errors.ts';

/**
 * Communication 3.3.s3: accept `1.0` and any `1.0.x`; reject versions before 1.0.0 and from 1.1.0 on, with 400.
 * The About resource is exempt (2.8.s5.b4).
 */
export function checkVersionHeader(value: string | undefined): void {
  if (value === undefined || value.trim() === '') {
    throw badRequest(
      'version-required',
      'The X-Experience-API-Version header is required (Communication 3.3.s4.b1)',
    );
  }
  if (!/^1\.0(\.\d+)?$/.test(value.trim())) {
    throw badRequest(
      'version-unsupported',
      `X-Experience-API-Version '${value}' is not supported: this LRS speaks 1.0.x (Communication 3.3.s3.b4-b6)`,
    );
  }
}
