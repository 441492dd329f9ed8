import { Construct } from 'constructs';
import { ContainerRegistryAttributes, IContainerRegistry, ImportedContainerRegistry } from './container-registry-base';

/** A container registry with secure defaults. (Constructor filled in by the Workspace issue.) */
export class ContainerRegistry {
  /** An existing registry by ARM ID. */
  public static fromContainerRegistryId(scope: Construct, id: string, containerRegistryId: string): IContainerRegistry {
    return new ImportedContainerRegistry(scope, id, { containerRegistryId });
  }

  /** An existing registry with its login server. */
  public static fromContainerRegistryAttributes(scope: Construct, id: string, attrs: ContainerRegistryAttributes): IContainerRegistry {
    return new ImportedContainerRegistry(scope, id, attrs);
  }
}
