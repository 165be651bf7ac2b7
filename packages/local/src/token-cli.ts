/**
 * `npm run token -- --role hr --user nadia-benali [--service drfip] [--hr-services drfip,ars]`: a token of the running
 * local stack (`npm start`), from its user pool stand-in — what the demo sign-in does (`POST /_local/token`).
 * `--api http://127.0.0.1:3000` names another stack.
 */
import { tokenRequestSchema } from './local-identity.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const roles = (opt('role') ?? 'learner').split(',');
const parsed = tokenRequestSchema.safeParse({
  userId: opt('user') ?? `demo-${roles[0]}`,
  roles,
  ...(opt('email') ? { email: opt('email') } : {}),
  ...(opt('service') ? { service: opt('service') } : {}),
  ...(opt('hr-services') ? { hrServices: opt('hr-services')!.split(',') } : {}),
  ...(opt('locale') ? { locale: opt('locale') } : {}),
});
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  process.exit(2);
}
const api = opt('api') ?? `http://127.0.0.1:${process.env['PORT'] ?? 3000}`;
const res = await fetch(`${api}/_local/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(parsed.data),
}).catch(() => undefined);
if (!res?.ok) {
  console.error(
    `No token from ${api}: is the local stack running (npm start)? ${res ? await res.text() : ''}`,
  );
  process.exit(1);
}
console.log(((await res.json()) as { token: string }).token);
