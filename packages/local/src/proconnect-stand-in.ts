/**
 * ProConnect's stand-in: a real OpenID Connect provider (npm `oidc-provider`) with ProConnect's claims and rules —
 * authorization code with PKCE, `state` and `nonce`, RS256 ID tokens from its own key, claims asked by scope
 * (`given_name usual_name email uid siret organizational_unit`), RP-initiated logout. Its accounts are State agents
 * who never used Parcours: signing in as one is a first sign-in (hosted-ui.ts federates it into the user pool).
 *
 * The sign-in page stands in for ProConnect's choice of identity provider and password: pick an agent, continue.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { PROCONNECT_SCOPES } from '@parcours/domain/people/proconnect';
import Provider, { type Configuration } from 'oidc-provider';

export interface Agent {
  sub: string;
  given_name: string;
  usual_name: string;
  email: string;
  uid: string;
  siret: string;
  organizational_unit?: string;
}

/** Fictional agents; their SIRETs are those content/services.json maps (one on purpose maps to no service). */
export const PROCONNECT_AGENTS: readonly Agent[] = [
  {
    sub: 'pc-7f3a1c2e-ines-garnier',
    given_name: 'Inès',
    usual_name: 'Garnier',
    email: 'ines.garnier@drfip.example.gouv.fr',
    uid: 'igarnier',
    siret: '11000000000101',
    organizational_unit: 'Pôle gestion publique',
  },
  {
    sub: 'pc-2b9d4e81-hugo-lefevre',
    given_name: 'Hugo',
    usual_name: 'Lefèvre',
    email: 'hugo.lefevre@ars.example.gouv.fr',
    uid: 'hlefevre',
    siret: '11000000000202',
  },
  {
    sub: 'pc-5c0e7a93-sarah-nguyen',
    given_name: 'Sarah',
    usual_name: 'Nguyen',
    email: 'sarah.nguyen@occitanie.example.gouv.fr',
    uid: 'snguyen',
    siret: '11000000000404',
    organizational_unit: 'SGAR',
  },
  {
    sub: 'pc-9e4f0b17-paul-roux',
    given_name: 'Paul',
    usual_name: 'Roux',
    email: 'paul.roux@ddets.example.gouv.fr',
    uid: 'proux',
    siret: '11000000000999',
  },
];

export interface ProConnectClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUris: string[];
}

export interface ProConnectStandIn {
  issuer: string;
  server: Server;
  stop: () => Promise<void>;
}

const html = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${html(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#161616}
h1{font-size:1.5rem}button{font:inherit;padding:.6rem 1rem;margin:.25rem 0;border:1px solid #000091;background:#000091;color:#fff;cursor:pointer;width:100%;text-align:left}
button.secondary{background:#fff;color:#000091}.note{color:#3a3a3a;font-size:.9rem}</style></head>
<body><main>${body}</main></body></html>`;
}

function loginPage(uid: string): string {
  const agents = PROCONNECT_AGENTS.map(
    (a) => `<li><form method="post" action="/interaction/${html(uid)}/login">
<input type="hidden" name="account" value="${html(a.sub)}">
<button type="submit">${html(`${a.given_name} ${a.usual_name}`)} — ${html(a.email)}</button></form></li>`,
  ).join('');
  return page(
    'ProConnect (local)',
    `<h1>ProConnect — pile locale</h1>
<p class="note">Simulation locale de ProConnect : choisissez l'agent qui se connecte (aucun mot de passe).</p>
<ul style="list-style:none;padding:0">${agents}</ul>`,
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startProConnect(port: number, client: ProConnectClient): Promise<ProConnectStandIn> {
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'proconnect-local', use: 'sig', alg: 'RS256' };
  const configuration: Configuration = {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        post_logout_redirect_uris: client.postLogoutRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // Confidential client, and PKCE all the same (ProConnect expects it).
    pkce: { required: () => true },
    // ProConnect names each scope after its one claim.
    claims: Object.fromEntries(
      PROCONNECT_SCOPES.map((scope) => [scope, [scope === 'openid' ? 'sub' : scope]]),
    ),
    // The claims in the ID token itself (the hosted UI reads them there).
    conformIdTokenClaims: false,
    findAccount: async (_ctx, sub) => {
      const agent = PROCONNECT_AGENTS.find((a) => a.sub === sub);
      if (!agent) return undefined;
      return { accountId: sub, claims: async () => ({ ...agent }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = page(
            'ProConnect (local) — déconnexion',
            `<h1>Se déconnecter de ProConnect ?</h1>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Oui, me déconnecter</button>
<button class="secondary" type="submit" form="op.logoutForm">Non, rester connecté</button>`,
          );
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = page('ProConnect (local)', '<h1>Vous êtes déconnecté de ProConnect.</h1>');
        },
      },
    },
    ttl: {
      Session: 8 * 3600,
      Interaction: 600,
      Grant: 8 * 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      AccessToken: 3600,
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  const interaction = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    const m = /^\/interaction\/([^/]+)(\/login)?$/.exec(path);
    if (!m) return false;
    const details = await provider.interactionDetails(req, res);
    if (!m[2]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid));
      return true;
    }
    const account = (await readForm(req)).get('account') ?? '';
    if (!PROCONNECT_AGENTS.some((a) => a.sub === account)) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Agent inconnu');
      return true;
    }
    const clientId = String(details.params['client_id']);
    const grant = new provider.Grant({ accountId: account, clientId });
    grant.addOIDCScope(String(details.params['scope'] ?? 'openid'));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId: account }, consent: { grantId } });
    return true;
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    interaction(req, res, path)
      .then((handled) => {
        if (!handled) callback(req, res);
      })
      .catch((e: unknown) => {
        if (!res.headersSent)
          res
            .writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
            .end(`ProConnect (local) : ${(e as Error).message}`);
      });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    issuer,
    server,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
