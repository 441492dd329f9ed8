// The props every stateful L2 shares (StatefulResourceProps): location, name, tags, removal policy, delete lock.
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import {
  ApplicationInsights, ContainerRegistry, KeyVault, LogAnalyticsWorkspace, RemovalPolicy, ResourceGroupRef, StatefulResourceProps,
  StorageAccount,
} from '../src';
import { only, providerStack, synthOne } from './support/synth';

const RG = ResourceGroupRef.fromName('rg-ml', 'westeurope');

interface Case {
  /** Construct class name, for the test titles. */
  readonly kind: string;
  /** Construct id in the stack. */
  readonly id: string;
  readonly resourceType: string;
  /** How messages and the lock notes name the resource. */
  readonly what: string;
  /** A valid physical name. */
  readonly name: string;
  readonly create: (stack: TerraformStack, id: string, props: StatefulResourceProps) => IConstruct;
}

const CASES: Case[] = [
  {
    kind: 'StorageAccount',
    id: 'Storage',
    resourceType: 'azurerm_storage_account',
    what: 'storage account',
    name: 'stmlprod01',
    create: (s, id, p) => new StorageAccount(s, id, p),
  },
  {
    kind: 'KeyVault',
    id: 'Vault',
    resourceType: 'azurerm_key_vault',
    what: 'key vault',
    name: 'kv-ml-prod-01',
    create: (s, id, p) => new KeyVault(s, id, p),
  },
  {
    kind: 'ContainerRegistry',
    id: 'Registry',
    resourceType: 'azurerm_container_registry',
    what: 'container registry',
    name: 'crmlprod01',
    create: (s, id, p) => new ContainerRegistry(s, id, p),
  },
  {
    kind: 'LogAnalyticsWorkspace',
    id: 'Logs',
    resourceType: 'azurerm_log_analytics_workspace',
    what: 'Log Analytics workspace',
    name: 'law-ml-prod',
    create: (s, id, p) => new LogAnalyticsWorkspace(s, id, { ...p, internetIngestionEnabled: true, internetQueryEnabled: true }),
  },
  {
    kind: 'ApplicationInsights',
    id: 'Insights',
    resourceType: 'azurerm_application_insights',
    what: 'Application Insights component',
    name: 'appi-ml-prod',
    create: (s, id, p) => new ApplicationInsights(s, id, p),
  },
];

describe('StatefulResourceProps', () => {
  describe.each(CASES)('$kind', (c) => {
    const synth = (props: Partial<StatefulResourceProps> = {}) =>
      synthOne(stack => c.create(stack, c.id, { resourceGroup: RG, ...props }), c.resourceType);

    test('RETAIN by default: prevent_destroy, and no lock', () => {
      const [json, resource] = synth();
      expect(resource.lifecycle).toEqual({ prevent_destroy: true });
      expect(json.resource.azurerm_management_lock).toBeUndefined();
    });

    test('RemovalPolicy.DESTROY drops prevent_destroy', () => {
      const [, resource] = synth({ removalPolicy: RemovalPolicy.DESTROY });
      expect(resource.lifecycle?.prevent_destroy).toBeUndefined();
    });

    test('deleteLock adds a CanNotDelete lock on the resource', () => {
      const [json] = synth({ deleteLock: true });
      expect(only(json, 'azurerm_management_lock')).toEqual({
        name: 'do-not-delete',
        lock_level: 'CanNotDelete',
        scope: expect.stringMatching(new RegExp(`^\\$\\{${c.resourceType}\\.${c.id}_\\w+\\.id\\}$`)),
        notes: `Protects the ${c.what} from deletion; remove the lock on purpose before deleting.`,
      });
    });

    test('location, name and tags are passed through', () => {
      const [, resource] = synth({ location: 'northeurope', name: c.name, tags: { env: 'prod' } });
      expect(resource).toMatchObject({ location: 'northeurope', name: c.name, resource_group_name: 'rg-ml', tags: { env: 'prod' } });
    });

    test('asks for a location when the resource group has none', () => {
      expect(() => c.create(providerStack('stack'), c.id, { resourceGroup: ResourceGroupRef.fromName('rg-ml') }))
        .toThrow(new RegExp(`stack/${c.id}: the ${c.what} has no location: the resource group 'rg-ml' was given without a known `
          + 'region. Pass `location`'));
    });
  });
});
