import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { LOCAL_REGION, localCredentials } from './local-env.ts';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

interface ShardState {
  iterator?: string;
  /** Last sequence number fully processed (the checkpoint). */
  checkpoint?: string;
  closed?: boolean;
}

/**
 * Feeds the stream consumer from DynamoDB Local's stream the way a Lambda event source mapping does: batches in
 * shard order, checkpoints only after success, partial batch failures retried from the first failed record.
 * Checkpoints are persisted so a restart neither replays nor skips records.
 */
export class StreamPoller {
  private readonly streams: DynamoDBStreamsClient;
  private shards = new Map<string, ShardState>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];
  private lastPollHadRecords = true;
  private outageSince: number | undefined;

  constructor(
    private readonly opts: {
      endpoint: string;
      dynamo: DynamoDBClient;
      tableName: string;
      handler: StreamHandler;
      batchSize: number;
      checkpointFile?: string;
      intervalMs?: number;
    },
  ) {
    this.streams = new DynamoDBStreamsClient({
      region: LOCAL_REGION,
      endpoint: opts.endpoint,
      credentials: localCredentials(),
    });
    if (opts.checkpointFile && existsSync(opts.checkpointFile)) {
      const saved = JSON.parse(readFileSync(opts.checkpointFile, 'utf8')) as Record<string, ShardState>;
      for (const [id, st] of Object.entries(saved))
        this.shards.set(id, {
          ...(st.checkpoint ? { checkpoint: st.checkpoint } : {}),
          ...(st.closed ? { closed: true } : {}),
        });
    }
  }

  start(): void {
    const loop = async () => {
      if (this.stopped) return;
      this.running = true;
      let failed = false;
      try {
        this.lastPollHadRecords = await this.pollOnce();
        if (this.outageSince !== undefined) {
          console.error(
            `[stream-poller] reprise après ${Date.now() - this.outageSince} ms, depuis le dernier point`,
          );
          this.outageSince = undefined;
        }
      } catch (e) {
        failed = true;
        // The stream is unreachable (DynamoDB Local restarting): its shard iterators die with it. Resume from the
        // checkpoints once it answers again; say so once, not at every poll.
        for (const st of this.shards.values()) st.iterator = undefined;
        if (this.outageSince === undefined) {
          this.outageSince = Date.now();
          console.error(
            `[stream-poller] flux indisponible (${(e as Error).message}) ; nouvel essai chaque seconde`,
          );
        }
      } finally {
        this.running = false;
      }
      if (!failed && !this.lastPollHadRecords) for (const w of this.idleWaiters.splice(0)) w();
      if (!this.stopped)
        this.timer = setTimeout(
          loop,
          failed ? 1_000 : this.lastPollHadRecords ? 0 : (this.opts.intervalMs ?? 250),
        );
    };
    void loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 20));
    this.streams.destroy();
  }

  /** Resolves once a poll found nothing new: everything written before the call has been consumed. */
  async drained(): Promise<void> {
    await new Promise<void>((r) => this.idleWaiters.push(r));
    await new Promise<void>((r) => this.idleWaiters.push(r));
  }

  private persist(): void {
    if (!this.opts.checkpointFile) return;
    const out: Record<string, ShardState> = {};
    for (const [id, st] of this.shards)
      out[id] = {
        ...(st.checkpoint ? { checkpoint: st.checkpoint } : {}),
        ...(st.closed ? { closed: true } : {}),
      };
    writeFileSync(this.opts.checkpointFile, JSON.stringify(out));
  }

  private async listShards(): Promise<{ arn: string; shards: Shard[] } | undefined> {
    const table = await this.opts.dynamo.send(new DescribeTableCommand({ TableName: this.opts.tableName }));
    const arn = table.Table?.LatestStreamArn;
    if (!arn) return undefined;
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const d = await this.streams.send(
        new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: start }),
      );
      shards.push(...(d.StreamDescription?.Shards ?? []));
      start = d.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return { arn, shards };
  }

  private async pollOnce(): Promise<boolean> {
    const listed = await this.listShards();
    if (!listed) return false;
    let sawRecords = false;
    // Parents before children keeps per-item order across shard splits.
    const ordered = [...listed.shards].sort((a, b) =>
      a.ShardId === b.ParentShardId ? -1 : b.ShardId === a.ParentShardId ? 1 : 0,
    );
    for (const shard of ordered) {
      const id = shard.ShardId!;
      const st = this.shards.get(id) ?? {};
      this.shards.set(id, st);
      if (st.closed) continue;
      if (!st.iterator) {
        const it = await this.streams.send(
          new GetShardIteratorCommand({
            StreamArn: listed.arn,
            ShardId: id,
            ShardIteratorType: st.checkpoint ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
            ...(st.checkpoint ? { SequenceNumber: st.checkpoint } : {}),
          }),
        );
        st.iterator = it.ShardIterator;
      }
      if (!st.iterator) continue;
      const got = await this.streams.send(
        new GetRecordsCommand({ ShardIterator: st.iterator, Limit: this.opts.batchSize }),
      );
      const records = got.Records ?? [];
      if (records.length) {
        sawRecords = true;
        const ok = await this.deliver(listed.arn, records, st);
        if (!ok) {
          st.iterator = undefined; // re-read from the checkpoint after a short backoff
          await new Promise((r) => setTimeout(r, 500));
          continue;
        }
      }
      st.iterator = got.NextShardIterator;
      if (!got.NextShardIterator) st.closed = true;
      this.persist();
    }
    return sawRecords;
  }

  private async deliver(arn: string, records: _Record[], st: ShardState): Promise<boolean> {
    const event: DynamoDBStreamEvent = {
      Records: records.map((r) => ({
        eventID: r.eventID,
        eventName: r.eventName as 'INSERT' | 'MODIFY' | 'REMOVE',
        eventVersion: r.eventVersion,
        eventSource: 'aws:dynamodb',
        awsRegion: LOCAL_REGION,
        eventSourceARN: arn,
        dynamodb: {
          ...(r.dynamodb?.Keys ? { Keys: r.dynamodb.Keys as never } : {}),
          ...(r.dynamodb?.NewImage ? { NewImage: r.dynamodb.NewImage as never } : {}),
          ...(r.dynamodb?.OldImage ? { OldImage: r.dynamodb.OldImage as never } : {}),
          SequenceNumber: r.dynamodb?.SequenceNumber,
          SizeBytes: r.dynamodb?.SizeBytes,
          StreamViewType: 'NEW_AND_OLD_IMAGES',
          ApproximateCreationDateTime: r.dynamodb?.ApproximateCreationDateTime
            ? Math.floor(new Date(r.dynamodb.ApproximateCreationDateTime).getTime() / 1000)
            : undefined,
        },
        ...(r.userIdentity ? { userIdentity: r.userIdentity } : {}),
      })),
    };
    let failedFrom: string | undefined;
    try {
      const res = await this.opts.handler(event);
      failedFrom = res?.batchItemFailures?.[0]?.itemIdentifier;
    } catch (e) {
      console.error('[stream-poller] consumer failed, will retry batch', (e as Error).message);
      return false;
    }
    if (failedFrom) {
      // Checkpoint just before the first failure, as Lambda does with ReportBatchItemFailures.
      const idx = records.findIndex((r) => r.dynamodb?.SequenceNumber === failedFrom);
      const before = idx > 0 ? records[idx - 1]?.dynamodb?.SequenceNumber : undefined;
      if (before) st.checkpoint = before;
      this.persist();
      return false;
    }
    st.checkpoint = records[records.length - 1]?.dynamodb?.SequenceNumber ?? st.checkpoint;
    return true;
  }
}
