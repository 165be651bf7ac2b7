import type { NativeAttributeValue } from '@aws-sdk/lib-dynamodb';

/** A stream record with its images already unmarshalled. */
export interface ChangeRecord {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** Entity type of the item (every item stores one), from the new image or else the old one. */
  entity: string;
  newImage?: Record<string, NativeAttributeValue>;
  oldImage?: Record<string, NativeAttributeValue>;
  sequenceNumber: string;
}

/**
 * A projection maintains derived data (aggregates, notifications, indexes) from the table's stream. It must be
 * idempotent: Lambda's event source mapping delivers at least once, and a batch may be retried.
 */
export interface Projection {
  name: string;
  /** Entities this projection reacts to; the consumer skips the others without calling it. */
  entities: readonly string[];
  apply(record: ChangeRecord): Promise<void>;
}
