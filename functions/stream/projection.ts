import type { Entity } from '@parcours/store/entities';
import type { ItemImage } from '@parcours/store/stream-image';

/** A stream record with its images in document form. */
export interface ChangeRecord {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** Entity of the item (every item stores one), from the new image or else the old one. */
  entity: Entity;
  newImage?: ItemImage;
  oldImage?: ItemImage;
  sequenceNumber: string;
}

/**
 * A projection maintains derived data (aggregates, notifications, indexes) from the table's stream. It must be
 * idempotent: Lambda's event source mapping delivers at least once, and a batch may be retried.
 */
export interface Projection {
  name: string;
  /** Entities this projection reacts to; the consumer skips the others without calling it. */
  entities: readonly Entity[];
  apply(record: ChangeRecord): Promise<void>;
}
