// Internal: creates or adopts the storage account, key vault, Application Insights (with Log
// Analytics) and container registry of a workspace or hub. Construct IDs here are public API (Terraform addresses).
import { Construct } from 'constructs';
import { WorkspaceContainerRegistry } from './workspace-options';
import { acceptLibraryExceptions } from '../checks/library-exceptions';
import { ContainerRegistry } from '../container-registry/container-registry';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { RemovalPolicy } from '../core/removal-policy';
import { IResourceGroup } from '../core/resource-group';
import { CustomerManagedKey } from '../key-vault/customer-managed-key';
import { KeyVault } from '../key-vault/key-vault';
import { IKeyVault } from '../key-vault/key-vault-base';
import { ApplicationInsights } from '../monitoring/application-insights';
import { IApplicationInsights } from '../monitoring/application-insights-base';
import { addDiagnosticSetting } from '../monitoring/diagnostic-setting';
import { LogAnalyticsWorkspace } from '../monitoring/log-analytics-workspace';
import { ILogAnalyticsWorkspace } from '../monitoring/log-analytics-workspace-base';
import { StorageAccount, StorageReplication } from '../storage/storage-account';
import { IStorageAccount } from '../storage/storage-account-base';

/** What `createAssociatedResources` needs. */
export interface AssociatedResourcesInput {
  readonly resourceGroup: IResourceGroup;
  readonly location: string;
  readonly tags?: { [key: string]: string };
  readonly publicNetworkAccessEnabled: boolean;
  readonly identityBasedSystemDatastores: boolean;
  readonly storageSharedKeyAccess: boolean;
  readonly removalPolicy: RemovalPolicy;
  readonly deleteLock: boolean;
  readonly diagnostics: boolean;
  readonly storageAccount?: IStorageAccount;
  readonly storageReplication?: StorageReplication;
  readonly keyVault?: IKeyVault;
  /** No customer key vault: Azure keeps the secrets in a Microsoft-managed vault (hubs only). */
  readonly microsoftManagedKeyVault?: boolean;
  readonly applicationInsights?: IApplicationInsights;
  readonly logAnalyticsWorkspace?: ILogAnalyticsWorkspace;
  readonly containerRegistry: WorkspaceContainerRegistry;
  /**
   * The workspace puts the Log Analytics workspace and Application Insights it creates behind an
   * Azure Monitor Private Link Scope: they then refuse ingestion and queries from public networks.
   */
  readonly monitorPrivateLink?: boolean;
  /** Customer-managed key of the storage account and container registry created here (not of brought ones). */
  readonly customerManagedKey?: CustomerManagedKey;
}

/** The workspace's dependencies, created or adopted. */
export interface AssociatedResources {
  readonly storageAccount: IStorageAccount;
  /** Undefined with a Microsoft-managed key vault. */
  readonly keyVault?: IKeyVault;
  readonly applicationInsights: IApplicationInsights;
  readonly containerRegistry?: IContainerRegistry;
  readonly logAnalyticsWorkspace?: ILogAnalyticsWorkspace;
  readonly logAnalyticsWorkspaceId?: string;
  /** Adds a diagnostic setting sending `targetResourceId`'s logs to the Log Analytics workspace. */
  addDiagnostics(scope: Construct, id: string, targetResourceId: string): void;
}

export function createAssociatedResources(scope: Construct, input: AssociatedResourcesInput): AssociatedResources {
  const common = {
    resourceGroup: input.resourceGroup,
    location: input.location,
    tags: input.tags,
    removalPolicy: input.removalPolicy,
    deleteLock: input.deleteLock,
  };

  const storageAccount = input.storageAccount ?? new StorageAccount(scope, 'Storage', {
    ...common,
    publicNetworkAccessEnabled: input.publicNetworkAccessEnabled,
    sharedAccessKeyEnabled: input.storageSharedKeyAccess,
    azureMlCorsRules: true,
    replication: input.storageReplication,
    customerManagedKey: input.customerManagedKey,
  });
  if (!input.storageAccount && input.storageSharedKeyAccess) acceptLibraryExceptions(storageAccount, 'AZML-SEC-031');

  // The vault stays closed even for a public workspace: Azure ML reaches it as a trusted service,
  // and managed-network computes through a managed private endpoint.
  const createdKeyVault = input.keyVault || input.microsoftManagedKeyVault ? undefined : new KeyVault(scope, 'KeyVault', {
    ...common,
    publicNetworkAccessEnabled: false,
  });
  const keyVault: IKeyVault | undefined = input.keyVault ?? createdKeyVault;

  // A Log Analytics workspace backs a created Application Insights component and receives the
  // diagnostic settings; it is created unless given, or unless nothing needs it.
  const monitorNetwork = input.monitorPrivateLink ? { internetIngestionEnabled: false, internetQueryEnabled: false } : {};
  const needsLogAnalytics = !input.applicationInsights || input.diagnostics;
  const logAnalyticsWorkspace = input.logAnalyticsWorkspace
    ?? (needsLogAnalytics ? new LogAnalyticsWorkspace(scope, 'LogAnalytics', { ...common, ...monitorNetwork }) : undefined);

  const applicationInsights = input.applicationInsights ?? new ApplicationInsights(scope, 'ApplicationInsights', {
    ...common,
    ...monitorNetwork,
    logAnalyticsWorkspace,
  });

  let containerRegistry: IContainerRegistry | undefined;
  if (input.containerRegistry.mode === 'existing') {
    containerRegistry = input.containerRegistry.registry;
  } else if (input.containerRegistry.mode === 'create') {
    containerRegistry = new ContainerRegistry(scope, 'ContainerRegistry', {
      ...common,
      name: input.containerRegistry.createOptions?.name,
      publicNetworkAccessEnabled: input.publicNetworkAccessEnabled,
      customerManagedKey: input.customerManagedKey,
    });
  }

  const logAnalyticsWorkspaceId = logAnalyticsWorkspace?.logAnalyticsWorkspaceId;
  if (createdKeyVault && input.diagnostics && logAnalyticsWorkspace) {
    createdKeyVault.addDiagnosticSettings(logAnalyticsWorkspace);
  }

  return {
    storageAccount,
    keyVault,
    applicationInsights,
    containerRegistry,
    logAnalyticsWorkspace,
    logAnalyticsWorkspaceId,
    addDiagnostics: (s, id, target) => {
      if (logAnalyticsWorkspaceId) addDiagnosticSetting(s, id, target, logAnalyticsWorkspaceId);
    },
  };
}
