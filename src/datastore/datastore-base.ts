import { Construct, IConstruct } from 'constructs';
import { IWorkspace } from '../workspace/workspace-ref';

/** A datastore of an Azure Machine Learning workspace: created here or imported by name. */
export interface IDatastore extends IConstruct {
  /** ARM ID of the datastore. */
  readonly datastoreId: string;
  /** Name of the datastore, as jobs and data assets refer to it. */
  readonly datastoreName: string;
  /** The workspace the datastore belongs to. */
  readonly workspace: IWorkspace;
  /**
   * The `azureml://` URI of a path in this datastore, e.g. `azureml://datastores/raw/paths/images/`,
   * for data assets and job inputs.
   * @param path path inside the container or share, without a leading slash; empty for the root
   */
  pathUri(path?: string): string;
}

/** What every datastore accepts besides its target and credentials. */
export interface DatastoreCommonOptions {
  /**
   * Name of the datastore (1-255 letters, digits, hyphens and underscores, starting with a letter
   * or digit). Azure ML convention is lower_snake_case. Changing it replaces the datastore.
   * @default - generated from the construct path, e.g. `workspace_raw_k3x9a2bq`
   */
  readonly name?: string;
  /**
   * Description. Changing it later replaces the datastore (azurerm marks it ForceNew), which
   * is harmless (no data is stored in a datastore) but shows as a replacement in the plan.
   * @default - none
   */
  readonly description?: string;
  /**
   * Tags. Changing them later replaces the datastore (azurerm marks them ForceNew).
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** What created and imported datastores share. */
export abstract class DatastoreBase extends Construct implements IDatastore {
  public abstract readonly datastoreId: string;
  public abstract readonly datastoreName: string;
  public abstract readonly workspace: IWorkspace;

  public pathUri(path: string = ''): string {
    return `azureml://datastores/${this.datastoreName}/paths/${path.replace(/^\/+/, '')}`;
  }
}

/** A datastore created elsewhere (or by Azure ML). Internal: use `Datastore.fromDatastoreName`. */
class ImportedDatastore extends DatastoreBase {
  public readonly datastoreId: string;
  constructor(scope: Construct, id: string, public readonly workspace: IWorkspace, public readonly datastoreName: string) {
    super(scope, id);
    this.datastoreId = `${workspace.workspaceId}/datastores/${datastoreName}`;
  }
}

/** Ways to refer to existing datastores. */
export class Datastore {
  /**
   * A datastore that exists in the workspace, e.g. `workspaceblobstore`, which Azure ML creates
   * with every workspace.
   */
  public static fromDatastoreName(scope: Construct, id: string, workspace: IWorkspace, datastoreName: string): IDatastore {
    return new ImportedDatastore(scope, id, workspace, datastoreName);
  }

  private constructor() {}
}

