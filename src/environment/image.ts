import { IConstruct } from 'constructs';
import { IContainerRegistry } from '../container-registry/container-registry-base';
import { checkPattern, isResolved, ValidationError } from '../core/validation';

/** Tag and/or digest of an image in a registry. */
export interface RegistryImageOptions {
  /**
   * Image tag.
   * @default - `latest` when no digest is given; none when a digest is given
   */
  readonly tag?: string;
  /**
   * Image digest, `sha256:<64 hex>`. Pins the exact image: recommended, since an environment
   * version is meant to be immutable while a tag can move.
   * @default - none: the tag is used
   */
  readonly digest?: string;
}

const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** The base image of an environment. */
export class EnvironmentImage {
  /**
   * An image in a container registry (e.g. the workspace's ACR): `<loginServer>/<repository>:<tag>@<digest>`.
   * The environment grants AcrPull on the registry to the workspace identities it knows
   * (system-assigned and primary user-assigned); grant other pullers with `environment.grantPull`.
   */
  public static fromRegistry(registry: IContainerRegistry, repository: string, options: RegistryImageOptions = {}): EnvironmentImage {
    return new EnvironmentImage(undefined, registry, repository, options);
  }

  /** An image by its full reference, e.g. `mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest`. */
  public static fromUri(uri: string): EnvironmentImage {
    return new EnvironmentImage(uri, undefined, undefined, {});
  }

  /** The registry, for an image from `fromRegistry`. */
  public readonly registry?: IContainerRegistry;
  private readonly givenUri?: string;
  private readonly repository?: string;
  private readonly options: RegistryImageOptions;

  private constructor(uri: string | undefined, registry: IContainerRegistry | undefined, repository: string | undefined,
    options: RegistryImageOptions) {
    this.givenUri = uri;
    this.registry = registry;
    this.repository = repository;
    this.options = options;
  }

  /**
   * Validates and returns the image reference sent as `image`.
   * @internal
   */
  public _bind(scope: IConstruct): string {
    if (this.registry) {
      const repo = this.repository ?? '';
      checkPattern(scope, 'image repository', repo, REPOSITORY,
        'it must be lowercase path components of letters and digits separated by ".", "_", "__" or "-", joined by "/"',
        'Pass the repository without registry, tag or digest, e.g. \'training/sklearn\'.');
      checkPattern(scope, 'image tag', this.options.tag, TAG, 'it must be 1-128 letters, digits, "_", "." and "-", not starting with "." or "-"');
      checkPattern(scope, 'image digest', this.options.digest, DIGEST, 'it must be sha256:<64 lowercase hex characters>');
      const tag = this.options.tag ?? (this.options.digest ? undefined : 'latest');
      return `${this.registry.loginServer}/${repo}${tag ? `:${tag}` : ''}${this.options.digest ? `@${this.options.digest}` : ''}`;
    }
    const uri = this.givenUri ?? '';
    if (isResolved(uri) && (uri.trim() === '' || /\s/.test(uri) || uri.includes('://'))) {
      throw new ValidationError(scope, `image '${uri}' is invalid: it must be an image reference such as `
        + '\'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest\' (no scheme, no spaces).');
    }
    return uri;
  }

  /**
   * Whether the image is pinned by digest.
   * @internal
   */
  public _isPinned(image: string): boolean {
    return /@sha256:[a-f0-9]{64}$/.test(image);
  }
}
