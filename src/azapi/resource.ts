import { IResolvable, TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { AZAPI_GENERATOR_METADATA, retryToTerraform, timeoutsToTerraform } from './common';
import { AzapiRetry, AzapiTimeouts } from './options';

/** Managed identity of an azapi resource. */
export interface AzapiResourceIdentity {
  /** `SystemAssigned`, `UserAssigned`, `SystemAssigned, UserAssigned` or `None`. */
  readonly type: string;
  /** User-assigned identity IDs. @default - none */
  readonly identityIds?: string[];
}

/** Configuration of an `azapi_resource` (azapi 2.x). */
export interface AzapiResourceConfig extends TerraformMetaArguments {
  /** Resource type with API version, e.g. `Microsoft.MachineLearningServices/workspaces/environments/versions@2025-06-01`. */
  readonly type: string;
  /** Resource name. @default - the provider's `default_name` */
  readonly name?: string;
  /** ID of the parent resource (resource group, or parent resource for child types). */
  readonly parentId?: string;
  /** Location, for tracked resources. @default - none */
  readonly location?: string;
  /** Request body: an object, emitted as is. Checked by azapi against the ARM schema of `type`. */
  readonly body?: { [key: string]: any };
  /** Body properties kept out of plan output and state. @default - none */
  readonly sensitiveBody?: { [key: string]: any };
  /** Versions of `sensitiveBody` paths; a change re-sends them. @default - none */
  readonly sensitiveBodyVersion?: { [key: string]: string };
  /** Managed identity. @default - none */
  readonly identity?: AzapiResourceIdentity;
  /** Tags. @default - none */
  readonly tags?: { [key: string]: string };
  /** Body paths whose remote changes are ignored. @default - none */
  readonly ignoreBodyChanges?: string[];
  /** Ignore casing differences between body and remote state. @default false */
  readonly ignoreCasing?: boolean;
  /** Ignore properties missing in the remote response. @default true */
  readonly ignoreMissingProperty?: boolean;
  /** Drop null properties from the body. @default false */
  readonly ignoreNullProperty?: boolean;
  /** Resource references whose change replaces this resource. @default - none */
  readonly replaceTriggersRefs?: string[];
  /** Values whose change replaces this resource. @default - none */
  readonly replaceTriggersExternalValues?: any;
  /** Response paths exported to `output`. @default - none */
  readonly responseExportValues?: any;
  /** Validate the body against azapi's embedded ARM schema. @default true */
  readonly schemaValidationEnabled?: boolean;
  /** Mutex names serializing operations. @default - none */
  readonly locks?: string[];
  /** Retry on matching errors. @default - none */
  readonly retry?: AzapiRetry;
  /** Operation timeouts. @default - azapi's defaults */
  readonly timeouts?: AzapiTimeouts;
}

/**
 * `azapi_resource`: any Azure Resource Manager resource, by type and API version. Used for
 * what azurerm 4.55.0 cannot express (ML environments, data and model versions, idle shutdown).
 */
export class AzapiResource extends TerraformResource {
  /** Terraform resource type. */
  public static readonly tfResourceType = 'azapi_resource';

  /** The configuration given, for constructs that need to read it back. */
  public readonly config: AzapiResourceConfig;

  constructor(scope: Construct, id: string, config: AzapiResourceConfig) {
    super(scope, id, {
      terraformResourceType: 'azapi_resource',
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

  /** ARM ID of the resource. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** Resource name as Azure has it. */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  /** Parent resource ID. */
  public get parentId(): string {
    return this.getStringAttribute('parent_id');
  }

  /** Values exported with `responseExportValues`. */
  public get output(): IResolvable {
    return this.interpolationForAttribute('output');
  }

  /** Principal ID of the system-assigned identity (when `identity` asks for one). */
  public get identityPrincipalId(): string {
    return `\${${this.terraformResourceType}.${this.friendlyUniqueId}.identity[0].principal_id}`;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      type: c.type,
      name: c.name,
      parent_id: c.parentId,
      location: c.location,
      body: c.body,
      sensitive_body: c.sensitiveBody,
      sensitive_body_version: c.sensitiveBodyVersion,
      identity: c.identity ? [{ type: c.identity.type, identity_ids: c.identity.identityIds }] : undefined,
      tags: c.tags,
      ignore_body_changes: c.ignoreBodyChanges,
      ignore_casing: c.ignoreCasing,
      ignore_missing_property: c.ignoreMissingProperty,
      ignore_null_property: c.ignoreNullProperty,
      replace_triggers_refs: c.replaceTriggersRefs,
      replace_triggers_external_values: c.replaceTriggersExternalValues,
      response_export_values: c.responseExportValues,
      schema_validation_enabled: c.schemaValidationEnabled,
      locks: c.locks,
      retry: retryToTerraform(c.retry),
      timeouts: timeoutsToTerraform(c.timeouts),
    };
  }
}
