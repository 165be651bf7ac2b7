/**
 * The first lab administrator, from the deploy setting `adminEmail` (ADMIN_EMAIL): `npm run deploy -- -c
 * adminEmail=…` leaves someone who can run the programme, with no console step. The pool invites them by e-mail
 * (a temporary password; they choose theirs and a second factor at first sign-in); the table records them with the
 * lab role; the group is set at once (the stream's mirror would too, but the functions it runs in may not exist
 * yet on a first deployment). Only while the programme has no lab member: once the lab manages its people, a
 * redeploy never gives the role back to someone they removed.
 */
import { nowIso } from '@parcours/domain/clock';
import { ensurePersonWithRoles, labMembers } from '@parcours/store/person-repo';
import { CognitoApiError, cognitoApi } from '../shared/cognito-api.ts';

interface PoolUser {
  Username: string;
  Attributes?: { Name: string; Value: string }[];
  UserAttributes?: { Name: string; Value: string }[];
}

const subOf = (u: PoolUser) =>
  (u.Attributes ?? u.UserAttributes ?? []).find((a) => a.Name === 'sub')?.Value ?? u.Username;

async function findOrInvite(email: string): Promise<PoolUser> {
  try {
    return await cognitoApi<PoolUser>('AdminGetUser', { Username: email });
  } catch (e) {
    if (!(e instanceof CognitoApiError && e.name === 'UserNotFoundException')) throw e;
  }
  const { User } = await cognitoApi<{ User: PoolUser }>('AdminCreateUser', {
    Username: email,
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ],
    DesiredDeliveryMediums: ['EMAIL'],
  });
  return User;
}

export type AdminInvitation =
  | { invited: false; reason: 'no-setting' | 'lab-has-members' }
  | { invited: true; userId: string };

export async function inviteFirstAdmin(email: string | undefined): Promise<AdminInvitation> {
  if (!email) return { invited: false, reason: 'no-setting' };
  if ((await labMembers()) > 0) return { invited: false, reason: 'lab-has-members' };
  const address = email.trim().toLowerCase();
  const user = await findOrInvite(address);
  const userId = subOf(user);
  await ensurePersonWithRoles(
    { userId, username: user.Username, provider: 'pool', identity: { email: address } },
    { roles: ['lab'], hrServices: [] },
    nowIso(),
  );
  await cognitoApi('AdminAddUserToGroup', { Username: user.Username, GroupName: 'lab' });
  return { invited: true, userId };
}
