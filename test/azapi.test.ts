import { AzapiProvider, AzapiResource, AzapiUpdateResource } from '../src';
import { conformanceViolations, expectConformant, providerStack, synthJson } from './support/synth';

const workspaceId = '/subscriptions/0000/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw';

describe('azapi bindings', () => {
  test('azapi_resource keeps the body as given (camelCase ARM properties) and snake_cases its own arguments', () => {
    const stack = providerStack();
    new AzapiResource(stack, 'Env', {
      type: 'Microsoft.MachineLearningServices/workspaces/environments/versions@2025-06-01',
      name: '1',
      parentId: `${workspaceId}/environments/train`,
      body: { properties: { image: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest', osType: 'Linux', autoRebuild: 'Disabled' } },
      replaceTriggersExternalValues: { content: 'abc' },
      retry: { errorMessageRegex: ['ResourceNotFound'] },
      timeouts: { create: '30m' },
      lifecycle: { createBeforeDestroy: true },
    });
    const env = synthJson(stack).resource.azapi_resource.Env;
    expect(env).toMatchObject({
      type: 'Microsoft.MachineLearningServices/workspaces/environments/versions@2025-06-01',
      name: '1',
      parent_id: `${workspaceId}/environments/train`,
      body: { properties: { image: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest', osType: 'Linux', autoRebuild: 'Disabled' } },
      replace_triggers_external_values: { content: 'abc' },
      retry: { error_message_regex: ['ResourceNotFound'] },
      timeouts: { create: '30m' },
      lifecycle: { create_before_destroy: true },
    });
  });

  test('azapi_update_resource targets an existing resource by ID', () => {
    const stack = providerStack();
    new AzapiUpdateResource(stack, 'Patch', {
      type: 'Microsoft.MachineLearningServices/workspaces@2025-06-01',
      resourceId: workspaceId,
      body: { properties: { systemDatastoresAuthMode: 'identity' } },
    });
    expect(synthJson(stack).resource.azapi_update_resource.Patch).toMatchObject({
      resource_id: workspaceId,
      body: { properties: { systemDatastoresAuthMode: 'identity' } },
    });
  });

  test('the provider pins Azure/azapi 2.12.0 and has no configuration unless given', () => {
    const stack = providerStack();
    const json = synthJson(stack);
    expect(json.terraform.required_providers.azapi).toEqual({ source: 'Azure/azapi', version: '2.12.0' });
    expect(json.provider.azapi).toEqual([{}]);
  });

  test('provider aliases and settings', () => {
    const stack = providerStack();
    new AzapiProvider(stack, 'other', { alias: 'other', subscriptionId: '0000', useOidc: true, defaultTags: { team: 'ml' } });
    expect(synthJson(stack).provider.azapi[1]).toEqual({ alias: 'other', subscription_id: '0000', use_oidc: true, default_tags: { team: 'ml' } });
  });

  describe('conformance', () => {
    test('the synthesized azapi resources conform to the azapi schema and their ARM types', () => {
      const stack = providerStack();
      new AzapiResource(stack, 'Data', {
        type: 'Microsoft.MachineLearningServices/workspaces/data/versions@2025-06-01',
        name: '1',
        parentId: `${workspaceId}/data/taxi`,
        body: { properties: { dataType: 'uri_file', dataUri: 'https://example.blob.core.windows.net/data/taxi.parquet' } },
      });
      new AzapiUpdateResource(stack, 'Patch', {
        type: 'Microsoft.MachineLearningServices/workspaces@2025-06-01',
        resourceId: workspaceId,
        body: { properties: { systemDatastoresAuthMode: 'identity' } },
      });
      expectConformant(synthJson(stack));
    });

    test('a bad body is caught', () => {
      const stack = providerStack();
      new AzapiResource(stack, 'Data', {
        type: 'Microsoft.MachineLearningServices/workspaces/data/versions@2025-06-01',
        name: '1',
        parentId: `${workspaceId}/data/taxi`,
        body: { properties: { dataType: 'uri_file', dataUrl: 'https://example.blob.core.windows.net/x' } },
      });
      const violations = conformanceViolations(synthJson(stack));
      expect(violations.join('\n')).toMatch(/dataUrl/);
      expect(violations.join('\n')).toMatch(/dataUri/);
    });
  });
});
