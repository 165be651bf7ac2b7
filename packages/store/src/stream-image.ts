/**
 * Item images of the table's stream, for the stream consumer and its projections: the record carries them in the
 * wire format (`{ S: '…' }`, `{ N: '…' }`…); projections read them in document form, like any item the store returns.
 * The one place outside the gateway that knows the wire format.
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { NativeAttributeValue } from './gateway.ts';

/** A value of an item image in document form (string, number, list, map, binary…). */
export type ImageValue = NativeAttributeValue;

/** An item image in document form. */
export type ItemImage = Record<string, ImageValue>;

/** An image as a stream record carries it (aws-lambda's `StreamRecord['NewImage']`): attribute values on the wire. */
export type WireImage = Readonly<Record<string, object>>;

/** The item an image shows, or undefined when the record has no such image (no old image on INSERT…). */
export function itemFromImage(image: WireImage | undefined): ItemImage | undefined {
  // The event's attribute values are the wire format `unmarshall` reads, under aws-lambda's own (looser) type.
  return image ? unmarshall(image as Parameters<typeof unmarshall>[0]) : undefined;
}
