import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, IConstruct } from 'constructs';
import { AzapiResource } from '../azapi/resource';
import { BuiltInRole, grantRole, IGrantee } from '../core/grants';
import { NameRule } from '../core/naming';
import { protectResource, resolveLocationAndName } from '../core/resource-props';
import { StatefulResourceProps } from '../core/stateful-resource-props';
import { checkAllowedValue, isResolved, ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';
import { PrivateEndpoint, TargetPrivateEndpointOptions } from '../network/private-endpoint';
import { PrivateEndpointSubResource } from '../network/sub-resource';
import { addPrivateEndpoints } from '../network/target-endpoints';

/** API version of registries and registry assets (present in ../shared/arm-types). */
const REGISTRY_API_VERSION = '2025-06-01';

/** Azure ML registry names. */
const REGISTRY_NAME_RULE: NameRule = {
  resourceType: 'ML registry',
  pattern: /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/,
  description: '3-33 letters, digits, hyphens and underscores, starting with a letter or digit',
  minLength: 3,
  maxLength: 33,
  separator: '-',
  lowercase: true,
};

/**
 * An Azure Machine Learning registry: environments, models, components, code and data shared by the
 * workspaces of several regions.
 */
export interface IRegistry extends IConstruct {
  /** ARM ID of the registry. */
  readonly registryId: string;
  /** Name of the registry. */
  readonly registryName: string;
  /** Every region the registry replicates to (the primary region first), when known. */
  readonly regions?: string[];
  /** Grants a role on the registry. */
  grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment;
  /** Grants AzureML Registry User: read and use the registry's assets (for workspaces, compute and endpoints). */
  grantUser(grantee: IGrantee): RoleAssignment;
}

/** Attributes of an existing registry. */
export interface RegistryAttributes {
  /** ARM ID of the registry. */
  readonly registryId: string;
  /**
   * The regions it replicates to; assets used from workspaces in other regions are refused.
   * @default - unknown: not checked
   */
  readonly regions?: string[];
}

/** Storage account type of the registry's storage in each region. */
export enum RegistryStorageType {
  /** Locally redundant. */
  STANDARD_LRS = 'Standard_LRS',
  /** Zone redundant. */
  STANDARD_ZRS = 'Standard_ZRS',
  /** Geo redundant. */
  STANDARD_GRS = 'Standard_GRS',
}

/** Properties of a registry. */
export interface RegistryProps extends StatefulResourceProps {
  /**
   * Regions besides the primary one (`location`) that the registry replicates to. Each region gets a
   * system-created storage account and container registry. Adding a region updates the registry in place;
   * Azure cannot remove one.
   * @default - the primary region only
   */
  readonly replicationRegions?: string[];
  /**
   * Whether the registry is reachable from public networks. With `false`, workspaces and users reach it
   * through private endpoints (`addPrivateEndpoint`, sub-resource `amlregistry`).
   * @default false
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * Storage type of the per-region storage accounts.
   * @default RegistryStorageType.STANDARD_LRS
   */
  readonly storageType?: RegistryStorageType;
}

/** What created and imported registries share. */
abstract class RegistryBase extends Construct implements IRegistry {
  public abstract readonly registryId: string;
  public abstract readonly registryName: string;
  public abstract readonly regions?: string[];

  public grant(grantee: IGrantee, role: BuiltInRole): RoleAssignment {
    return grantRole(this, grantee, role, this.registryId);
  }

  public grantUser(grantee: IGrantee): RoleAssignment {
    return this.grant(grantee, BuiltInRole.AZUREML_REGISTRY_USER);
  }
}

class ImportedRegistry extends RegistryBase {
  public readonly registryId: string;
  public readonly registryName: string;
  public readonly regions?: string[];

  constructor(scope: Construct, id: string, attrs: RegistryAttributes) {
    super(scope, id);
    const m = /\/providers\/Microsoft\.MachineLearningServices\/registries\/([^/]+)$/i.exec(attrs.registryId ?? '');
    if (isResolved(attrs.registryId) && !m) {
      throw new ValidationError(this, `registry ID '${attrs.registryId}' is not the ARM ID of an Azure ML registry `
        + '(/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/registries/<name>).');
    }
    this.registryId = attrs.registryId;
    this.registryName = m ? m[1] : attrs.registryId.split('/').pop()!;
    this.regions = attrs.regions;
  }
}

/**
 * An Azure ML registry (`Microsoft.MachineLearningServices/registries`, through azapi), replicated to
 * `replicationRegions`, closed to public networks by default. Register assets in it with
 * `new Model(scope, id, { registry, ... })` and the other asset constructs.
 */
export class Registry extends RegistryBase {
  /** An existing registry. */
  public static fromRegistryAttributes(scope: Construct, id: string, attrs: RegistryAttributes): IRegistry {
    return new ImportedRegistry(scope, id, attrs);
  }

  /** An existing registry by ARM ID (regions unknown). */
  public static fromRegistryId(scope: Construct, id: string, registryId: string): IRegistry {
    return new ImportedRegistry(scope, id, { registryId });
  }

  public readonly registryId: string;
  public readonly registryName: string;
  public readonly regions?: string[];
  /** Primary region. */
  public readonly location: string;
  /** The `azapi_resource`. */
  public readonly resource: AzapiResource;

  constructor(scope: Construct, id: string, props: RegistryProps) {
    super(scope, id);
    const { location, name } = resolveLocationAndName(this, props, REGISTRY_NAME_RULE);
    this.location = location;
    this.registryName = name;
    const extra = props.replicationRegions ?? [];
    const norm = (r: string) => r.toLowerCase().replace(/\s+/g, '');
    const seen = new Set<string>();
    for (const region of [location, ...extra]) {
      if (!isResolved(region)) continue;
      if (seen.has(norm(region))) {
        throw new ValidationError(this, `region '${region}' is listed twice (the primary location is replicated to already); `
          + 'list each additional region once in replicationRegions.');
      }
      seen.add(norm(region));
    }
    this.regions = [location, ...extra];
    const storageType = props.storageType ?? RegistryStorageType.STANDARD_LRS;
    checkAllowedValue(this, 'storageType', storageType, Object.values(RegistryStorageType), 'the library (registry storage account types)',
      'Use a RegistryStorageType constant, e.g. RegistryStorageType.STANDARD_ZRS.');
    const publicAccess = props.publicNetworkAccess ?? false;
    this.resource = new AzapiResource(this, 'Resource', {
      type: `Microsoft.MachineLearningServices/registries@${REGISTRY_API_VERSION}`,
      name,
      parentId: resourceGroupId(this, props),
      location,
      identity: { type: 'SystemAssigned' },
      body: {
        properties: {
          publicNetworkAccess: publicAccess ? 'Enabled' : 'Disabled',
          regionDetails: this.regions.map(region => ({
            location: region,
            storageAccountDetails: [{
              systemCreatedStorageAccount: { storageAccountType: storageType, storageAccountHnsEnabled: false, allowBlobPublicAccess: false },
            }],
            acrDetails: [{ systemCreatedAcrAccount: { acrAccountSku: 'Premium' } }],
          })),
        },
      },
      tags: props.tags,
      // Azure adds what it created (storage and registry IDs, private endpoint connections) to these lists.
      ignoreBodyChanges: ['properties.regionDetails', 'properties.registryPrivateEndpointConnections'],
    });
    this.registryId = `${resourceGroupId(this, props)}/providers/Microsoft.MachineLearningServices/registries/${name}`;
    protectResource(this, this.resource, props, REGISTRY_NAME_RULE);
    if (publicAccess) {
      Warnings.of(this).add('AZML-REG-001', `Registry '${name}' is reachable from public networks. Set publicNetworkAccess: false and `
        + 'add a private endpoint (registry.addPrivateEndpoint), or acknowledge this warning.');
    }
  }

  /**
   * Adds a private endpoint for the registry (sub-resource `amlregistry`, zone `privatelink.api.azureml.ms`),
   * as child `PrivateEndpoint-amlregistry`.
   */
  public addPrivateEndpoint(options: TargetPrivateEndpointOptions): PrivateEndpoint[] {
    const S = PrivateEndpointSubResource;
    return addPrivateEndpoints(this, { what: 'ML registry', resourceId: this.registryId, allowed: [S.AML_REGISTRY], defaults: [S.AML_REGISTRY] }, options);
  }
}

/** The ARM ID of the registry's resource group. */
function resourceGroupId(scope: IConstruct, props: RegistryProps): string {
  if (props.resourceGroup.id) return props.resourceGroup.id;
  throw new ValidationError(scope, `the ML registry needs the ID of resource group '${props.resourceGroup.name}' (azapi parents it on the ID); `
    + 'pass it with ResourceGroupRef.fromId(id, location) or ResourceGroupRef.fromResource(resourceGroup).');
}
