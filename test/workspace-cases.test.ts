// The Azure ML CLI v2 workspace specs of ../shared/cases/azureml-examples/workspace, expressed with Workspace.
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { parse } from 'yaml';
import {
  ApplicationInsights,
  ContainerRegistry,
  KeyVault,
  ManagedNetworkIsolation,
  ResourceGroupRef,
  StorageAccount,
  Workspace,
  WorkspaceContainerRegistry,
  WorkspaceProps,
} from '../src';
import { describeWithShared, sharedDir } from './support/shared';
import { expectConformant, ofType, only, providerStack, synthJson } from './support/synth';
import { onlyWorkspace, workspaceIdRef } from './support/workspace-l1';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');

/** Fills the `<PLACEHOLDERS>` of the specs with plausible values. */
function fill(text: string): string {
  return text.replace(/<([A-Z_]+)>/g, (_, name: string) =>
    name === 'SUBSCRIPTION_ID' ? '00000000-0000-0000-0000-000000000000' : name.toLowerCase().replace(/_/g, ''));
}

function loadSpec(file: string): any {
  return parse(fill(fs.readFileSync(path.join(sharedDir()!, 'cases', 'azureml-examples', 'workspace', file), 'utf8')));
}

const ISOLATION: Record<string, ManagedNetworkIsolation> = {
  disabled: ManagedNetworkIsolation.DISABLED,
  allow_internet_outbound: ManagedNetworkIsolation.ALLOW_INTERNET_OUTBOUND,
  allow_only_approved_outbound: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND,
};

/**
 * Translates a CLI v2 workspace spec into a Workspace (and its outbound rules) the way a user
 * would. Unknown keys fail the test, so no part of a spec is silently dropped.
 */
function workspaceFromSpec(stack: TerraformStack, spec: any): Workspace {
  const props: { -readonly [K in keyof WorkspaceProps]?: WorkspaceProps[K] } = { resourceGroup: RG };
  for (const [key, value] of Object.entries<any>(spec)) {
    switch (key) {
      case '$schema': break;
      case 'name': props.name = value; break;
      case 'location': props.location = value; break;
      case 'display_name': props.friendlyName = value; break;
      case 'description': props.description = value; break;
      case 'tags': props.tags = value; break;
      case 'hbi_workspace': props.highBusinessImpact = value; break;
      case 'image_build_compute': props.imageBuildComputeName = value; break;
      case 'public_network_access':
        props.publicNetworkAccessEnabled = value === 'Enabled';
        // The CLI specs create the workspace only; its private endpoints are made separately.
        if (value !== 'Enabled') props.privateEndpointsManagedElsewhere = true;
        break;
      case 'storage_account': props.storageAccount = StorageAccount.fromStorageAccountId(stack, 'Storage', value); break;
      case 'key_vault': props.keyVault = KeyVault.fromKeyVaultId(stack, 'KeyVault', value); break;
      case 'application_insights': props.applicationInsights = ApplicationInsights.fromApplicationInsightsId(stack, 'AppInsights', value); break;
      case 'container_registry':
        props.containerRegistry = WorkspaceContainerRegistry.existing(ContainerRegistry.fromContainerRegistryId(stack, 'Registry', value));
        break;
      case 'customer_managed_key':
        props.encryption = {
          keyVault: KeyVault.fromKeyVaultAttributes(stack, 'CmkVault', { keyVaultId: value.key_vault, purgeProtectionEnabled: true }),
          keyId: value.key_uri,
        };
        break;
      case 'managed_network': props.managedNetwork = { isolationMode: ISOLATION[value.isolation_mode] }; break;
      default: throw new Error(`spec key '${key}' is not translated`);
    }
  }
  const ws = new Workspace(stack, 'Workspace', props as WorkspaceProps);
  for (const rule of spec.managed_network?.outbound_rules ?? []) {
    switch (rule.type) {
      case 'fqdn': ws.addFqdnOutboundRule(rule.name, rule.destination); break;
      case 'service_tag':
        ws.addServiceTagOutboundRule(rule.name, {
          serviceTag: rule.destination.service_tag, protocol: rule.destination.protocol, portRanges: rule.destination.port_ranges,
        });
        break;
      case 'private_endpoint':
        ws.addPrivateEndpointOutboundRule(rule.name, {
          serviceResourceId: rule.destination.service_resource_id,
          subResourceTarget: rule.destination.subresource_target,
          sparkEnabled: rule.destination.spark_enabled,
        });
        break;
      default: throw new Error(`outbound rule type '${rule.type}' is not translated`);
    }
  }
  return ws;
}

function synthSpec(file: string): { spec: any; json: any; ws: Workspace } {
  const spec = loadSpec(file);
  const stack = providerStack('test');
  const ws = workspaceFromSpec(stack, spec);
  const json = synthJson(stack);
  expectConformant(json);
  return { spec, ws, json };
}

function count(json: any, type: string): number {
  return Object.keys(ofType(json, type)).length;
}

function ref(json: any, type: string): string {
  return `\${${type}.${Object.keys(json.resource[type])[0]}.id}`;
}

describeWithShared('Azure ML CLI workspace specs', () => {
  test('basic.yml: a workspace with created dependencies', () => {
    const { spec, json } = synthSpec('basic.yml');
    expect(onlyWorkspace(json)).toMatchObject({
      name: 'mlw-basic-prod',
      location: 'eastus',
      tags: { purpose: 'demonstration' },
      body: {
        properties: {
          friendlyName: 'Basic workspace-example',
          description: spec.description,
          hbiWorkspace: false,
          publicNetworkAccess: 'Enabled',
          storageAccount: ref(json, 'azurerm_storage_account'),
          keyVault: ref(json, 'azurerm_key_vault'),
          applicationInsights: ref(json, 'azurerm_application_insights'),
          containerRegistry: ref(json, 'azurerm_container_registry'),
        },
      },
    });
    for (const type of ['azurerm_storage_account', 'azurerm_key_vault', 'azurerm_container_registry', 'azurerm_application_insights']) {
      expect(only(json, type)).toMatchObject({ location: 'eastus', tags: { purpose: 'demonstration' } });
    }
  });

  test('hbi.yml: high business impact', () => {
    const { json } = synthSpec('hbi.yml');
    expect(onlyWorkspace(json)).toMatchObject({
      name: 'mlw-hbiexample-prod', body: { properties: { friendlyName: 'High business impact-example', hbiWorkspace: true } },
    });
  });

  test('cmk.yml: customer-managed key', () => {
    const { spec, json } = synthSpec('cmk.yml');
    const workspace = onlyWorkspace(json);
    expect(workspace).toMatchObject({
      name: 'mlw-cmkexample-prod',
      body: {
        properties: {
          encryption: {
            status: 'Enabled',
            keyVaultProperties: { keyVaultArmId: spec.customer_managed_key.key_vault, keyIdentifier: spec.customer_managed_key.key_uri },
          },
          enableServiceSideCMKEncryption: true,
        },
      },
    });
    expect(spec.customer_managed_key.key_vault).toMatch(/\/providers\/Microsoft.KeyVault\/vaults\/keyvault$/);
  });

  test('privatelink.yml: public access disabled, image builds on a cluster, dependencies closed', () => {
    const { json } = synthSpec('privatelink.yml');
    expect(onlyWorkspace(json)).toMatchObject({
      name: 'mlw-privatelink-prod', body: { properties: { publicNetworkAccess: 'Disabled', imageBuildCompute: 'cpu-compute' } },
    });
    expect(only(json, 'azurerm_storage_account')).toMatchObject({
      public_network_access_enabled: false, network_rules: { default_action: 'Deny', bypass: ['AzureServices'] },
    });
    expect(only(json, 'azurerm_key_vault').public_network_access_enabled).toBe(false);
    expect(only(json, 'azurerm_container_registry').public_network_access_enabled).toBe(false);
  });

  test('with-existing-resources.yml: bring your own storage, registry, vault and Application Insights', () => {
    const { spec, json, ws } = synthSpec('with-existing-resources.yml');
    expect(onlyWorkspace(json)).toMatchObject({
      name: 'mlw-basicex-prod',
      body: {
        properties: {
          storageAccount: spec.storage_account,
          containerRegistry: spec.container_registry,
          keyVault: spec.key_vault,
          // The spec writes Microsoft.insights; the ID is normalised (azurerm parses the namespace case-sensitively).
          applicationInsights: spec.application_insights.replace('/Microsoft.insights/', '/Microsoft.Insights/'),
        },
      },
    });
    expect(spec.application_insights).toContain('/Microsoft.insights/');
    for (const type of ['azurerm_storage_account', 'azurerm_key_vault', 'azurerm_container_registry', 'azurerm_application_insights']) {
      expect(count(json, type)).toBe(0);
    }
    expect(ws.storageAccount?.storageAccountName).toBe('storageaccount');
  });

  test('mvnet-allow-internet-outbound.yml: managed network with private-endpoint rules', () => {
    const { json } = synthSpec('mvnet-allow-internet-outbound.yml');
    const workspace = onlyWorkspace(json);
    expect(workspace).toMatchObject({ name: 'myworkspace_aio', body: { properties: { managedNetwork: { isolationMode: 'AllowInternetOutbound' } } } });
    const rules = Object.values<any>(json.resource.azurerm_machine_learning_workspace_network_outbound_rule_private_endpoint);
    expect(rules.map(r => [r.name, r.sub_resource_target, r.spark_enabled, r.service_resource_id.split('/').pop()]).sort()).toEqual([
      ['added-perule', 'blob', true, 'MyAccount1'],
      ['added-perule2', 'file', true, 'MyAccount2'],
    ]);
    for (const r of rules) expect(r.workspace_id).toBe(workspaceIdRef(json));
  });

  test('mvnet-allow-only-approved-outbound.yml: service-tag, private-endpoint and FQDN rules', () => {
    const { json } = synthSpec('mvnet-allow-only-approved-outbound.yml');
    expect(onlyWorkspace(json)).toMatchObject({
      name: 'myworkspace_dep', body: { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } },
    });
    expect(only(json, 'azurerm_machine_learning_workspace_network_outbound_rule_service_tag')).toMatchObject({
      name: 'added-servicetagrule', service_tag: 'DataFactory', protocol: 'TCP', port_ranges: '80, 8080',
    });
    expect(only(json, 'azurerm_machine_learning_workspace_network_outbound_rule_private_endpoint')).toMatchObject({
      name: 'added-perule', sub_resource_target: 'blob', spark_enabled: true,
    });
    expect(only(json, 'azurerm_machine_learning_workspace_network_outbound_rule_fqdn')).toMatchObject({
      name: 'added-fqdnrule', destination_fqdn: 'test2.com',
    });
  });

  test('outbound rules are rejected without a managed network, and validated', () => {
    const stack = providerStack('test');
    const ws = new Workspace(stack, 'Ml', { resourceGroup: RG, managedNetwork: { isolationMode: ManagedNetworkIsolation.DISABLED } });
    expect(() => ws.addFqdnOutboundRule('pypi', 'pypi.org'))
      .toThrow(/test\/Ml: outbound rule 'pypi' needs a managed network, but its isolation mode is Disabled/);
    const managed = new Workspace(stack, 'Managed', { resourceGroup: RG });
    managed.addFqdnOutboundRule('pypi', 'pypi.org');
    expect(() => managed.addFqdnOutboundRule('pypi', 'files.pythonhosted.org')).toThrow(/outbound rule 'pypi' is already defined/);
    expect(() => managed.addServiceTagOutboundRule('tag-rule', { serviceTag: 'Storage', protocol: 'HTTP', portRanges: '443' }))
      .toThrow(/outbound rule 'tag-rule' protocol 'HTTP' is not supported; use one of: \*, TCP, UDP, ICMP/);
    expect(() => managed.addPrivateEndpointOutboundRule('pe-rule', { serviceResourceId: '/subscriptions/x', subResourceTarget: 'sql' }))
      .toThrow(/outbound rule 'pe-rule' target '\/subscriptions\/x' is not an ARM resource ID/);
    const json = synthJson(stack);
    expect(Object.values<any>(json.resource.azurerm_machine_learning_workspace_network_outbound_rule_fqdn).map(r => r.name)).toEqual(['pypi']);
    expectConformant(json);
  });
});
