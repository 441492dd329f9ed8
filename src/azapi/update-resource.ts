import { IResolvable, TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { AZAPI_GENERATOR_METADATA, retryToTerraform, timeoutsToTerraform } from './common';
import { AzapiRetry, AzapiTimeouts } from './options';

/** Configuration of an `azapi_update_resource` (azapi 2.x). */
export interface AzapiUpdateResourceConfig extends TerraformMetaArguments {
  /** Resource type with API version, e.g. `Microsoft.MachineLearningServices/workspaces@2025-06-01`. */
  readonly type: string;
  /** ID of the existing resource to update. Give this, or `name` with `parentId`. @default - from name and parentId */
  readonly resourceId?: string;
  /** Name of the resource to update. @default - from resourceId */
  readonly name?: string;
  /** Parent ID of the resource to update. @default - from resourceId */
  readonly parentId?: string;
  /** The properties to set: a partial body, sent as PUT of the merged resource. */
  readonly body?: { [key: string]: any };
  /** Body properties kept out of plan output and state. @default - none */
  readonly sensitiveBody?: { [key: string]: any };
  /** Ignore casing differences between body and remote state. @default false */
  readonly ignoreCasing?: boolean;
  /** Ignore properties missing in the remote response. @default true */
  readonly ignoreMissingProperty?: boolean;
  /** Values whose change re-applies the update. @default - none */
  readonly replaceTriggersExternalValues?: any;
  /** Response paths exported to `output`. @default - none */
  readonly responseExportValues?: any;
  /** Mutex names serializing operations. @default - none */
  readonly locks?: string[];
  /** Retry on matching errors. @default - none */
  readonly retry?: AzapiRetry;
  /** Operation timeouts. @default - azapi's defaults */
  readonly timeouts?: AzapiTimeouts;
}

/**
 * `azapi_update_resource`: sets properties on a resource another resource manages, e.g.
 * `systemDatastoresAuthMode` on a hub that azurerm creates. Destroying it changes nothing in Azure: a setting that
 * must be undoable belongs in the body of the resource that creates it.
 */
export class AzapiUpdateResource extends TerraformResource {
  /** Terraform resource type. */
  public static readonly tfResourceType = 'azapi_update_resource';

  /** The configuration given, for constructs that need to read it back. */
  public readonly config: AzapiUpdateResourceConfig;

  constructor(scope: Construct, id: string, config: AzapiUpdateResourceConfig) {
    super(scope, id, {
      terraformResourceType: 'azapi_update_resource',
      terraformGeneratorMetadata: AZAPI_GENERATOR_METADATA,
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
    this.config = config;
  }

  /** ID of the updated resource. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** Values exported with `responseExportValues`. */
  public get output(): IResolvable {
    return this.interpolationForAttribute('output');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      type: c.type,
      resource_id: c.resourceId,
      name: c.name,
      parent_id: c.parentId,
      body: c.body,
      sensitive_body: c.sensitiveBody,
      ignore_casing: c.ignoreCasing,
      ignore_missing_property: c.ignoreMissingProperty,
      replace_triggers_external_values: c.replaceTriggersExternalValues,
      response_export_values: c.responseExportValues,
      locks: c.locks,
      retry: retryToTerraform(c.retry),
      timeouts: timeoutsToTerraform(c.timeouts),
    };
  }
}
