/**
 * Builders for UpdateExpressions. Attribute names always go behind placeholders: many of ours (`start`, `end`,
 * `status`) are DynamoDB reserved words.
 */
import type { NativeAttributeValue, TransactItem } from './gateway.ts';
import type { ItemKey } from './keys.ts';

export interface SetClause {
  /** `#a0 = :a0` assignments, to join after `SET`. */
  parts: string[];
  names: Record<string, string>;
  values: Record<string, NativeAttributeValue>;
}

/** `SET` assignments for a record of attributes; `undefined` values are left out (not removed). */
export function setClause(attrs: Record<string, NativeAttributeValue>, prefix = 'a'): SetClause {
  const names: Record<string, string> = {};
  const values: Record<string, NativeAttributeValue> = {};
  const parts: string[] = [];
  Object.entries(attrs).forEach(([k, v], i) => {
    if (v === undefined) return;
    names[`#${prefix}${i}`] = k;
    values[`:${prefix}${i}`] = v;
    parts.push(`#${prefix}${i} = :${prefix}${i}`);
  });
  return { parts, names, values };
}

/** An upsert that keeps the first writer's `createdAt/createdBy` (a Put would overwrite them). */
export function upsertOp(
  key: ItemKey,
  attrs: Record<string, NativeAttributeValue>,
  by: string,
  now: string,
): TransactItem {
  const set = setClause({ ...attrs, updatedAt: now, updatedBy: by });
  return {
    Update: {
      Key: key,
      UpdateExpression: `SET ${[
        ...set.parts,
        '#createdAt = if_not_exists(#createdAt, :createdAt)',
        '#createdBy = if_not_exists(#createdBy, :createdBy)',
      ].join(', ')}`,
      ExpressionAttributeNames: { ...set.names, '#createdAt': 'createdAt', '#createdBy': 'createdBy' },
      ExpressionAttributeValues: { ...set.values, ':createdAt': now, ':createdBy': by },
    },
  };
}
