import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CreateExportInput } from '@parcours/domain/api/reports-api';
import { nowDate, nowIso } from '@parcours/domain/clock';
import { reportSettings } from '@parcours/domain/content/report-settings';
import { conflict, notFound } from '@parcours/domain/errors';
import { decodeSummary } from '@parcours/domain/reports/agent-model';
import { type Cell, csvHead, csvLine } from '@parcours/domain/reports/csv';
import { matchesAgent, mayMatchLine } from '@parcours/domain/reports/filters';
import { MergedRows } from '@parcours/domain/reports/merge';
import { agentRowJson } from '@parcours/domain/reports/render';
import type { ReportScope } from '@parcours/domain/reports/scope';
import { hasRole, type Principal } from '@parcours/domain/roles';
import { keys } from '@parcours/store';
import {
  createExportJob,
  type ExportJobItem,
  getExportJob,
  readExportPart,
  saveExportJob,
  writeExportPart,
} from '@parcours/store/report-exports';
import { agentReaders, planAgentQuery, scopeOf } from './agents.ts';
import { agentCsv, pathCsv, serviceCsv, todayStamp } from './formats.ts';
import { pathRows } from './paths.ts';
import { servicesMatrix } from './services.ts';

/**
 * Exports (docs/reports.md, "Exports"). A synchronous Lambda answer is capped at 6 MB, so a large export is never
 * one response: a job renders the report in parts of at most `exports.partMaxBytes` (4 MB) uncompressed, stores each
 * gzip-compressed in the table (chunked under 400 KB), and the client downloads the parts in order and
 * concatenates them (the first carries the BOM and the header, the last the JSON closing bracket). A job stops at a
 * time budget (or `partsPerCall`) and is resumed by `POST /reports/exports/{id}/continue`: nothing is bounded by
 * one invocation. On AWS the same code runs; an S3 variant (multipart upload + presigned URL) is the documented
 * next step for very large files.
 */

interface SourceRow {
  /** Position of this row in the source, to resume after it. */
  pos: string;
  /** The row in the job's format only (rendering both would double the CPU of a large export). */
  csv?: Cell[][];
  json?: unknown[];
}

interface Source {
  header: () => string[];
  /** Rows from the position, in batches (one per block read: no promise per row). */
  rows: (resume: string | undefined) => AsyncIterable<SourceRow[]>;
}

/** Time one call may spend building parts (the function's timeout is 10 s; the rest is margin). */
const budgetMs = () => Number(process.env['REPORT_EXPORT_BUDGET_MS'] ?? 7000);

function sourceOf(job: ExportJobItem, principal: Principal): Source {
  const request = JSON.parse(job.request) as CreateExportInput;
  const frozen: ReportScope = { all: job.scopeAll, services: job.scopeServices };
  if (request.report === 'agents') {
    const f = request.filters ?? {};
    const plan = {
      ...planAgentQuery(principal, {
        ...(request.sort ? { sort: request.sort } : {}),
        path: f.path,
        competency: f.competency,
        minLevel: f.minLevel,
        from: f.from,
        to: f.to,
        missingEntry: f.missingEntry,
      }),
      scope: frozen,
    };
    const filtered = Object.keys(plan.filters).some((k) => k !== 'missingEntry');
    const csv = job.format === 'csv';
    return {
      header: agentCsv.header,
      rows: async function* (resume) {
        const merged = new MergedRows(
          agentReaders(plan, resume, { firstBatch: 16, prefetch: true }),
          plan.dir,
        );
        for (;;) {
          const batch: SourceRow[] = [];
          let r = merged.next();
          for (; r !== 'fetch' && r !== undefined; r = merged.next()) {
            if (filtered && !mayMatchLine(r.line, plan.filters)) continue;
            const s = decodeSummary(r.line);
            if (filtered && !matchesAgent(s, plan.filters)) continue;
            batch.push(
              csv ? { pos: r.key, csv: [agentCsv.row(s)] } : { pos: r.key, json: [agentRowJson(s)] },
            );
          }
          if (batch.length) yield batch;
          if (r === undefined) return;
          await merged.fill();
        }
      },
    };
  }
  if (request.report === 'services') {
    return {
      header: serviceCsv.header,
      rows: async function* (resume) {
        const f = request.filters ?? {};
        const view = await servicesMatrix(principal, {
          service: frozen.all ? undefined : frozen.services.join(','),
          competency: f.competency,
        });
        const all = [...view.items, view.total];
        const out: SourceRow[] = [];
        for (let i = resume === undefined ? 0 : Number(resume) + 1; i < all.length; i++)
          out.push({ pos: String(i), csv: serviceCsv.rows(all[i]!), json: [all[i]] });
        yield out;
      },
    };
  }
  return {
    header: pathCsv.header,
    rows: async function* (resume) {
      const f = request.filters ?? {};
      const { rows } = await pathRows(principal, {
        ...f,
        service: frozen.all ? undefined : frozen.services.join(','),
      });
      const out: SourceRow[] = [];
      for (let i = resume === undefined ? 0 : Number(resume) + 1; i < rows.length; i++)
        out.push({ pos: String(i), csv: [pathCsv.row(rows[i]!)], json: [rows[i]] });
      yield out;
    },
  };
}

function jsonPreamble(job: ExportJobItem): string {
  const request = JSON.parse(job.request) as CreateExportInput;
  const head = JSON.stringify({
    report: job.report,
    generatedAt: job.createdAt,
    services: job.scopeAll ? '*' : job.scopeServices,
    filters: request.filters ?? {},
    ...(request.report === 'agents' && request.sort ? { sort: request.sort } : {}),
  });
  return `${head.slice(0, -1)},"items":[\n`;
}

/** Builds parts until the report is done, the time budget is spent, or `partsPerCall` parts were written. */
async function runJob(job: ExportJobItem, principal: Principal): Promise<ExportJobItem> {
  const deadline = Date.now() + budgetMs();
  const request = JSON.parse(job.request) as CreateExportInput;
  const partsPerCall = request.partsPerCall;
  const partMax = Math.min(
    request.partBytes ?? Number.POSITIVE_INFINITY,
    reportSettings().exports.partMaxBytes,
  );
  const source = sourceOf(job, principal);
  let chunks: string[] = [];
  let bytes = 0;
  let rows = 0;
  let written = 0;
  let lastPos = job.resume;
  const push = (s: string) => {
    chunks.push(s);
    bytes += Buffer.byteLength(s);
  };
  if (job.parts.length === 0) push(job.format === 'csv' ? csvHead(source.header()) : jsonPreamble(job));
  const flush = async (final: boolean) => {
    if (final && job.format === 'json') push('\n]}\n');
    const text = chunks.join('');
    const gz = gzipSync(text, { level: 1 });
    const part = job.parts.length + 1;
    await writeExportPart(job.id, part, gz, job.expiresAt);
    const readVersion = job.v;
    job = {
      ...job,
      parts: [...job.parts, { part, rows, bytes, gzBytes: gz.length }],
      rows: job.rows + rows,
      bytes: job.bytes + bytes,
      status: final ? 'ready' : 'running',
      ...(final || lastPos === undefined ? {} : { resume: lastPos }),
      v: readVersion + 1,
      updatedAt: nowIso(),
    };
    if (final) delete job.resume;
    try {
      await saveExportJob(job, readVersion);
    } catch (e) {
      if ((e as { name?: string }).name === 'ConditionalCheckFailedException')
        throw conflict('export-busy', 'This export is being built by another request');
      throw e;
    }
    chunks = [];
    bytes = 0;
    rows = 0;
    written++;
  };
  let first = job.rows === 0;
  for await (const batch of source.rows(job.resume)) {
    for (const r of batch) {
      // A full part is written when the next row arrives: so the last part is never empty, and a job stopped here
      // resumes exactly at this row (its position is after the previous one).
      if (bytes >= partMax) {
        await flush(false);
        if (Date.now() > deadline || (partsPerCall !== undefined && written >= partsPerCall)) return job;
      }
      if (job.format === 'csv') {
        for (const cells of r.csv ?? []) push(csvLine(cells));
        rows += r.csv?.length ?? 0;
      } else {
        for (const o of r.json ?? []) {
          push(`${first ? '' : ',\n'}${JSON.stringify(o)}`);
          first = false;
        }
        rows += r.json?.length ?? 0;
      }
      lastPos = r.pos;
    }
  }
  await flush(true);
  return job;
}

function exportView(job: ExportJobItem) {
  const base = `/reports/exports/${job.id}`;
  return {
    id: job.id,
    report: job.report,
    format: job.format,
    status: job.status,
    rows: job.rows,
    bytes: job.bytes,
    parts: job.parts.map((p) => ({
      part: p.part,
      rows: p.rows,
      bytes: p.bytes,
      url: `${base}/parts/${p.part}`,
    })),
    ...(job.status === 'running' ? { continueUrl: `${base}/continue` } : {}),
    fileName: job.fileName,
    createdAt: job.createdAt,
    expiresAt: new Date(job.expiresAt * 1000).toISOString(),
  };
}

export async function createExport(principal: Principal, body: CreateExportInput) {
  const scope = scopeOf(principal, body.filters?.service);
  // Validate the filters before creating anything (unknown path or competency → 400 now, not mid-export).
  if (body.report === 'agents') {
    const f = body.filters ?? {};
    planAgentQuery(principal, {
      ...(body.sort ? { sort: body.sort } : {}),
      ...f,
      missingEntry: f.missingEntry,
    });
  }
  const now = nowDate();
  const id = randomUUID();
  const retention = reportSettings().exports.retentionDays;
  const job: ExportJobItem = {
    ...keys.report.exportJob(id),
    sk: 'job',
    entity: 'report-export',
    id,
    ownerId: principal.userId,
    report: body.report,
    format: body.format,
    request: JSON.stringify(body),
    scopeAll: scope.all,
    scopeServices: scope.services,
    status: 'running',
    rows: 0,
    bytes: 0,
    parts: [],
    fileName: `parcours-${body.report}-${todayStamp(now)}.${body.format}`,
    v: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + retention * 86_400,
  };
  await createExportJob(job);
  return exportView(await runJob(job, principal));
}

async function ownJob(principal: Principal, id: string): Promise<ExportJobItem> {
  const job = await getExportJob(id);
  // Someone else's export is not disclosed (the lab may read any).
  if (!job || (job.ownerId !== principal.userId && !hasRole(principal, 'lab'))) throw notFound('export', id);
  return job;
}

export async function getExport(principal: Principal, id: string) {
  return exportView(await ownJob(principal, id));
}

export async function continueExport(principal: Principal, id: string) {
  const job = await ownJob(principal, id);
  if (job.status === 'ready') return exportView(job);
  return exportView(await runJob(job, principal));
}

/**
 * One part: gzip bytes as stored when the client accepts gzip (`Content-Encoding: gzip`, ~5–10× smaller), else
 * decompressed (≤ 4 MB, under the 6 MB limit).
 */
export async function exportPart(
  principal: Principal,
  id: string,
  part: number,
  acceptEncoding: string | undefined,
) {
  const job = await ownJob(principal, id);
  const meta = job.parts.find((p) => p.part === part);
  if (!meta) throw notFound('export-part', `${id}/${part}`);
  const gz = await readExportPart(id, part);
  if (!gz) throw notFound('export-part', `${id}/${part}`);
  const total = job.status === 'ready' ? job.parts.length : undefined;
  const single = total === 1;
  const [stem, ext] = [job.fileName.replace(/\.[a-z]+$/, ''), job.format];
  const fileName = single ? job.fileName : `${stem}.part-${part}${total ? `-of-${total}` : ''}.${ext}`;
  const gzipOk = /\bgzip\b/i.test(acceptEncoding ?? '');
  return {
    fileName,
    contentType: job.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    ...(gzipOk ? { gzip: gz } : { text: gunzipSync(gz).toString('utf8') }),
    last: job.status === 'ready' && part === job.parts.length,
  };
}
