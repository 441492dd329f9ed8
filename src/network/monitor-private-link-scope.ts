import { MonitorPrivateLinkScope as AzurermMonitorPrivateLinkScope } from '@cdktf/provider-azurerm/lib/monitor-private-link-scope';
import { MonitorPrivateLinkScopedService } from '@cdktf/provider-azurerm/lib/monitor-private-link-scoped-service';
import { Construct, IConstruct } from 'constructs';
import { PrivateEndpoint, PrivateEndpointOptions } from './private-endpoint';
import { PrivateEndpointSubResource } from './sub-resource';
import { addPrivateEndpoints } from './target-endpoints';
import { addDependencies } from '../core/dependencies';
import { NameRule, resolvePhysicalName } from '../core/naming';
import { checkResourceGroup, IResourceGroup } from '../core/resource-group';
import { checkOneOf, ValidationError } from '../core/validation';
import { IApplicationInsights } from '../monitoring/application-insights-base';
import { ILogAnalyticsWorkspace } from '../monitoring/log-analytics-workspace-base';

/** Naming rule of an Azure Monitor Private Link Scope and of its scoped services. */
const AMPLS_NAME: NameRule = {
  resourceType: 'Azure Monitor Private Link Scope',
  pattern: /^[a-zA-Z0-9]([a-zA-Z0-9._-]{0,253}[a-zA-Z0-9_])?$/,
  description: '1-255 letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore',
  minLength: 1,
  maxLength: 255,
  separator: '-',
  lowercase: true,
};

/** Access mode of an Azure Monitor Private Link Scope. */
export enum MonitorPrivateLinkAccessMode {
  /** Private-link clients may also reach resources outside the scope. Azure ML requires it for ingestion. */
  OPEN = 'Open',
  /** Private-link clients reach only resources in the scope. */
  PRIVATE_ONLY = 'PrivateOnly',
}

/** Properties of a MonitorPrivateLinkScope. */
export interface MonitorPrivateLinkScopeProps {
  /** Resource group of the scope. Replace-forcing. */
  readonly resourceGroup: IResourceGroup;
  /**
   * Name. Replace-forcing.
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * Ingestion access mode.
   * @default MonitorPrivateLinkAccessMode.OPEN - Azure ML requires Open (Microsoft: "Azure Machine Learning must use the open Private Link mode")
   */
  readonly ingestionAccessMode?: MonitorPrivateLinkAccessMode;
  /**
   * Query access mode.
   * @default MonitorPrivateLinkAccessMode.OPEN
   */
  readonly queryAccessMode?: MonitorPrivateLinkAccessMode;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * An Azure Monitor Private Link Scope (AMPLS, `azurerm_monitor_private_link_scope`): Log Analytics
 * workspaces and Application Insights components added to it are reached through its private
 * endpoint (sub-resource `azuremonitor`, five DNS zones).
 */
export class MonitorPrivateLinkScope extends Construct {
  /** The `azurerm_monitor_private_link_scope` (escape hatch). */
  public readonly resource: AzurermMonitorPrivateLinkScope;
  private readonly resourceGroupName: string;

  constructor(scope: Construct, id: string, props: MonitorPrivateLinkScopeProps) {
    super(scope, id);
    checkResourceGroup(this, props.resourceGroup);
    const ingestion = props.ingestionAccessMode ?? MonitorPrivateLinkAccessMode.OPEN;
    const query = props.queryAccessMode ?? MonitorPrivateLinkAccessMode.OPEN;
    checkOneOf(this, 'ingestion access mode', ingestion, Object.values(MonitorPrivateLinkAccessMode));
    checkOneOf(this, 'query access mode', query, Object.values(MonitorPrivateLinkAccessMode));
    this.resourceGroupName = props.resourceGroup.name;
    this.resource = new AzurermMonitorPrivateLinkScope(this, 'Resource', {
      name: resolvePhysicalName(this, AMPLS_NAME, props.name),
      resourceGroupName: props.resourceGroup.name,
      ingestionAccessMode: ingestion,
      queryAccessMode: query,
      tags: props.tags,
    });
    this.node.defaultChild = this.resource;
  }

  /**
   * Orders this construct after other resources: every Terraform resource it emits (including ones added to it
   * later) gets `depends_on` on each dependable. Use it when Terraform cannot see the order from references, e.g. a
   * role assignment or a private endpoint that must exist first. Data sources are not delayed.
   * @param dependables Terraform resources, data sources or modules, or constructs (then every resource they emit),
   * in the same stack
   */
  public addDependency(...dependables: IConstruct[]): void {
    addDependencies(this, dependables);
  }

  /** ARM ID of the scope. */
  public get privateLinkScopeId(): string {
    return this.resource.id;
  }

  /** Adds a Log Analytics workspace to the scope (construct `Scoped-<id of the workspace construct>`). */
  public addLogAnalyticsWorkspace(workspace: ILogAnalyticsWorkspace): MonitorPrivateLinkScopedService {
    return this.addScopedResource(`Scoped-${workspace.node.id}`, workspace.logAnalyticsWorkspaceId);
  }

  /** Adds an Application Insights component to the scope (construct `Scoped-<id of the component construct>`). */
  public addApplicationInsights(component: IApplicationInsights): MonitorPrivateLinkScopedService {
    return this.addScopedResource(`Scoped-${component.node.id}`, component.applicationInsightsId);
  }

  /** Adds any Azure Monitor resource (by ARM ID) to the scope. */
  public addScopedResource(id: string, resourceId: string): MonitorPrivateLinkScopedService {
    if (this.node.tryFindChild(id)) {
      throw new ValidationError(this, `'${id}' is already in this private link scope; add each resource once.`);
    }
    const service = new MonitorPrivateLinkScopedService(this, id, {
      name: 'placeholder',
      resourceGroupName: this.resourceGroupName,
      scopeName: this.resource.name,
      linkedResourceId: resourceId,
    });
    service.name = resolvePhysicalName(service, AMPLS_NAME);
    return service;
  }

  /** Adds the scope's private endpoint (sub-resource `azuremonitor`, five DNS zones; construct `PrivateEndpoint-azuremonitor`). */
  public addPrivateEndpoint(options: PrivateEndpointOptions): PrivateEndpoint[] {
    const S = PrivateEndpointSubResource;
    return addPrivateEndpoints(this, {
      what: 'Azure Monitor Private Link Scope', resourceId: this.privateLinkScopeId, allowed: [S.AZURE_MONITOR], defaults: [S.AZURE_MONITOR],
    }, { ...options, resourceGroup: options.resourceGroup ?? { name: this.resourceGroupName } });
  }
}
