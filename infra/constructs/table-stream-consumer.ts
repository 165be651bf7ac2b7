import { Duration, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface TableStreamConsumerProps {
  readonly table: ITableV2;
  readonly fn: IFunction;
  readonly batchSize: number;
}

/**
 * Feeds the table's stream to a function of the route table. A failing record is retried alone (partial batch
 * responses, bisection); after the retries its batch's coordinates go to a queue instead of blocking the shard.
 */
export class TableStreamConsumer extends Construct {
  readonly failedBatches: Queue;

  constructor(scope: Construct, id: string, props: TableStreamConsumerProps) {
    super(scope, id);
    this.failedBatches = new Queue(this, 'FailedBatches', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      // The maximum: time to notice, fix and replay (the stream itself keeps records 24 h only).
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failedBatches).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the failure destination of the stream mapping; it holds batch coordinates that an ' +
        'operator replays by hand, so a further DLQ behind it would have nothing to catch.',
    });
    props.fn.addEventSource(
      new DynamoEventSource(props.table, {
        // Projections must see every change, including those written before the mapping existed.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: props.batchSize,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 3,
        onFailure: new SqsDlq(this.failedBatches),
      }),
    );
  }
}
