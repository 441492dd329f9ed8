// A private Azure ML workspace as a regulated platform team ships it: the team's own virtual network (azurerm L1s),
// the workspace and every dependency closed to public networks and reached through private endpoints with private
// DNS zones, monitoring behind an Azure Monitor Private Link Scope, a managed network that allows only approved
// outbound traffic (the package mirrors pip and conda need), compute without public IPs that also builds the
// environment images, a user-assigned identity, a customer-managed key, delete locks and diagnostics. The security
// rule pack runs at synth and fails it on any finding that is not one of the documented exceptions (exceptions.ts).
// README.md explains the layout, how to deploy and every exception.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet as AzurermSubnet } from '@cdktf/provider-azurerm/lib/subnet';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { App, Aspects, LocalBackend, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { SECURITY_EXCEPTIONS } from './exceptions';
import {
  AzapiProvider, AzureMlSecurityChecks, CheckLevel, ContainerRegistry, Duration, KeyVault,
  LogAnalyticsWorkspace, ManagedNetworkFirewallSku, ManagedNetworkIsolation, PrivateDns, PrivateDnsZones, ResourceGroupRef,
  StorageAccount, Subnet, UserAssignedIdentityRef, VmSize, Warnings, Workspace, WorkspaceContainerRegistry, WorkspaceIdentity,
} from '../../src';

/** What differs per environment. Replace the placeholders with your own values. */
export const CONFIG = {
  location: 'westeurope',
  /** The key vault of the security team holding the customer-managed key (purge protection on, RBAC). */
  cmkKeyVaultId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-security-keys/providers/Microsoft.KeyVault/vaults/kv-sec-cmk',
  /** Versioned ID of the RSA or RSA-HSM key in that vault (an `azurerm_key_vault_key`'s `id`). */
  cmkKeyId: 'https://kv-sec-cmk.vault.azure.net/keys/aml-secure/0123456789abcdef0123456789abcdef',
  /** Address space of the workload (spoke) network and of its two subnets. */
  addressSpace: '10.20.0.0/16',
  endpointSubnetPrefix: '10.20.1.0/24',
  clientSubnetPrefix: '10.20.2.0/24',
};

/** Package mirrors the managed network may reach (port 443): what pip and conda need to build environments. */
export const PACKAGE_MIRRORS: { [rule: string]: string } = {
  'pypi': 'pypi.org',
  'pythonhosted-files': 'files.pythonhosted.org',
  'anaconda-repo': 'repo.anaconda.com',
  'anaconda-conda': 'conda.anaconda.org',
};

/** Name of the compute cluster that builds environment images. */
export const IMAGE_BUILD_COMPUTE = 'image-builder';

export class SecurePrivateStack extends TerraformStack {
  public readonly workspace: Workspace;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    // A relative state path: cdktf's default local backend writes an absolute path of the machine.
    new LocalBackend(this, { path: 'terraform.secure-private.tfstate' });

    new AzurermProvider(this, 'azurerm', {
      // Data-plane calls with Entra ID, never account keys.
      storageUseAzuread: true,
      features: [{
        keyVault: [{
          purgeSoftDeleteOnDestroy: false,
          purgeSoftDeletedKeysOnDestroy: false,
          purgeSoftDeletedSecretsOnDestroy: false,
          recoverSoftDeletedKeyVaults: true,
        }],
        machineLearning: [{ purgeSoftDeletedWorkspaceOnDestroy: false }],
        logAnalyticsWorkspace: [{ permanentlyDeleteOnDestroy: false }],
        resourceGroup: [{ preventDeletionIfContainsResources: true }],
        // The storage account is private: no data-plane calls from a runner outside the network (security-baseline §d-9).
        storage: [{ dataPlaneAvailable: false }],
      }],
    });
    new AzapiProvider(this, 'azapi');

    // ---- The team's own network (plain azurerm resources: the library never creates networks) ----
    const networkGroup = new ResourceGroup(this, 'NetworkResourceGroup', { name: 'rg-ml-secure-network', location: CONFIG.location });
    const vnet = new VirtualNetwork(this, 'VirtualNetwork', {
      name: 'vnet-ml-secure',
      location: networkGroup.location,
      resourceGroupName: networkGroup.name,
      addressSpace: [CONFIG.addressSpace],
    });
    // Private endpoints of the workspace and its dependencies.
    const endpointSubnet = new AzurermSubnet(this, 'PrivateEndpointSubnet', {
      name: 'snet-private-endpoints',
      resourceGroupName: networkGroup.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: [CONFIG.endpointSubnetPrefix],
      privateEndpointNetworkPolicies: 'Enabled',
    });
    // Clients inside the network: jump hosts, build agents and the Terraform runner that applies data-plane changes.
    new AzurermSubnet(this, 'ClientSubnet', {
      name: 'snet-clients',
      resourceGroupName: networkGroup.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: [CONFIG.clientSubnetPrefix],
      defaultOutboundAccessEnabled: false,
    });
    const subnet = Subnet.fromResource(this, 'EndpointSubnet', endpointSubnet, vnet.location);
    // The private DNS zones live with the network (created by the library, each linked once to the network).
    const dnsZones = new PrivateDnsZones(this, 'PrivateDnsZones', { resourceGroup: ResourceGroupRef.fromResource(networkGroup) });

    // ---- The workspace and its dependencies ----
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-ml-secure', location: CONFIG.location });
    const resourceGroup = ResourceGroupRef.fromResource(rg);
    const tags = { 'environment': 'production', 'data-classification': 'confidential' };

    // The identity the workspace acts as; the library grants it what it needs on every dependency before the
    // workspace is created.
    const identity = UserAssignedIdentityRef.fromResource(new UserAssignedIdentity(this, 'WorkspaceIdentity', {
      name: 'id-ml-secure',
      location: rg.location,
      resourceGroupName: rg.name,
      tags,
    }));

    // The security team's key vault (firewalled, purge protection) and key: the workspace and its storage account are
    // encrypted with it. The library grants the identity Key Vault Crypto Service Encryption User on the vault first.
    const cmkVault = KeyVault.fromKeyVaultAttributes(this, 'CmkKeyVault', {
      keyVaultId: CONFIG.cmkKeyVaultId,
      purgeProtectionEnabled: true,
      openToAllNetworks: false,
    });
    const customerManagedKey = { keyVault: cmkVault, keyId: CONFIG.cmkKeyId, identity };

    // Default storage: closed, GZRS, infrastructure encryption, customer-managed key, soft delete, blob versioning.
    // No shared keys: the workspace is created with identity-based system datastores (Entra ID only, from the first apply).
    const storageAccount = new StorageAccount(this, 'Storage', {
      resourceGroup,
      customerManagedKey,
      versioning: true,
      sharedAccessKeyEnabled: false,
      azureMlCorsRules: true,
      deleteLock: true,
      tags,
    });
    // Environment images: Premium, closed, zone-redundant, 7-day retention of untagged manifests.
    const containerRegistry = new ContainerRegistry(this, 'ContainerRegistry', {
      resourceGroup,
      zoneRedundancy: true,
      retention: Duration.days(7),
      deleteLock: true,
      tags,
    });
    // Logs and metrics of everything below, reachable only through the Azure Monitor Private Link Scope the workspace
    // creates (it scopes this workspace and the Application Insights component the workspace creates).
    const logAnalytics = new LogAnalyticsWorkspace(this, 'LogAnalytics', {
      resourceGroup,
      retention: Duration.days(90),
      internetIngestionEnabled: false,
      internetQueryEnabled: false,
      deleteLock: true,
      tags,
    });
    // Storage logs (blob, file, queue, table) replace the deprecated queue_properties logging (exception AZML-SEC-033).
    storageAccount.addDiagnosticSettings(logAnalytics);
    containerRegistry.addDiagnosticSettings(logAnalytics);

    this.workspace = new Workspace(this, 'Workspace', {
      resourceGroup,
      friendlyName: 'Secure ML workspace',
      tags,
      identity: WorkspaceIdentity.userAssigned(identity),
      encryption: { keyVault: cmkVault, keyId: CONFIG.cmkKeyId },
      storageAccount,
      logAnalyticsWorkspace: logAnalytics,
      containerRegistry: WorkspaceContainerRegistry.existing(containerRegistry),
      publicNetworkAccessEnabled: false,
      privateEndpoint: {
        subnet,
        dns: PrivateDns.createZones({ zones: dnsZones }),
        // Endpoints for the storage account and registry passed in above too.
        includeBroughtDependencies: true,
      },
      managedNetwork: {
        isolationMode: ManagedNetworkIsolation.ALLOW_ONLY_APPROVED_OUTBOUND,
        firewallSku: ManagedNetworkFirewallSku.STANDARD,
      },
      imageBuildComputeName: IMAGE_BUILD_COMPUTE,
      deleteLock: true,
    });

    for (const [rule, fqdn] of Object.entries(PACKAGE_MIRRORS)) this.workspace.addFqdnOutboundRule(rule, fqdn);

    // Training and image builds run in the managed network: no public IPs, no local auth, no SSH, scale to zero.
    this.workspace.addComputeCluster('ImageBuilder', {
      name: IMAGE_BUILD_COMPUTE,
      vmSize: VmSize.STANDARD_DS3_V2,
      maxNodes: 1,
      nodePublicIp: false,
    });
    this.workspace.addComputeCluster('Training', {
      name: 'train-cpu',
      vmSize: VmSize.STANDARD_DS3_V2,
      maxNodes: 4,
      nodePublicIp: false,
    });

    // Fail the synth on any finding that is not a documented exception.
    for (const e of SECURITY_EXCEPTIONS) {
      const resource = e.resource.split('/').reduce<IConstruct>((parent, childId) => parent.node.findChild(childId), this);
      AzureMlSecurityChecks.suppress(resource, e.rule, e.reason);
    }
    // The component's own warning about local authentication is that exception (AZML-SEC-071).
    Warnings.of(this.workspace).acknowledge('AZML-AI-001', SECURITY_EXCEPTIONS.find(e => e.rule === 'AZML-SEC-071')!.reason);
    Aspects.of(this).add(new AzureMlSecurityChecks({ level: CheckLevel.ERROR }));
  }
}

/** Adds the example's stack to an app (the tests synthesize it too). */
export function build(app: App): TerraformStack[] {
  return [new SecurePrivateStack(app, 'secure-private')];
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
