import { api } from '../api.ts';
import { verifyTransferData } from '../rebuild.ts';

export const handler = api('transfer-aggregates-verify', async () => ({ body: await verifyTransferData() }));
