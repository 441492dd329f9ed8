import { DataAzurermResourceGroup } from '@cdktf/provider-azurerm/lib/data-azurerm-resource-group';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Duration, ResourceGroupRef, StorageAccount } from '../src';
import { resolveValue } from './support/synth';
import { isResourceIdOfType, parseResourceId } from '../src/core/arm-id';

const storageId = '/subscriptions/0000-1111/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata';

describe('ARM resource IDs', () => {
  test('known IDs are parsed at synth time', () => {
    expect(parseResourceId(storageId)).toEqual({ subscriptionId: '0000-1111', resourceGroupName: 'rg-data', name: 'stdata' });
    expect(parseResourceId('not-an-id')).toBeUndefined();
  });

  test('resource types are matched case-insensitively, children included', () => {
    expect(isResourceIdOfType(storageId, 'Microsoft.Storage/storageAccounts')).toBe(true);
    expect(isResourceIdOfType(storageId.toLowerCase(), 'Microsoft.Storage/storageAccounts')).toBe(true);
    expect(isResourceIdOfType(storageId, 'Microsoft.KeyVault/vaults')).toBe(false);
    expect(isResourceIdOfType(`${storageId}/blobServices/default/containers/raw`, 'Microsoft.Storage/storageAccounts/blobServices/containers')).toBe(true);
  });

  test('Terraform references become Terraform expressions', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const id = new TerraformVariable(stack, 'storage_id', { type: 'string' }).stringValue;
    const parts = parseResourceId(id)!;
    const resolved = resolveValue(stack, parts);
    expect(resolved.resourceGroupName).toBe('${element(split("/", var.storage_id), 4)}');
    expect(resolved.subscriptionId).toBe('${element(split("/", var.storage_id), 2)}');
    expect(resolved.name).toBe('${element(reverse(split("/", var.storage_id)), 0)}');
  });
});

describe('resource groups', () => {
  test('by name, by ID, from a resource and from a data source', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    expect(ResourceGroupRef.fromName('rg-ml', 'westeurope')).toEqual({ name: 'rg-ml', location: 'westeurope' });
    expect(ResourceGroupRef.fromId('/subscriptions/s1/resourceGroups/rg-ml').name).toBe('rg-ml');
    // A malformed ID is reported by the construct that uses it, with its path and the fix.
    const bad = ResourceGroupRef.fromId(storageId);
    expect(() => new StorageAccount(stack, 'St', { resourceGroup: bad })).toThrow(/^s\/St: resourceGroup ID '\/subscriptions\/.*' is not a resource group ID: it must be \/subscriptions\/<subscription>\/resourceGroups\/<name>/);
    expect(() => new StorageAccount(stack, 'St2', { resourceGroup: ResourceGroupRef.fromId('rg-ml', 'westeurope') }))
      .toThrow("s/St2: resourceGroup ID 'rg-ml' is not a resource group ID: it must be /subscriptions/<subscription>/resourceGroups/<name>. "
        + "Pass the full ID (e.g. an azurerm_resource_group's id). For a resource group given by name, use ResourceGroupRef.fromName('rg-ml', location).");
    const rg = ResourceGroupRef.fromResource(new ResourceGroup(stack, 'rg', { name: 'rg-ml', location: 'westeurope' }));
    expect(resolveValue(stack, rg)).toEqual({ id: '${azurerm_resource_group.rg.id}', name: '${azurerm_resource_group.rg.name}', location: '${azurerm_resource_group.rg.location}' });
    const ds = ResourceGroupRef.fromDataSource(new DataAzurermResourceGroup(stack, 'existing', { name: 'rg-shared' }));
    expect(resolveValue(stack, ds.name)).toBe('${data.azurerm_resource_group.existing.name}');
  });
});

describe('Duration', () => {
  test.each([
    [Duration.minutes(2), 'PT2M'],
    [Duration.seconds(90), 'PT1M30S'],
    [Duration.hours(1.5), 'PT1H30M'],
    [Duration.days(30), 'P30D'],
    [Duration.hours(26), 'P1DT2H'],
    [Duration.seconds(0), 'PT0S'],
  ])('%s is %s in ISO 8601', (d, iso) => {
    expect(d.toIsoString()).toBe(iso);
  });

  test('converts between units', () => {
    expect(Duration.hours(2).toMinutes()).toBe(120);
    expect(Duration.minutes(3).toSeconds()).toBe(180);
  });
});
