/** `npm run token -- --role hr --user nadia-benali [--service drfip] [--hr-services drfip,ars]`: a local token. */
import { join } from 'node:path';
import { REPO_ROOT } from './local-stack.ts';
import { LocalTokens, tokenRequestSchema } from './local-tokens.ts';

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
console.log(await LocalTokens.fromFile(join(REPO_ROOT, '.local-data', 'jwt-secret')).sign(parsed.data));
