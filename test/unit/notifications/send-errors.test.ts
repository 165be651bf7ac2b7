import { describe, expect, it } from 'vitest';
import { classifySendError } from '../../../functions/reminders/mail.ts';
import { SesApiError } from '../../../functions/shared/ses-api.ts';

const ses = (name: string, status: number) => classifySendError(new SesApiError(name, 'x', status));

describe('SES v2 send errors', () => {
  it('fails the message for what the message causes', () => {
    for (const name of ['MessageRejected', 'BadRequestException', 'NotFoundException'])
      expect(ses(name, 400), name).toMatchObject({ permanent: true, outage: false });
  });

  it('stops the tick for SES unwell or an account-wide condition', () => {
    for (const [name, status] of [
      ['TooManyRequestsException', 429],
      ['SendingPausedException', 400],
      ['AccountSuspendedException', 400],
      ['LimitExceededException', 400],
      ['InternalFailure', 500],
    ] as const)
      expect(ses(name, status), name).toMatchObject({ permanent: false, outage: true });
    // No HTTP answer at all: the network or a timeout.
    expect(classifySendError(new TypeError('fetch failed'))).toMatchObject({ outage: true });
  });

  it('retries another client error with the message’s own backoff', () => {
    expect(ses('ConflictException', 409)).toMatchObject({ permanent: false, outage: false });
  });
});
