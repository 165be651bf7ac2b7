import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { waitForPort } from './ports.ts';

const require = createRequire(import.meta.url);

const LOCAL_SES_ACCOUNT = {
  DedicatedIpAutoWarmupEnabled: false,
  Details: {
    AdditionalContactEmailAddresses: [],
    ContactLanguage: 'FR',
    MailType: 'TRANSACTIONAL',
    ReviewDetails: { CaseId: 'local', Status: 'GRANTED' },
    UseCaseDescription: 'Parcours, pile locale',
    WebsiteURL: 'http://127.0.0.1',
  },
  EnforcementStatus: 'HEALTHY',
  ProductionAccessEnabled: true,
  SendingEnabled: true,
  SendQuota: { Max24HourSend: 50_000, MaxSendRate: 14, SentLast24Hours: 0 },
  SuppressionAttributes: { SuppressedReasons: [] },
};

/**
 * The SES stand-in (aws-ses-v2-local) in its own process, so tests can stop it to simulate an SES outage and start
 * it again, and so Ctrl-C / teardown stops it by PID.
 */
export async function startSesSink(port: number): Promise<ChildProcess> {
  const cli = require.resolve('aws-ses-v2-local/dist/cli.js');
  const child = spawn(process.execPath, [cli, '--host', '127.0.0.1', '--port', String(port)], {
    stdio: 'pipe',
    // The account the sink answers to SESv2 GetAccount (the /health mail probe), as a sandbox-free SES account.
    env: { ...process.env, AWS_SES_ACCOUNT: JSON.stringify(LOCAL_SES_ACCOUNT) },
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`SES sink exited early (code ${code}): ${out}`))),
  );
  await Promise.race([waitForPort(port, 60_000, 'SES sink'), exited]);
  return child;
}
