import { Annotations, DefaultTokenResolver, IAspect, StringConcat, TerraformResource, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { CheckLevel } from './check-level';
import { Outcome } from './condition';
import { evaluateResource, mayHaveRules, RuleResult } from './evaluate';
import { suppressCheck, suppressionOf } from './suppressions';
import { recordAcknowledgement } from '../core/warnings';

/** Options of `AzureMlSecurityChecks`. */
export interface AzureMlSecurityChecksProps {
  /**
   * How a failed rule is reported: a warning, or an error that fails `cdktf synth`.
   * @default CheckLevel.WARNING
   */
  readonly level?: CheckLevel;
}

/**
 * The security rule pack for Azure Machine Learning stacks, as a cdktf Aspect.
 *
 * `Aspects.of(stack).add(new AzureMlSecurityChecks())` judges every Terraform resource in the stack (the library's,
 * raw azurerm L1 resources and other libraries' alike) on its synthesized attributes, with the provider's defaults
 * for attributes left unset, against the single-resource checks of Checkov, Azure Policy, PSRule, Trivy and KICS
 * (docs/security-checks.md lists the rules). Each failed rule becomes an annotation on the resource naming the rule
 * and check IDs, the resource's path and Terraform address, what is wrong and the fix. A check whose value is a
 * Terraform expression (unknown until apply) is skipped. Accept a finding with
 * `AzureMlSecurityChecks.suppress(construct, id, reason)`.
 */
export class AzureMlSecurityChecks implements IAspect {
  /**
   * Accepts a rule (`AZML-SEC-022`) or one tool's check (`CKV_AZURE_35`) for a construct and everything below it.
   * The reason is recorded in the synthesized metadata. Suppressing a rule ID accepts all its checks; suppressing
   * a check ID accepts that check only.
   *
   * @param construct the construct (a resource, an L2, a stack)
   * @param id a rule ID or a check ID listed in docs/security-checks.md
   * @param reason why the finding is accepted (required)
   */
  public static suppress(construct: IConstruct, id: string, reason: string): void {
    suppressCheck(construct, id, reason);
  }

  /** How failed rules are reported. */
  public readonly level: CheckLevel;

  /** Findings already reported per resource: cdktf invokes aspects again on every synthesis of a stack. */
  private readonly reported = new WeakMap<IConstruct, Set<string>>();

  constructor(props: AzureMlSecurityChecksProps = {}) {
    this.level = props.level ?? CheckLevel.WARNING;
  }

  /** Judges one construct; constructs that are not Terraform resources of a known type are ignored. */
  public visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node)) return;
    const resource = node as TerraformResource;
    const type = resource.terraformResourceType;
    if (!mayHaveRules(type)) return;
    const config = synthesizedAttributes(resource);
    if (!config) return;
    for (const result of evaluateResource(type, config)) {
      if (result.outcome !== Outcome.FAIL) continue;
      // A suppression (on the resource or a scope above) is recorded on the resource it silences.
      const ruleReason = suppressionOf(resource, result.rule.id);
      if (ruleReason !== undefined) {
        recordAcknowledgement(resource, result.rule.id, ruleReason);
        continue;
      }
      const open: string[] = [];
      for (const id of result.failing) {
        const reason = suppressionOf(resource, id);
        if (reason === undefined) open.push(id);
        else recordAcknowledgement(resource, id, reason);
      }
      if (open.length > 0) this.report(resource, result, open);
    }
  }

  private report(resource: TerraformResource, result: RuleResult, ids: readonly string[]): void {
    const address = `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
    const message = `[${result.rule.id}] ${address} (${resource.node.path}) fails ${ids.join(', ')}: ${result.rule.problem}. `
      + `Fix: ${result.rule.fix}. To accept it: AzureMlSecurityChecks.suppress(construct, '${result.rule.id}', 'reason').`;
    const seen = this.reported.get(resource) ?? new Set<string>();
    if (seen.has(message)) return;
    seen.add(message);
    this.reported.set(resource, seen);
    if (this.level === CheckLevel.ERROR) {
      Annotations.of(resource).addError(message);
    } else {
      Annotations.of(resource).addWarning(message);
    }
  }
}

/** The resource's attributes as they will be synthesized (overrides applied, tokens resolved), or undefined. */
function synthesizedAttributes(resource: TerraformResource): Record<string, unknown> | undefined {
  const json = Tokenization.resolve(resource.toTerraform(), {
    scope: resource,
    preparing: false,
    resolver: new DefaultTokenResolver(new StringConcat()),
  });
  return json?.resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId];
}
