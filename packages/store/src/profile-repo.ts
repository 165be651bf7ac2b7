import { nowIso } from '@parcours/domain/clock';
import type { Locale, Principal } from '@parcours/domain/roles';
import type { Entity } from './entities.ts';
import { batchGet, get, type NativeAttributeValue, update } from './gateway.ts';
import { keys } from './keys.ts';

export interface NotificationPreferences {
  /** Reminders and other optional e-mails; essential ones (confirmations, cancellations, moves) always go. */
  nonEssentialEmails: boolean;
}

/** A person's contact details and preferences (`user#<id>` / `profile`): who the notifications go to, and how. */
export interface UserProfileItem {
  pk: string;
  sk: 'profile';
  entity: Extract<Entity, 'user-profile'>;
  userId: string;
  email?: string;
  /** `identity`: from the identity provider's (verified) claim, which wins; `user`: typed by the user. */
  emailSource?: 'identity' | 'user';
  displayName?: string;
  locale: Locale;
  service?: string;
  preferences: NotificationPreferences;
  createdAt: string;
  updatedAt: string;
}

export const DEFAULT_PREFERENCES: NotificationPreferences = { nonEssentialEmails: true };

/** Display names by user id, for those who have one (a person without a profile is simply absent). */
export async function displayNames(userIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(userIds)];
  const profiles = await batchGet<Pick<UserProfileItem, 'userId' | 'displayName'>>(
    unique.map((id) => keys.user.profile(id)),
    { projection: '#u, #n', names: { '#u': 'userId', '#n': 'displayName' } },
  );
  return new Map(profiles.filter((p) => p.displayName).map((p) => [p.userId, p.displayName!]));
}

export async function getProfile(userId: string, consistent = true): Promise<UserProfileItem | undefined> {
  return get<UserProfileItem>({ Key: keys.user.profile(userId), ConsistentRead: consistent });
}

type ProfilePatch = Partial<
  Pick<UserProfileItem, 'email' | 'emailSource' | 'displayName' | 'locale' | 'service'>
> & {
  preferences?: NotificationPreferences;
};

/** Upserts the given fields; creates the profile (locale fr, default preferences) when there is none. */
export async function updateProfile(
  userId: string,
  patch: ProfilePatch,
  now: string,
): Promise<UserProfileItem> {
  const names: Record<string, string> = {};
  const values: Record<string, NativeAttributeValue> = {
    ':entity': 'user-profile',
    ':uid': userId,
    ':now': now,
  };
  const sets = [
    'entity = :entity',
    'userId = :uid',
    'createdAt = if_not_exists(createdAt, :now)',
    'updatedAt = :now',
  ];
  const fields = ['email', 'emailSource', 'displayName', 'locale', 'service'] as const;
  for (const f of fields) {
    if (patch[f] === undefined) continue;
    names[`#${f}`] = f;
    values[`:${f}`] = patch[f];
    sets.push(`#${f} = :${f}`);
  }
  if (patch.locale === undefined) {
    names['#locale'] = 'locale';
    values[':fr'] = 'fr';
    sets.push('#locale = if_not_exists(#locale, :fr)');
  }
  // Preferences are one small map, replaced whole when given (the API takes the whole object), else defaulted.
  names['#prefs'] = 'preferences';
  if (patch.preferences) {
    values[':prefs'] = { ...DEFAULT_PREFERENCES, ...patch.preferences };
    sets.push('#prefs = :prefs');
  } else {
    values[':prefs'] = DEFAULT_PREFERENCES;
    sets.push('#prefs = if_not_exists(#prefs, :prefs)');
  }
  return (await update({
    Key: keys.user.profile(userId),
    UpdateExpression: `SET ${sets.join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ReturnValues: 'ALL_NEW',
  })) as UserProfileItem;
}

/**
 * Creates or refreshes the caller's profile from their token's claims: the (verified) e-mail and the service always
 * follow the identity provider; display name and locale are only filled in when missing (the user's own choice, made
 * through `PUT /me/profile`, wins). Writes only when something changes, so it is cheap to call on every request.
 * Callable from any handler (no middleware): `await ensureProfileFromClaims(principal, { displayName })`.
 */
export async function ensureProfileFromClaims(
  principal: Principal,
  extra: { displayName?: string | undefined; now?: string } = {},
): Promise<UserProfileItem> {
  const current = await getProfile(principal.userId);
  const patch: ProfilePatch = {};
  if (principal.email && (current?.email !== principal.email || current.emailSource !== 'identity')) {
    patch.email = principal.email;
    patch.emailSource = 'identity';
  }
  if (principal.service && current?.service !== principal.service) patch.service = principal.service;
  if (!current?.displayName && extra.displayName) patch.displayName = extra.displayName;
  if (!current) patch.locale = principal.locale;
  if (current && Object.keys(patch).length === 0) return current;
  return updateProfile(principal.userId, patch, extra.now ?? nowIso());
}
