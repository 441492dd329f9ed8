// Proves the test-support conformance checkers catch each kind of defect and pass a real synthesized stack.
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { TerraformProvider, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { checkArmBody, checkAzapiBodies } from './support/arm-conformance';
import { checkTerraformJson } from './support/schema-conformance';
import { sharedDir } from './support/shared';
import { conformanceViolations, expectConformant, synthJson } from './support/synth';

const ENV_VERSION = 'Microsoft.MachineLearningServices/workspaces/environments/versions@2025-06-01';
const WORKSPACE = 'Microsoft.MachineLearningServices/workspaces@2025-06-01';
const DATASTORE = 'Microsoft.MachineLearningServices/workspaces/datastores@2025-06-01';
const ONLINE_ENDPOINT = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2025-06-01';
const COMPUTE = 'Microsoft.MachineLearningServices/workspaces/computes@2025-06-01';

/** A valid storage account config, to be broken one defect at a time. */
function storageAccount(extra: Record<string, any> = {}): any {
  return {
    resource: {
      azurerm_storage_account: {
        sa: {
          name: 'stazureml',
          resource_group_name: 'rg',
          location: 'westeurope',
          account_tier: 'Standard',
          account_replication_type: 'LRS',
          ...extra,
        },
      },
    },
  };
}

/** cdktf's per-element metadata key, which Terraform ignores. */
const CDKTF_METADATA = { '//': { metadata: { path: 'stack/sa' } } };

/** A cdk.tf.json with one azapi resource of the given kind. */
function azapi(type: string, body: any, kind = 'azapi_resource', extra: Record<string, any> = {}): any {
  return { resource: { [kind]: { env: { type, name: 'env1', parent_id: '/subscriptions/x', body, ...extra } } } };
}

const GOOD_ENV_BODY = { properties: { image: 'mcr.microsoft.com/azureml/base:latest', osType: 'Linux', build: { contextUri: 'https://x/ctx' } } };

/** The azapi provider has no prebuilt bindings here: a minimal provider element is enough for synthesis. */
class AzapiProviderStub extends TerraformProvider {
  constructor(scope: Construct, id: string) {
    super(scope, id, { terraformResourceType: 'azapi', terraformProviderSource: 'azure/azapi', terraformGeneratorMetadata: { providerName: 'azapi' } });
  }
}

describe('shared directory lookup', () => {
  const saved = { dir: process.env.AZUREML_SHARED_DIR, ci: process.env.CI };
  afterEach(() => {
    restoreEnv('AZUREML_SHARED_DIR', saved.dir);
    restoreEnv('CI', saved.ci);
  });

  test('AZUREML_SHARED_DIR overrides the location; a missing directory is undefined', () => {
    process.env.AZUREML_SHARED_DIR = __dirname;
    expect(sharedDir()).toBe(__dirname);
    process.env.AZUREML_SHARED_DIR = '/nonexistent/shared';
    expect(sharedDir()).toBeUndefined();
  });

  test('missing shared: skipped with one note locally, an error on CI', () => {
    process.env.AZUREML_SHARED_DIR = '/nonexistent/shared';
    delete process.env.CI;
    const realDescribe = global.describe;
    const skip = jest.fn();
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      let fresh!: typeof import('./support/shared');
      // A fresh module instance, so the once-only note has not been printed yet.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      jest.isolateModules(() => { fresh = require('./support/shared'); });
      (global as any).describe = Object.assign(jest.fn(), { skip });
      fresh.describeWithShared('a', () => {});
      fresh.describeWithShared('b', () => {});
      expect(skip).toHaveBeenCalledTimes(2);
      expect(write).toHaveBeenCalledTimes(1);
      expect(String(write.mock.calls[0][0])).toMatch(/skipped because \.\.\/shared is missing/);
      process.env.CI = 'true';
      expect(() => fresh.describeWithShared('c', () => {})).toThrow(/\.\.\/shared is missing/);
    } finally {
      global.describe = realDescribe;
      write.mockRestore();
    }
  });
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

describe('terraform schema checker', () => {
  test('a valid config has no violations', () => {
    expect(checkTerraformJson(storageAccount({ tags: { env: 'dev' } }))).toEqual([]);
  });

  test('unknown attribute, including inside a block', () => {
    const v = checkTerraformJson(storageAccount({ colour: 'blue', network_rules: { default_action: 'Deny', default_actionx: 'Allow' } }));
    expect(v).toEqual([
      'resource.azurerm_storage_account.sa.colour: unknown attribute',
      'resource.azurerm_storage_account.sa.network_rules.default_actionx: unknown attribute',
    ]);
  });

  test('missing required attribute and missing required block', () => {
    const json = storageAccount({ account_tier: undefined, network_rules: [{ bypass: ['AzureServices'] }] });
    json.resource.azurerm_machine_learning_workspace = {
      ws: { name: 'w', location: 'l', resource_group_name: 'rg', application_insights_id: 'a', key_vault_id: 'k', storage_account_id: 's' },
    };
    expect(checkTerraformJson(json)).toEqual([
      'resource.azurerm_storage_account.sa.network_rules[0].default_action: missing required attribute',
      'resource.azurerm_storage_account.sa.account_tier: missing required attribute',
      'resource.azurerm_machine_learning_workspace.ws.identity: missing required block',
    ]);
  });

  test('wrong primitive and collection types', () => {
    const v = checkTerraformJson(storageAccount({
      https_traffic_only_enabled: 'yes',
      tags: { env: { nested: true } },
      network_rules: { default_action: 'Deny', ip_rules: '1.2.3.4' },
    }));
    expect(v).toEqual([
      'resource.azurerm_storage_account.sa.https_traffic_only_enabled: expected bool, got string',
      'resource.azurerm_storage_account.sa.tags.env: expected string, got object',
      'resource.azurerm_storage_account.sa.network_rules.ip_rules: expected set, got string',
    ]);
  });

  test('Terraform JSON leniency: numbers for strings, expressions, nulls, meta-arguments, dynamic blocks', () => {
    const v = checkTerraformJson(storageAccount({
      name: 42,
      https_traffic_only_enabled: '${var.https}',
      access_tier: null,
      depends_on: ['azurerm_resource_group.rg'],
      lifecycle: { prevent_destroy: true },
      count: 1,
      provider: 'azurerm.alt',
      ...CDKTF_METADATA,
      dynamic: { network_rules: { for_each: '${var.rules}', content: { default_action: '${each.value}' } } },
    }));
    expect(v).toEqual([]);
  });

  test('a list block with too many items', () => {
    const rules = { default_action: 'Deny' };
    expect(checkTerraformJson(storageAccount({ network_rules: [rules, rules] }))).toEqual([
      'resource.azurerm_storage_account.sa.network_rules: at most 1 item(s) allowed, got 2',
    ]);
  });

  test('a computed-only attribute set', () => {
    expect(checkTerraformJson(storageAccount({ primary_access_key: 'secret' }))).toEqual([
      'resource.azurerm_storage_account.sa.primary_access_key: computed-only attribute cannot be set',
    ]);
  });

  test('unknown resource type, data source type and provider', () => {
    const v = checkTerraformJson({
      resource: { azurerm_storage_acount: { sa: {} }, foo_bar: { x: {} } },
      data: { azurerm_client_config: { current: { tenant_id: 't' } }, azurerm_nope: { n: {} } },
      provider: { google: [{}] },
    });
    expect(v).toEqual([
      'resource.azurerm_storage_acount: unknown resource type azurerm_storage_acount',
      'resource.foo_bar: unknown provider foo for resource type foo_bar',
      'data.azurerm_client_config.current.tenant_id: computed-only attribute cannot be set',
      'data.azurerm_nope: unknown data source type azurerm_nope',
      'provider.google: unknown provider google',
    ]);
  });

  test("Terraform's built-in terraform_remote_state (cdktf cross-stack references) is checked too", () => {
    expect(checkTerraformJson({
      data: { terraform_remote_state: { platform: { backend: 'local', config: { path: '../p.tfstate' }, workspace: '${terraform.workspace}' } } },
    })).toEqual([]);
    expect(checkTerraformJson({ data: { terraform_remote_state: { bad: { config: {}, colour: 'x' } } } })).toEqual([
      'data.terraform_remote_state.bad.colour: unknown attribute',
      'data.terraform_remote_state.bad.backend: missing required attribute',
    ]);
  });

  test('provider blocks and nested-type attributes', () => {
    const v = checkTerraformJson({
      provider: {
        azurerm: [{ features: [{}] }, { alias: 'alt', features: {}, subscription_idx: 's' }],
        azapi: [{ endpoint: [{ resource_manager_endpoint: 'https://m', audience: 'a' }], use_cli: 'true' }],
      },
      resource: {
        azapi_resource: {
          ok: { type: ENV_VERSION, retry: { error_message_regex: ['Conflict'], interval_seconds: 5 } },
          bad: { type: ENV_VERSION, retry: { interval_seconds: 'five' } },
        },
      },
    });
    expect(v).toEqual([
      'resource.azapi_resource.bad.retry.interval_seconds: expected number, got string',
      'resource.azapi_resource.bad.retry.error_message_regex: missing required attribute',
      'provider.azurerm[1].subscription_idx: unknown attribute',
      'provider.azapi[0].endpoint[0].audience: unknown attribute',
      'provider.azapi[0].use_cli: expected bool, got string',
    ]);
  });
});

describe('ARM body checker', () => {
  test('a valid body has no violations', () => {
    expect(checkAzapiBodies(azapi(ENV_VERSION, GOOD_ENV_BODY))).toEqual([]);
    expect(checkArmBody(DATASTORE, {
      properties: { datastoreType: 'AzureBlob', accountName: 'st', containerName: 'c', credentials: { credentialsType: 'None' } },
    })).toEqual([]);
  });

  test('unknown property', () => {
    const v = checkAzapiBodies(azapi(ENV_VERSION, { properties: { ...GOOD_ENV_BODY.properties, imag: 'x' } }));
    expect(v).toHaveLength(1);
    expect(v[0]).toMatch(/^resource\.azapi_resource\.env\.body\.properties\.imag: unknown property/);
  });

  test('closed enum violated; open enum accepts any string', () => {
    expect(checkArmBody(WORKSPACE, { location: 'l', sku: { name: 'Basic', tier: 'Ultra' } })).toEqual([
      "body.sku.tier: 'Ultra' is not one of Free, Basic, Standard, Premium",
    ]);
    // osType is an open enum (Linux | Windows | string), as azapi validates it.
    expect(checkArmBody(ENV_VERSION, { properties: { osType: 'Linx' } })).toEqual([]);
  });

  test('missing required properties, top-level and nested', () => {
    expect(checkAzapiBodies(azapi(ENV_VERSION, {}))).toEqual([
      'resource.azapi_resource.env.body.properties: missing required property',
    ]);
    expect(checkAzapiBodies(azapi(ENV_VERSION, undefined))).toEqual([
      'resource.azapi_resource.env.body.properties: missing required property',
    ]);
    // sensitive_body is merged into body before validation.
    expect(checkAzapiBodies(azapi(ENV_VERSION, undefined, 'azapi_resource', { sensitive_body: GOOD_ENV_BODY }))).toEqual([]);
    expect(checkArmBody(ENV_VERSION, { properties: { build: { dockerfilePath: 'Dockerfile' } } })).toEqual([
      'body.properties.build.contextUri: missing required property',
    ]);
    // location is required for online endpoints; azapi's `location` argument can supply it.
    const endpoint = { properties: { authMode: 'AADToken' } };
    expect(checkAzapiBodies(azapi(ONLINE_ENDPOINT, endpoint))).toEqual([
      'resource.azapi_resource.env.body.location: missing required property',
    ]);
    expect(checkAzapiBodies(azapi(ONLINE_ENDPOINT, endpoint, 'azapi_resource', { location: 'westeurope' }))).toEqual([]);
    expect(checkAzapiBodies(azapi(ONLINE_ENDPOINT, { ...endpoint, location: 'westeurope' }))).toEqual([]);
  });

  test('azapi_update_resource bodies are partial: no required checks, other checks still apply', () => {
    expect(checkAzapiBodies(azapi(ENV_VERSION, { properties: { build: { dockerfilePath: 'D' } } }, 'azapi_update_resource'))).toEqual([]);
    expect(checkAzapiBodies(azapi(ENV_VERSION, { properties: { osTyp: 'Linux' } }, 'azapi_update_resource'))[0]).toMatch(
      /^resource\.azapi_update_resource\.env\.body\.properties\.osTyp: unknown property/,
    );
  });

  test('read-only properties and azapi-owned top-level keys', () => {
    expect(checkArmBody(ENV_VERSION, { name: 'n', id: 'i', properties: { ...GOOD_ENV_BODY.properties, provisioningState: 'Succeeded' } })).toEqual([
      "body.id: set by azapi's own arguments, must not be in the body",
      "body.name: set by azapi's own arguments, must not be in the body",
      'body.properties.provisioningState: read-only property cannot be set',
    ]);
  });

  test('string pattern, integer and boolean types', () => {
    expect(checkArmBody(ENV_VERSION, { properties: { build: { contextUri: '---' }, autoRebuild: 'OnBaseImageUpdate', isArchived: 'no' } })).toEqual([
      "body.properties.build.contextUri: '---' does not match pattern [a-zA-Z0-9_]",
      'body.properties.isArchived: expected boolean, got string',
    ]);
    expect(checkArmBody(COMPUTE, {
      properties: { computeType: 'AmlCompute', properties: { scaleSettings: { maxNodeCount: 'four', minNodeCount: 1.5 } } },
    })).toEqual([
      "body.properties.properties.scaleSettings.maxNodeCount: expected integer, got 'four'",
      'body.properties.properties.scaleSettings.minNodeCount: expected integer, got 1.5',
    ]);
    expect(checkArmBody(COMPUTE, { properties: { computeType: 'AKS', properties: { agentCount: -1 } } })).toEqual([
      'body.properties.properties.agentCount: -1 is less than 0',
    ]);
  });

  test('the azapi name argument is checked against the ARM name pattern', () => {
    expect(checkAzapiBodies(azapi(WORKSPACE, { properties: {} }, 'azapi_resource', { name: 'w', location: 'l' }))).toEqual([
      "resource.azapi_resource.env.name: 'w' does not match pattern ^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$",
    ]);
  });

  test('discriminated objects: unknown or missing discriminator, element properties', () => {
    expect(checkArmBody(DATASTORE, { properties: { datastoreType: 'Bogus', credentials: { credentialsType: 'None' } } })).toEqual([
      "body.properties.datastoreType: 'Bogus' is not one of AzureBlob, AzureDataLakeGen1, AzureDataLakeGen2, AzureFile, OneLake",
    ]);
    expect(checkArmBody(DATASTORE, { properties: { credentials: { credentialsType: 'None' } } })).toEqual([
      'body.properties.datastoreType: missing discriminator (one of AzureBlob, AzureDataLakeGen1, AzureDataLakeGen2, AzureFile, OneLake)',
    ]);
    const v = checkArmBody(DATASTORE, { properties: { datastoreType: 'AzureFile', credentials: { credentialsType: 'None' }, containerName: 'c' } });
    expect(v).toHaveLength(3);
    expect(v[0]).toMatch(/^body\.properties\.containerName: unknown property/);
    expect(v.slice(1)).toEqual(['body.properties.accountName: missing required property', 'body.properties.fileShareName: missing required property']);
  });

  test('Terraform expressions are skipped; unknown ARM types are violations', () => {
    expect(checkArmBody(ENV_VERSION, { properties: { osType: '${var.os}', build: '${local.build}', isArchived: '${var.b}' } })).toEqual([]);
    expect(checkAzapiBodies(azapi('Microsoft.Storage/storageAccounts@2023-01-01', {}))).toEqual([
      'resource.azapi_resource.env.body: no ARM types for Microsoft.Storage/storageAccounts@2023-01-01',
    ]);
    expect(checkArmBody(`${WORKSPACE.split('@')[0]}@1999-01-01`, {})).toEqual([
      'body: no ARM types for Microsoft.MachineLearningServices/workspaces@1999-01-01',
    ]);
  });
});

describe('a synthesized cdktf stack', () => {
  test('with deep-imported azurerm L1s and a raw azapi resource is conformant', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    new AzapiProviderStub(stack, 'azapi');
    const rg = new ResourceGroup(stack, 'rg', { name: 'rg-ml', location: 'westeurope' });
    new DataAzurermClientConfig(stack, 'current');
    new StorageAccount(stack, 'sa', {
      name: 'stml',
      resourceGroupName: rg.name,
      location: rg.location,
      accountTier: 'Standard',
      accountReplicationType: 'ZRS',
      minTlsVersion: 'TLS1_2',
      networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'] },
      blobProperties: { deleteRetentionPolicy: { days: 7 } },
      tags: { env: 'test' },
    });
    const env = new TerraformResource(stack, 'env', { terraformResourceType: 'azapi_resource', terraformGeneratorMetadata: { providerName: 'azapi' } });
    env.addOverride('type', ENV_VERSION);
    env.addOverride('name', '1');
    env.addOverride('parent_id', '${azurerm_resource_group.rg.id}/environments/env');
    env.addOverride('body', GOOD_ENV_BODY);

    const json = synthJson(stack);
    expect(Object.keys(json.resource).sort()).toEqual(['azapi_resource', 'azurerm_resource_group', 'azurerm_storage_account']);
    expect(conformanceViolations(json)).toEqual([]);
    expectConformant(json);

    // The same stack with one defect injected through an escape hatch is caught.
    env.addOverride('body.properties.osType', 42);
    expect(conformanceViolations(synthJson(stack))).toEqual([
      'resource.azapi_resource.env.body.properties.osType: 42 matches none of the allowed types (StringLiteralType, StringLiteralType, StringType)',
    ]);
  });
});
