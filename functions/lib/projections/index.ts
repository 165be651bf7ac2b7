import type { Projection } from './projection.ts';

/**
 * Every projection fed by the stream consumer. Adding one = one line here. Order matters only within a record:
 * projections of the same record run sequentially, in this order.
 */
export const projections: Projection[] = [];
