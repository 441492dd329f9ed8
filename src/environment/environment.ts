import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, IConstruct } from 'constructs';
import { BuildContext } from './build-context';
import { CondaFile } from './conda';
import { EnvironmentImage } from './image';
import { assetContainer } from '../assets/asset-container';
import { VersionedAsset } from '../assets/versioned-asset';
import { ENVIRONMENT_VERSION_RULE } from '../assets/versioning';
import { IGrantee } from '../core/grants';
import { NAME_RULES, resolvePhysicalName } from '../core/naming';
import { checkAllowedValue, checkRange, isResolved, ValidationError } from '../core/validation';
import { Warnings } from '../core/warnings';
import type { IRegistry } from '../registry/registry';
import { IWorkspace } from '../workspace/workspace-ref';

/** Operating system of an environment's image. */
export enum OperatingSystem {
  /** Linux. */
  LINUX = 'Linux',
  /** Windows. */
  WINDOWS = 'Windows',
}

/** Whether Azure ML rebuilds the image when the base image is updated. */
export enum AutoRebuild {
  /** Never rebuild. */
  DISABLED = 'Disabled',
  /** Rebuild when the base image is updated (picks up patched base images). */
  ON_BASE_IMAGE_UPDATE = 'OnBaseImageUpdate',
}

/** An HTTP route of an inference server. */
export interface InferenceRoute {
  /** Path, starting with `/`, e.g. `/score`. */
  readonly path: string;
  /** Port, 1-65535. */
  readonly port: number;
}

/** Routes of an inference server image (for environments used by online deployments). */
export interface InferenceRoutes {
  /**
   * Liveness probe route.
   * @default - none
   */
  readonly liveness?: InferenceRoute;
  /**
   * Readiness probe route.
   * @default - none
   */
  readonly readiness?: InferenceRoute;
  /**
   * Scoring route.
   * @default - none
   */
  readonly scoring?: InferenceRoute;
}

/** Something jobs and deployments can name as their environment. */
export interface IEnvironmentReference {
  /**
   * The string a job or deployment uses as `environment`, e.g. `azureml:my-env:3` or
   * `azureml://registries/azureml/environments/<name>/versions/<v>`.
   */
  readonly reference: string;
}

/** Which curated environment version to use. */
export interface CuratedEnvironmentOptions {
  /**
   * Exact version.
   * @default - the label is used
   */
  readonly version?: string;
  /**
   * Label, e.g. `latest`.
   * @default 'latest' when no version is given
   */
  readonly label?: string;
}

/** Options of an environment, without the workspace. */
export interface EnvironmentOptions {
  /**
   * Docker image the environment runs in, or the base image the conda file is installed on.
   * Exactly one of `image` and `buildContext`.
   * @default - none: `buildContext` is required
   */
  readonly image?: EnvironmentImage;
  /**
   * Conda file installed on top of `image` (only with `image`).
   * @default - none
   */
  readonly condaFile?: CondaFile;
  /**
   * Docker build context Azure ML builds the image from. Exactly one of `image` and `buildContext`.
   * @default - none: `image` is required
   */
  readonly buildContext?: BuildContext;
  /**
   * Environment name (`azureml:<name>:<version>`); names starting with `AzureML-` are reserved for curated environments.
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * Version name. Versions are immutable in Azure: with an explicit version, bump it with every content
   * change (a content change under the same version plans a replacement that azapi refuses to apply
   * because the version already exists; nothing is overwritten).
   * @default - the first 12 hex characters of the SHA-256 of the content (image, conda file, build context
   * files, OS, auto-rebuild, inference routes), so a change creates a new version and unchanged input keeps it
   */
  readonly version?: string;
  /**
   * Operating system of the image.
   * @default OperatingSystem.LINUX
   */
  readonly osType?: OperatingSystem;
  /**
   * Rebuild when the base image is updated.
   * @default - not sent; Azure ML's default applies
   */
  readonly autoRebuild?: AutoRebuild;
  /**
   * Inference server routes.
   * @default - none
   */
  readonly inference?: InferenceRoutes;
  /**
   * Description (mutable: changing it updates the version in place, it is not part of the version).
   * @default - none
   */
  readonly description?: string;
  /**
   * Asset tags (mutable: changing them updates the version in place, they are not part of the version).
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Properties of an environment. */
export interface EnvironmentProps extends EnvironmentOptions {
  /**
   * Workspace the version is registered in. Exactly one of `workspace` and `registry`.
   * @default - none: `registry` is required
   */
  readonly workspace?: IWorkspace;
  /**
   * Registry the version is registered in, to share it across workspaces and regions. Exactly one of
   * `workspace` and `registry`.
   * @default - none: `workspace` is required
   */
  readonly registry?: IRegistry;
}

/**
 * An Azure ML environment version (`Microsoft.MachineLearningServices/workspaces/environments/versions`,
 * through azapi): a Docker image, an image plus a conda file, or a Docker build context.
 *
 * Versions are immutable in Azure, so by default the version name is a hash of the content: a change
 * registers a new version (created before the old one is deleted), unchanged input synthesizes identically.
 */
export class Environment extends VersionedAsset implements IEnvironmentReference {
  /**
   * A curated environment of the `azureml` registry, by version or label; creates nothing.
   * E.g. `Environment.curated(this, 'sklearn-1.5', { version: '20' })`.
   * @param scope the construct using it, named in errors
   */
  public static curated(scope: IConstruct, name: string, options: CuratedEnvironmentOptions = {}): IEnvironmentReference {
    if (isResolved(name) && !/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,254}$/.test(name)) {
      throw new ValidationError(scope, `curated environment name '${name}' is invalid: it must be 1-255 letters, digits, '.', '-' `
        + 'and \'_\', starting with a letter or digit. Pass the name as the azureml registry lists it, e.g. \'sklearn-1.5\'.');
    }
    if (options.version !== undefined && options.label !== undefined) {
      throw new ValidationError(scope, `curated environment '${name}': both version '${options.version}' and label `
        + `'${options.label}' were given; pass only one of them.`);
    }
    const selector = options.version !== undefined ? `versions/${options.version}` : `labels/${options.label ?? 'latest'}`;
    return { reference: `azureml://registries/azureml/environments/${name}/${selector}` };
  }

  /** Workspace the version is registered in (undefined for a registry asset). */
  public readonly workspace?: IWorkspace;
  /** Registry the version is registered in (undefined for a workspace asset). */
  public readonly registry?: IRegistry;
  /** Environment name. */
  public get environmentName(): string {
    return this.assetName;
  }

  /** The image reference sent to Azure, when the environment uses an image. */
  public readonly imageUri?: string;
  /** The build context URI sent to Azure, when the environment is built. */
  public readonly contextUri?: string;
  /** Whether Azure ML builds an image for it (a conda file or a build context): a private workspace then needs image-build compute. */
  public readonly needsImageBuild: boolean;
  private readonly image?: EnvironmentImage;

  constructor(scope: Construct, id: string, props: EnvironmentProps) {
    super(scope, id);
    const container = assetContainer(this, 'environment', props.workspace, props.registry);
    this.workspace = props.workspace;
    this.registry = props.registry;
    const environmentName = resolvePhysicalName(this, NAME_RULES.asset, props.name);
    if (isResolved(environmentName) && /^azureml-/i.test(environmentName)) {
      throw new ValidationError(this, `environment name '${environmentName}' is invalid: names starting with 'AzureML-' `
        + 'are reserved for curated environments. Choose another name (use Environment.curated to refer to a curated one).');
    }
    if (props.image && props.buildContext) {
      throw new ValidationError(this, 'environment has both `image` and `buildContext`; pass exactly one: an image '
        + '(optionally with a conda file) or a Docker build context.');
    }
    if (!props.image && !props.buildContext) {
      throw new ValidationError(this, 'environment has neither `image` nor `buildContext`; pass exactly one, e.g. '
        + 'image: EnvironmentImage.fromUri(\'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest\').');
    }
    if (props.condaFile && !props.image) {
      throw new ValidationError(this, 'environment has a `condaFile` but no `image`: a conda file is installed on a base image. '
        + 'Add `image`, or install the packages in the Dockerfile of the build context.');
    }
    const inferenceConfig = this.inferenceConfig(props.inference);
    // Open enums in the ARM type (EnvironmentVersion 2025-06-01), but Azure ML knows only these values.
    const osType = props.osType ?? OperatingSystem.LINUX;
    checkAllowedValue(this, 'osType', osType, Object.values(OperatingSystem), 'Azure ML (EnvironmentVersion.osType)',
      'Use OperatingSystem.LINUX or OperatingSystem.WINDOWS.');
    const autoRebuild = props.autoRebuild;
    checkAllowedValue(this, 'autoRebuild', autoRebuild, Object.values(AutoRebuild), 'Azure ML (EnvironmentVersion.autoRebuild)',
      'Use AutoRebuild.DISABLED or AutoRebuild.ON_BASE_IMAGE_UPDATE, or leave it out.');

    this.image = props.image;
    this.imageUri = props.image?._bind(this);
    const condaFile = props.condaFile?._bind(this);
    const build = props.buildContext?._bind(this, environmentName, props.workspace);
    this.contextUri = build?.contextUri;
    this.needsImageBuild = props.condaFile !== undefined || props.buildContext !== undefined;

    const immutable = {
      image: this.imageUri,
      condaFile,
      build: build ? { contextUri: build.contextUri, dockerfilePath: build.dockerfilePath } : undefined,
      osType,
      autoRebuild,
      inferenceConfig,
    };
    this._registerVersion({
      kind: 'environment',
      collection: 'environments',
      container,
      assetName: environmentName,
      version: props.version,
      versionRule: ENVIRONMENT_VERSION_RULE,
      immutable,
      description: props.description,
      tags: props.tags,
      dependsOn: build?.blobs,
    });

    if (props.image?.registry && props.workspace) {
      // The workspace pulls (and builds on) registry images with its identity.
      if (props.workspace.systemAssignedIdentity) props.image.registry.grantPull(props.workspace.systemAssignedIdentity);
      if (props.workspace.primaryUserAssignedIdentity) props.image.registry.grantPull(props.workspace.primaryUserAssignedIdentity);
    }
    if (this.imageUri && isResolved(this.imageUri) && !props.image!._isPinned(this.imageUri)) {
      Warnings.of(this).add('AZML-ENV-001', `image '${this.imageUri}' is not pinned by digest: the tag can move while the environment `
        + 'version stays the same. Pin it with a digest (EnvironmentImage.fromRegistry(..., { digest }) or \'<image>@sha256:<digest>\').');
    }
  }

  /**
   * Grants AcrPull on the image's registry, e.g. to the identity of a compute cluster that runs jobs
   * with this environment. Only for images from `EnvironmentImage.fromRegistry`.
   */
  public grantPull(grantee: IGrantee): RoleAssignment {
    if (!this.image?.registry) {
      throw new ValidationError(this, 'grantPull needs an image from EnvironmentImage.fromRegistry; this environment\'s image '
        + `${this.imageUri ? `'${this.imageUri}' is given by URI` : 'is built from a build context'}, so there is no registry to grant on.`);
    }
    return this.image.registry.grantPull(grantee);
  }

  private inferenceConfig(routes?: InferenceRoutes): { [key: string]: any } | undefined {
    if (!routes) return undefined;
    const route = (what: string, r?: InferenceRoute) => {
      if (!r) return undefined;
      // ARM (Route.path): pattern [a-zA-Z0-9_], so '/' alone is refused at apply.
      if (isResolved(r.path) && !(/^\/\S*$/.test(r.path) && /[a-zA-Z0-9_]/.test(r.path))) {
        throw new ValidationError(this, `${what} route path '${r.path}' is invalid: it must start with '/', have no spaces and `
          + 'contain a letter, digit or \'_\' (Azure refuses \'/\' alone), e.g. \'/score\' or \'/health\'.');
      }
      checkRange(this, `${what} route port`, r.port, 1, 65535);
      return { path: r.path, port: r.port };
    };
    const config = {
      livenessRoute: route('liveness', routes.liveness),
      readinessRoute: route('readiness', routes.readiness),
      scoringRoute: route('scoring', routes.scoring),
    };
    return Object.values(config).some(v => v !== undefined) ? config : undefined;
  }
}
