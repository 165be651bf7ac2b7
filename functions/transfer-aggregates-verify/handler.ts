import { api } from '../lib/api.ts';
import { verifyTransferData } from '../lib/transfer/rebuild.ts';

export const handler = api('transfer-aggregates-verify', async () => ({ body: await verifyTransferData() }));
