import { TABLE } from '@parcours/store/table';
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/**
 * The single table, shaped by `TABLE` (packages/store/src/table.ts) so the deployed keys and indexes cannot drift
 * from what the repositories and the local stack use.
 */
export class ParcoursTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const str = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      partitionKey: str(TABLE.partitionKey),
      sortKey: str(TABLE.sortKey),
      globalSecondaryIndexes: Object.values(TABLE.indexes).map((ix) => ({
        indexName: ix.name,
        partitionKey: str(ix.partitionKey),
        sortKey: str(ix.sortKey),
        // Repositories read whole items from the indexes: no second GetItem per hit.
        projectionType: ProjectionType.ALL,
      })),
      billing: Billing.onDemand(),
      timeToLiveAttribute: TABLE.ttlAttribute,
      // Projections (stream consumer) need both images to compute deltas.
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Learner records are the product: neither a stack deletion nor a console click may drop them.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
