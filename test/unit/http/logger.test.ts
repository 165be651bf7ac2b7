import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../../packages/http/src/logger.ts';

afterEach(() => vi.restoreAllMocks());

describe('logger', () => {
  it('writes one JSON line whose level, message and timestamp no field can overwrite', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    // vitest.config.ts sets LOG_LEVEL=ERROR: errors are written, info is not.
    logger.info('quiet');
    logger.error('boom', { level: 'INFO', message: 'forged', route: 'GET /x' });
    expect(write).toHaveBeenCalledTimes(1);
    const line = String(write.mock.calls[0]?.[0]);
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toMatchObject({
      level: 'ERROR',
      message: 'boom',
      route: 'GET /x',
      service: 'parcours',
    });
  });
});
