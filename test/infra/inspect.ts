import type { FunctionDef } from '@parcours/http/route-types';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { ParcoursFunction } from '../../infra/constructs/parcours-function.ts';

/** Reading a synthesized Parcours stack: the helpers the infra test files share. */
export interface CfnResourceJson {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
}
export interface PolicyStatementJson {
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export const statementsIn = (policy: CfnResourceJson) =>
  (policy.Properties?.['PolicyDocument'] as { Statement: PolicyStatementJson[] } | undefined)?.Statement ??
  [];
export const actionsOf = (s: PolicyStatementJson) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

export function inspectStack(stack: Stack) {
  const template = Template.fromStack(stack);
  const resources = template.toJSON()['Resources'] as Record<string, CfnResourceJson>;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const logicalId = (c: IConstruct) => stack.getLogicalId(c.node.defaultChild as CfnElement);

  /** The ParcoursFunction construct generated for one route-table entry. */
  const constructOf = (def: FunctionDef): ParcoursFunction => {
    const found = stack.node.children.find(
      (c): c is ParcoursFunction =>
        c instanceof ParcoursFunction && c.node.id.toLowerCase() === def.name.replaceAll('-', ''),
    );
    if (!found) throw new Error(`No ParcoursFunction for ${def.name}`);
    return found;
  };

  const envOf = (pf: ParcoursFunction): Record<string, unknown> => {
    const env = resources[logicalId(pf.fn)]?.Properties?.['Environment'] as
      | { Variables?: Record<string, unknown> }
      | undefined;
    return env?.Variables ?? {};
  };

  const statementsOf = (pf: ParcoursFunction): PolicyStatementJson[] => {
    const role = pf.fn.role;
    if (!role) throw new Error(`${pf.node.path} has no role`);
    const roleId = logicalId(role);
    return ofType('AWS::IAM::Policy')
      .filter(([, p]) => JSON.stringify(p.Properties?.['Roles']).includes(`"${roleId}"`))
      .flatMap(([, p]) => statementsIn(p));
  };

  return { template, resources, ofType, logicalId, constructOf, envOf, statementsOf };
}

export type InspectedStack = ReturnType<typeof inspectStack>;
