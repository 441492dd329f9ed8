/**
 * An Azure VM size for compute clusters and instances. The static members are common CPU and
 * GPU sizes for Azure Machine Learning; any other size is `VmSize.of('Standard_...')`.
 * Availability depends on region and quota.
 */
export class VmSize {
  // General purpose CPU
  /** 2 vCPU, 7 GiB (general purpose, previous generation). */
  public static readonly STANDARD_DS2_V2 = new VmSize('Standard_DS2_v2');
  /** 4 vCPU, 14 GiB: the Azure ML CLI default for clusters and instances. */
  public static readonly STANDARD_DS3_V2 = new VmSize('Standard_DS3_v2');
  /** 2 vCPU, 14 GiB (memory optimized, previous generation). */
  public static readonly STANDARD_DS11_V2 = new VmSize('Standard_DS11_v2');
  /** 4 vCPU, 28 GiB (memory optimized, previous generation). */
  public static readonly STANDARD_DS12_V2 = new VmSize('Standard_DS12_v2');
  /** 2 vCPU, 8 GiB. */
  public static readonly STANDARD_D2S_V3 = new VmSize('Standard_D2s_v3');
  /** 4 vCPU, 16 GiB. */
  public static readonly STANDARD_D4S_V3 = new VmSize('Standard_D4s_v3');
  /** 8 vCPU, 32 GiB. */
  public static readonly STANDARD_D8S_V3 = new VmSize('Standard_D8s_v3');
  /** 16 vCPU, 64 GiB. */
  public static readonly STANDARD_D16S_V3 = new VmSize('Standard_D16s_v3');
  /** 4 vCPU, 32 GiB, local SSD (memory optimized). */
  public static readonly STANDARD_E4DS_V4 = new VmSize('Standard_E4ds_v4');
  /** 8 vCPU, 64 GiB, local SSD (memory optimized). */
  public static readonly STANDARD_E8DS_V4 = new VmSize('Standard_E8ds_v4');
  /** 16 vCPU, 128 GiB, local SSD (memory optimized). */
  public static readonly STANDARD_E16DS_V4 = new VmSize('Standard_E16ds_v4');
  /** 4 vCPU, 8 GiB (compute optimized). */
  public static readonly STANDARD_F4S_V2 = new VmSize('Standard_F4s_v2');
  /** 8 vCPU, 16 GiB (compute optimized). */
  public static readonly STANDARD_F8S_V2 = new VmSize('Standard_F8s_v2');

  // GPU
  /** 1 NVIDIA V100 16 GB, 6 vCPU. */
  public static readonly STANDARD_NC6S_V3 = new VmSize('Standard_NC6s_v3');
  /** 2 NVIDIA V100 16 GB, 12 vCPU. */
  public static readonly STANDARD_NC12S_V3 = new VmSize('Standard_NC12s_v3');
  /** 4 NVIDIA V100 16 GB, 24 vCPU. */
  public static readonly STANDARD_NC24S_V3 = new VmSize('Standard_NC24s_v3');
  /** 1 NVIDIA T4, 4 vCPU: inexpensive inference and small training. */
  public static readonly STANDARD_NC4AS_T4_V3 = new VmSize('Standard_NC4as_T4_v3');
  /** 1 NVIDIA T4, 8 vCPU. */
  public static readonly STANDARD_NC8AS_T4_V3 = new VmSize('Standard_NC8as_T4_v3');
  /** 4 NVIDIA T4, 64 vCPU. */
  public static readonly STANDARD_NC64AS_T4_V3 = new VmSize('Standard_NC64as_T4_v3');
  /** 1 NVIDIA A100 80 GB, 24 vCPU. */
  public static readonly STANDARD_NC24ADS_A100_V4 = new VmSize('Standard_NC24ads_A100_v4');
  /** 2 NVIDIA A100 80 GB, 48 vCPU. */
  public static readonly STANDARD_NC48ADS_A100_V4 = new VmSize('Standard_NC48ads_A100_v4');
  /** 4 NVIDIA A100 80 GB, 96 vCPU. */
  public static readonly STANDARD_NC96ADS_A100_V4 = new VmSize('Standard_NC96ads_A100_v4');
  /** 8 NVIDIA A100 40 GB with InfiniBand: distributed training. */
  public static readonly STANDARD_ND96ASR_V4 = new VmSize('Standard_ND96asr_v4');
  /** 8 NVIDIA A100 80 GB with InfiniBand: distributed training. */
  public static readonly STANDARD_ND96AMSR_A100_V4 = new VmSize('Standard_ND96amsr_A100_v4');

  /**
   * Any other VM size by its Azure name, e.g. `Standard_NC40ads_H100_v5`. Checked at synth against
   * the shape of Azure size names (`Standard_...`); availability is checked by Azure at apply.
   */
  public static of(name: string): VmSize {
    return new VmSize(name);
  }

  private constructor(
    /** The Azure name of the size, e.g. `Standard_DS3_v2`. */
    public readonly name: string,
  ) {}

  /** The Azure name. */
  public toString(): string {
    return this.name;
  }
}

/** Priority of cluster nodes. */
export enum VmPriority {
  /** Dedicated nodes: not preempted. */
  DEDICATED = 'Dedicated',
  /**
   * Low-priority (spot) nodes: much cheaper, but Azure may preempt them at any time; jobs
   * must tolerate being restarted.
   */
  LOW_PRIORITY = 'LowPriority',
}
