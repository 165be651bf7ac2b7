/**
 * The user pool mirrors the stored person: their groups are their roles, `custom:service` and `custom:hr_services`
 * their scope. API Gateway's JWT authorizer and the handlers read the token, so this is how a role the lab grants
 * reaches them (at the next token refresh). Run from the stream when a person's roles, HR services or service change
 * (at least once), it compares the pool with the whole state and writes only the difference — idempotent, and a
 * retry after a failure repairs it.
 */
import type { Person } from '@parcours/domain/people/person';
import { ROLES } from '@parcours/domain/roles';
import { CognitoApiError, cognitoApi } from '../shared/cognito-api.ts';

type Mirrored = Pick<Person, 'username' | 'roles' | 'hrServices' | 'service'>;

/** What the pool should hold for this person: the groups, and the attributes to set or clear. */
export function poolStateOf(p: Mirrored) {
  return {
    groups: p.roles.filter((r) => (ROLES as readonly string[]).includes(r)),
    set: [
      ...(p.service ? [{ Name: 'custom:service', Value: p.service }] : []),
      ...(p.hrServices.length ? [{ Name: 'custom:hr_services', Value: p.hrServices.join(',') }] : []),
    ],
    clear: [...(p.service ? [] : ['custom:service']), ...(p.hrServices.length ? [] : ['custom:hr_services'])],
  };
}

/**
 * Sets the pool user's groups and scope attributes to the person's. A person erased (`undefined`) loses every
 * group. A user the pool does not know (deleted by an operator after an erasure) is nothing to mirror.
 */
export async function mirrorPerson(username: string, person: Mirrored | undefined): Promise<void> {
  const want = poolStateOf(person ?? { username, roles: [], hrServices: [] });
  try {
    const [{ Groups = [] }, user] = await Promise.all([
      cognitoApi<{ Groups?: { GroupName: string }[] }>('AdminListGroupsForUser', {
        Username: username,
        Limit: 60,
      }),
      cognitoApi<{ UserAttributes?: { Name: string; Value: string }[] }>('AdminGetUser', {
        Username: username,
      }),
    ]);
    const have = Groups.map((g) => g.GroupName);
    for (const g of want.groups.filter((x) => !have.includes(x)))
      await cognitoApi('AdminAddUserToGroup', { Username: username, GroupName: g });
    // Only our four groups are ours to remove: an operator's other groups stay.
    for (const g of have.filter(
      (x) => !want.groups.includes(x as never) && (ROLES as readonly string[]).includes(x),
    ))
      await cognitoApi('AdminRemoveUserFromGroup', { Username: username, GroupName: g });
    if (!person) return;
    const attrs = new Map((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    const set = want.set.filter((a) => attrs.get(a.Name) !== a.Value);
    const clear = want.clear.filter((name) => attrs.has(name));
    if (set.length)
      await cognitoApi('AdminUpdateUserAttributes', { Username: username, UserAttributes: set });
    if (clear.length)
      await cognitoApi('AdminDeleteUserAttributes', { Username: username, UserAttributeNames: clear });
  } catch (e) {
    if (e instanceof CognitoApiError && e.name === 'UserNotFoundException') return;
    throw e;
  }
}
