import { auditLog } from './audit-log.ts';
import { notificationsProjection } from './notifications.ts';
import { peopleProjection } from './people.ts';
import type { Projection } from './projection.ts';
import { reportsProjection } from './reports.ts';
import { transferProjection } from './transfer.ts';
import { xapiIndexProjection } from './xapi-index.ts';

/**
 * Every projection fed by the stream consumer. Adding one = one line here. Order matters only within a record:
 * projections of the same record run sequentially, in this order.
 */
export const projections: Projection[] = [
  auditLog,
  notificationsProjection,
  xapiIndexProjection,
  transferProjection,
  reportsProjection,
  peopleProjection,
];
