/**
 * The Azure cloud a stack deploys to. Private DNS zone names differ per cloud
 * (`privatelink.blob.core.windows.net` in Azure public, `privatelink.blob.core.usgovcloudapi.net`
 * in Azure US Government, `privatelink.blob.core.chinacloudapi.cn` in Azure China).
 */
export class AzureCloud {
  /** Azure public cloud (`AzureCloud`). */
  public static readonly PUBLIC = new AzureCloud('AzurePublic');
  /** Azure US Government (`AzureUSGovernment`). */
  public static readonly US_GOVERNMENT = new AzureCloud('AzureUSGovernment');
  /** Azure operated by 21Vianet (`AzureChinaCloud`). */
  public static readonly CHINA = new AzureCloud('AzureChina');

  private constructor(
    /** Name of the cloud: `AzurePublic`, `AzureUSGovernment` or `AzureChina`. */
    public readonly name: string,
  ) {}
}
