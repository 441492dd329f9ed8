import { Construct, IConstruct } from 'constructs';
import { AssetContainer, registryReference } from './asset-container';
import { AssetVersionSpec, checkTags, contentHash, resolveVersion, versionResource } from './versioning';
import { AzapiResource } from '../azapi/resource';
import { addDependencies } from '../core/dependencies';
import { claimName, uniquenessScope } from '../core/naming-registry';

/**
 * What every versioned asset (environment, data, model, code, component) shares: a name, a version
 * derived from the SHA-256 of its content unless given, one `azapi_resource` per version named by the
 * version, created before the old one is deleted, with the content hash as replace trigger.
 */
export abstract class VersionedAsset extends Construct {
  private _assetName?: string;
  private _version?: string;
  private _contentHash?: string;
  private _reference?: string;
  private _resource?: AzapiResource;
  private _assetId?: string;
  private _versionId?: string;
  private _containerSpec?: AssetContainer;
  private _collection?: string;

  /** Asset name. */
  public get assetName(): string {
    return this.registered(this._assetName);
  }

  /** Version name. */
  public get version(): string {
    return this.registered(this._version);
  }

  /** SHA-256 (hex) of what defines the version. */
  public get contentHash(): string {
    return this.registered(this._contentHash);
  }

  /**
   * Reference for jobs, components and deployments: `azureml:<name>:<version>` in a workspace,
   * `azureml://registries/<registry>/<collection>/<name>/versions/<version>` in a registry.
   */
  public get reference(): string {
    return this.registered(this._reference);
  }

  /** The `azapi_resource` of the version. */
  public get resource(): AzapiResource {
    return this.registered(this._resource);
  }

  /**
   * ARM ID of the version, formatted from the workspace ID, name and version (known at plan time, unlike
   * `assetId`). Deployments and components refer to the version by it.
   */
  public get versionId(): string {
    return this.registered(this._versionId);
  }

  /**
   * Workspace collection of the asset: `environments`, `data`, `models`, `codes` or `components`.
   */
  public get assetCollection(): string {
    return this.registered(this._collection);
  }

  // L1 attributes are read on first use and kept: every read of one makes a new token
  // (with a captured stack trace), and most are never read.
  /** ARM ID of the version (a Terraform reference, so users depend on it). */
  public get assetId(): string {
    return (this._assetId ??= this.resource.id);
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

  /**
   * Hashes the content, resolves the version and creates the version resource. Called once by the
   * concrete asset's constructor after its own validation.
   * @internal
   */
  protected _registerVersion(spec: AssetVersionSpec): AzapiResource {
    checkTags(this, spec.kind, spec.tags);
    this._assetName = spec.assetName;
    this._containerSpec = spec.container;
    this._collection = spec.collection;
    this._contentHash = contentHash(this, spec.immutable);
    this._version = resolveVersion(this, spec.kind, spec.version, this._contentHash, spec.versionRule);
    const owner = spec.container.workspace ?? spec.container.registry!;
    claimName(this, `${spec.collection} of ${uniquenessScope(owner, spec.container.id)}`, `${spec.assetName}:${this._version}`,
      `${spec.kind} name:version`, `in the same ${spec.container.workspace ? 'workspace' : 'registry'} (${owner.node.path}); `
      + 'versions are immutable, so each name:version is one asset',
      'Give one of them another name or version (or leave `version` out: it is then derived from the content).');
    this._resource = versionResource(this, {
      container: spec.container,
      collection: spec.collection,
      assetName: spec.assetName,
      version: this._version,
      contentHash: this._contentHash,
      properties: spec.propertiesFor
        ? spec.propertiesFor(this._version)
        : { ...spec.immutable, description: spec.description, tags: spec.tags, ...spec.mutable },
      dependsOn: spec.dependsOn,
    });
    this.node.defaultChild = this._resource;
    this._reference = spec.container.registry
      ? registryReference(spec.container, spec.collection, spec.assetName, this._version)
      : `azureml:${spec.assetName}:${this._version}`;
    this._versionId = `${spec.container.id}/${spec.collection}/${spec.assetName}/versions/${this._version}`;
    return this._resource;
  }

  /**
   * The workspace or registry the version is registered in.
   * @internal
   */
  public get _container(): AssetContainer {
    return this.registered(this._containerSpec);
  }

  private registered<T>(value: T | undefined): T {
    if (value === undefined) throw new Error(`${this.node.path}: the asset version is not registered yet (internal error).`);
    return value;
  }
}
