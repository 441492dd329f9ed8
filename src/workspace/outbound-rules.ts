// Managed-network outbound rules of a workspace (created or imported). Construct IDs: `OutboundRule-<name>` under
// the workspace (public API: Terraform addresses).
import { MachineLearningWorkspaceNetworkOutboundRuleFqdn } from '@cdktf/provider-azurerm/lib/machine-learning-workspace-network-outbound-rule-fqdn';
import { MachineLearningWorkspaceNetworkOutboundRulePrivateEndpoint } from '@cdktf/provider-azurerm/lib/machine-learning-workspace-network-outbound-rule-private-endpoint';
import { MachineLearningWorkspaceNetworkOutboundRuleServiceTag } from '@cdktf/provider-azurerm/lib/machine-learning-workspace-network-outbound-rule-service-tag';
import { TerraformResource, Token } from 'cdktf';
import { checkFqdn, checkPortRanges, outboundRuleId } from './outbound-rule-checks';
import { PrivateEndpointOutboundRuleOptions, ServiceTagOutboundRuleOptions } from './workspace-options';
import { IWorkspace, ManagedNetworkIsolation } from './workspace-ref';
import { AzapiResource } from '../azapi/resource';
import { isResourceIdOfType, parseResourceId } from '../core/arm-id';
import { checkOneOf, checkPattern, isResolved, ValidationError } from '../core/validation';
import { PrivateEndpointSubResource } from '../network/sub-resource';

/** Sub-resources `azurerm_machine_learning_workspace_network_outbound_rule_private_endpoint` accepts (azurerm 4.55.0). */
const AZURERM_SUB_RESOURCES = ['vault', 'amlworkspace', 'blob', 'table', 'queue', 'file', 'web', 'dfs', 'redisCache'];

/** ARM type of outbound rules created through azapi. */
const OUTBOUND_RULE_ARM_TYPE = 'Microsoft.MachineLearningServices/workspaces/outboundRules@2025-06-01';

/** Known sub-resources by group ID, to check the target's type. */
const KNOWN_SUB_RESOURCES = [
  PrivateEndpointSubResource.AML_WORKSPACE, PrivateEndpointSubResource.AML_REGISTRY, PrivateEndpointSubResource.BLOB,
  PrivateEndpointSubResource.FILE, PrivateEndpointSubResource.DFS, PrivateEndpointSubResource.QUEUE, PrivateEndpointSubResource.TABLE,
  PrivateEndpointSubResource.WEB, PrivateEndpointSubResource.VAULT, PrivateEndpointSubResource.REGISTRY,
  PrivateEndpointSubResource.SEARCH_SERVICE, PrivateEndpointSubResource.COGNITIVE_ACCOUNT, PrivateEndpointSubResource.SQL_SERVER,
  PrivateEndpointSubResource.COSMOS_SQL,
];

function checkOutboundRule(ws: IWorkspace, name: string): void {
  if (ws.managedNetworkIsolation === ManagedNetworkIsolation.DISABLED) {
    throw new ValidationError(ws, `outbound rule '${name}' needs a managed network, but its isolation mode is Disabled. `
      + 'Set `managedNetwork: { isolationMode: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND }` (or ALLOW_INTERNET_OUTBOUND).');
  }
  checkPattern(ws, 'outbound rule name', name, /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/,
    'it must be 3-33 letters, digits, hyphens and underscores, starting with a letter or digit', 'Pass a valid rule name.');
  if (isResolved(name) && ws.node.tryFindChild(`OutboundRule-${name}`)) {
    throw new ValidationError(ws, `outbound rule '${name}' is already defined; rule names must be unique in a workspace.`);
  }
}

export function addFqdnOutboundRule(ws: IWorkspace, name: string, destinationFqdn: string): MachineLearningWorkspaceNetworkOutboundRuleFqdn {
  checkOutboundRule(ws, name);
  checkFqdn(ws, name, destinationFqdn);
  return new MachineLearningWorkspaceNetworkOutboundRuleFqdn(ws, outboundRuleId(ws, name), {
    name,
    workspaceId: ws.workspaceId,
    destinationFqdn,
  });
}

export function addServiceTagOutboundRule(
  ws: IWorkspace,
  name: string,
  options: ServiceTagOutboundRuleOptions,
): MachineLearningWorkspaceNetworkOutboundRuleServiceTag {
  checkOutboundRule(ws, name);
  checkOneOf(ws, `outbound rule '${name}' protocol`, options.protocol, ['*', 'TCP', 'UDP', 'ICMP']);
  checkPortRanges(ws, name, options.portRanges);
  return new MachineLearningWorkspaceNetworkOutboundRuleServiceTag(ws, outboundRuleId(ws, name), {
    name,
    workspaceId: ws.workspaceId,
    serviceTag: options.serviceTag,
    protocol: options.protocol,
    portRanges: options.portRanges,
  });
}

export function addPrivateEndpointOutboundRule(ws: IWorkspace, name: string, options: PrivateEndpointOutboundRuleOptions): TerraformResource {
  checkOutboundRule(ws, name);
  const sub = options.subResourceTarget;
  const target = options.serviceResourceId;
  if (!Token.isUnresolved(sub) && sub.trim() === '') {
    throw new ValidationError(ws, `outbound rule '${name}' has an empty sub-resource; give the target's group ID (e.g. 'searchService').`);
  }
  if (!Token.isUnresolved(target)) {
    if (!parseResourceId(target)) {
      throw new ValidationError(ws, `outbound rule '${name}' target '${target}' is not an ARM resource ID; pass the \`id\` of the `
        + 'resource the managed network should reach.');
    }
    const known = Token.isUnresolved(sub) ? undefined : KNOWN_SUB_RESOURCES.find(s => s.groupId === sub);
    if (known?.targetType && !isResourceIdOfType(target, known.targetType) && !(sub === 'amlworkspace')) {
      throw new ValidationError(ws, `outbound rule '${name}': sub-resource '${sub}' belongs to ${known.targetType}, but the target `
        + `'${target}' is another type of resource. Use the sub-resource of the target.`);
    }
  }
  if (Token.isUnresolved(sub) || AZURERM_SUB_RESOURCES.includes(sub)) {
    return new MachineLearningWorkspaceNetworkOutboundRulePrivateEndpoint(ws, outboundRuleId(ws, name), {
      name,
      workspaceId: ws.workspaceId,
      serviceResourceId: target,
      subResourceTarget: sub,
      sparkEnabled: options.sparkEnabled ?? false,
    });
  }
  // azurerm 4.55.0 refuses other sub-resources; ARM takes any, so the rule goes through azapi.
  return new AzapiResource(ws, outboundRuleId(ws, name), {
    type: OUTBOUND_RULE_ARM_TYPE,
    name,
    parentId: ws.workspaceId,
    body: {
      properties: {
        type: 'PrivateEndpoint',
        category: 'UserDefined',
        destination: { serviceResourceId: target, subresourceTarget: sub, sparkEnabled: options.sparkEnabled ?? false },
      },
    },
  });
}
