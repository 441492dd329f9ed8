/**
 * The category of a workspace connection: what it connects to. Each category accepts some
 * authentication types only (see `ConnectionAuth`).
 */
export class ConnectionCategory {
  /** Azure AI Services (multi-service account; models, speech, vision). */
  public static readonly AI_SERVICES = new ConnectionCategory('AIServices', ['AAD', 'ApiKey']);
  /** Azure OpenAI. */
  public static readonly AZURE_OPENAI = new ConnectionCategory('AzureOpenAI', ['AAD', 'ApiKey']);
  /** Azure AI Search (the ARM category is `CognitiveSearch`). */
  public static readonly AI_SEARCH = new ConnectionCategory('CognitiveSearch', ['AAD', 'ApiKey']);
  /** An Azure Blob Storage container. */
  public static readonly AZURE_BLOB = new ConnectionCategory('AzureBlob', ['AAD', 'AccountKey', 'SAS']);
  /** Azure Data Lake Storage Gen2. */
  public static readonly ADLS_GEN2 = new ConnectionCategory('ADLSGen2', ['AAD', 'ServicePrincipal']);
  /** A container registry (Azure Container Registry or another one). */
  public static readonly CONTAINER_REGISTRY = new ConnectionCategory('ContainerRegistry', ['ManagedIdentity', 'UsernamePassword']);
  /** A Git repository. */
  public static readonly GIT = new ConnectionCategory('Git', ['PAT', 'UsernamePassword', 'None']);
  /** A Python package feed. */
  public static readonly PYTHON_FEED = new ConnectionCategory('PythonFeed', ['PAT', 'UsernamePassword', 'None']);
  /** An Amazon S3 bucket. */
  public static readonly S3 = new ConnectionCategory('S3', ['AccessKey']);
  /** A Snowflake database. */
  public static readonly SNOWFLAKE = new ConnectionCategory('Snowflake', ['UsernamePassword']);
  /** An Azure SQL database. */
  public static readonly AZURE_SQL_DB = new ConnectionCategory('AzureSqlDb', ['UsernamePassword']);
  /** Any service reached with custom key-value secrets. */
  public static readonly CUSTOM_KEYS = new ConnectionCategory('CustomKeys', ['CustomKeys']);
  /** Any service reached with one API key. */
  public static readonly API_KEY = new ConnectionCategory('ApiKey', ['ApiKey']);

  /**
   * Any other ARM category (e.g. `Redis`, `CosmosDb`); every authentication type is accepted and
   * the target is not checked. The name must be one of the ARM type's categories (case-sensitive): another
   * one fails synthesis, with "did you mean" for a case slip (`redis` → `Redis`).
   */
  public static of(category: string): ConnectionCategory {
    return new ConnectionCategory(category, undefined);
  }

  private constructor(
    /** The ARM `category` value. */
    public readonly value: string,
    /** ARM `authType` values the category accepts; undefined when any is. */
    public readonly supportedAuthTypes?: string[],
  ) {}
}
