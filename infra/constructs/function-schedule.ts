import { type CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';

export interface FunctionScheduleProps {
  readonly fn: IFunction;
  /** EventBridge Scheduler expression from the route table, e.g. `rate(1 minute)`. */
  readonly expression: string;
  readonly description: string;
}

/** An EventBridge Scheduler schedule invoking one function of the route table (e.g. the reminder tick). */
export class FunctionSchedule extends Construct {
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: FunctionScheduleProps) {
    super(scope, id);
    // Own role rather than the shared one the target would create: scoped to this account's schedules only.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: `Lets EventBridge Scheduler invoke ${props.fn.node.path}`,
    });
    this.schedule = new Schedule(this, 'Schedule', {
      schedule: ScheduleExpression.expression(props.expression),
      description: props.description,
      target: new LambdaInvoke(props.fn, {
        role,
        // A tick is idempotent and the next one is at most an interval away: retrying a missed one only piles up.
        retryAttempts: 0,
        maxEventAge: Duration.minutes(1),
      }),
    });
    const fnId = Stack.of(this).getLogicalId(props.fn.node.defaultChild as CfnElement);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${fnId}.Arn>:*]`,
      reason: 'grantInvoke adds <function>:* (versions and aliases) of this one function; no other function.',
    });
  }
}
