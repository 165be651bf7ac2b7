/**
 * The benches' session to enrol into: an online session of the entry module (no room clash, no trainer), created
 * through the API like any lab would. Shared by bench:api and bench:enrol.
 */
export async function createRemoteSession(
  apiUrl: string,
  labToken: string,
  opts: { start: Date; capacity: number },
): Promise<string> {
  const r = await fetch(`${apiUrl}/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${labToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      moduleId: 'intelligence-collective',
      pathId: 'passinnov',
      start: opts.start.toISOString(),
      end: new Date(opts.start.getTime() + 90 * 60_000).toISOString(),
      siteId: 'a-distance',
      roomId: 'classe-virtuelle',
      capacity: opts.capacity,
      facilitators: [],
    }),
  });
  const body = (await r.json()) as { id: string };
  if (r.status !== 201) throw new Error(`bench session: ${r.status} ${JSON.stringify(body)}`);
  return body.id;
}
