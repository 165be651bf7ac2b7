import { nowIso } from '@parcours/domain/clock';
import { conflict, invalid } from '@parcours/domain/errors';
import { verifyLinkToken } from '@parcours/domain/notifications/links';
import type { Locale, Principal } from '@parcours/domain/roles';
import type { ApiEvent } from '@parcours/http';
import {
  ensureProfileFromClaims,
  type NotificationPreferences,
  type UserProfileItem,
  updateProfile,
} from '@parcours/store/profile-repo';
import { linkConfig } from '../shared/links.ts';

/**
 * The caller's name as their token gives it: `name`, or given and family names (the pool's attributes, ProConnect's
 * `given_name` and `usual_name`).
 */
export function displayNameFromEvent(event: ApiEvent): string | undefined {
  const claims = event.requestContext?.authorizer?.jwt?.claims ?? {};
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const name =
    text(claims['name']) ||
    [text(claims['given_name']), text(claims['family_name'])].filter(Boolean).join(' ');
  return name ? name.slice(0, 100) : undefined;
}

export function toProfileView(p: UserProfileItem) {
  return {
    userId: p.userId,
    ...(p.email ? { email: p.email } : {}),
    ...(p.emailSource ? { emailSource: p.emailSource } : {}),
    ...(p.displayName ? { displayName: p.displayName } : {}),
    locale: p.locale,
    ...(p.service ? { service: p.service } : {}),
    preferences: { nonEssentialEmails: p.preferences?.nonEssentialEmails !== false },
  };
}

export async function myProfile(principal: Principal, event: ApiEvent): Promise<UserProfileItem> {
  return ensureProfileFromClaims(principal, { displayName: displayNameFromEvent(event) });
}

export async function updateMyProfile(
  principal: Principal,
  event: ApiEvent,
  body: { displayName?: string | undefined; locale?: Locale | undefined; email?: string | undefined },
): Promise<UserProfileItem> {
  await myProfile(principal, event);
  if (body.email !== undefined && principal.email) {
    throw conflict(
      'email-managed-by-identity-provider',
      'Your e-mail address comes from your sign-in account; change it there',
    );
  }
  return updateProfile(
    principal.userId,
    {
      ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
      ...(body.locale !== undefined ? { locale: body.locale } : {}),
      ...(body.email !== undefined ? { email: body.email, emailSource: 'user' as const } : {}),
    },
    nowIso(),
  );
}

export async function setMyPreferences(
  principal: Principal,
  event: ApiEvent,
  prefs: NotificationPreferences,
): Promise<UserProfileItem> {
  await myProfile(principal, event);
  return updateProfile(principal.userId, { preferences: prefs }, nowIso());
}

const UNSUBSCRIBED: Record<Locale, string> = {
  fr: "Vous ne recevrez plus les rappels ni les autres e-mails facultatifs. Les e-mails essentiels (confirmations, annulations, changements d'horaire) continueront de vous parvenir. Vous pouvez réactiver les rappels dans vos préférences.",
  en: 'You will no longer receive reminders or other optional e-mails. Essential e-mails (confirmations, cancellations, schedule changes) will still reach you. You can turn reminders back on in your preferences.',
};

/** The signed one-click link: turns optional e-mails off for the user it names (idempotent). */
export async function unsubscribeWithToken(token: string) {
  const userId = verifyLinkToken(token, 'unsubscribe', linkConfig().LINK_SIGNING_SECRET);
  if (!userId) throw invalid('invalid-token', 'This unsubscribe link is not valid');
  const p = await updateProfile(userId, { preferences: { nonEssentialEmails: false } }, nowIso());
  return {
    preferences: toProfileView(p).preferences,
    message: UNSUBSCRIBED[p.locale === 'en' ? 'en' : 'fr'],
  };
}
