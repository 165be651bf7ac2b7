/** Reads (without verifying: the API does) the display claims of a JWT, for the header only. */
export function displayNameOf(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const given = typeof claims['given_name'] === 'string' ? claims['given_name'] : '';
    const family = typeof claims['family_name'] === 'string' ? claims['family_name'] : '';
    const name = typeof claims['name'] === 'string' ? claims['name'] : `${given} ${family}`.trim();
    if (name) return name;
    return typeof claims['email'] === 'string' ? claims['email'] : undefined;
  } catch {
    return undefined;
  }
}
