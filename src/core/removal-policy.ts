import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';

/** What happens to a stateful resource when it leaves the configuration or `cdktf destroy` runs. */
export enum RemovalPolicy {
  /**
   * Terraform refuses to destroy it (`lifecycle.prevent_destroy`). A plan that would
   * replace or destroy it fails, so a data-losing change never applies silently.
   */
  RETAIN = 'RETAIN',
  /** Terraform may destroy it. */
  DESTROY = 'DESTROY',
}

/** Sets `prevent_destroy` for RETAIN; keeps other lifecycle settings. */
export function applyRemovalPolicy(resource: TerraformResource, policy: RemovalPolicy = RemovalPolicy.RETAIN): void {
  if (policy === RemovalPolicy.RETAIN) {
    resource.lifecycle = { ...(resource.lifecycle ?? {}), preventDestroy: true };
  }
}

/**
 * A `CanNotDelete` management lock on a resource. Unlike `prevent_destroy`, it also holds
 * against deletion outside Terraform and when the construct is removed from the app.
 */
export function addDeleteLock(scope: Construct, id: string, resourceId: string, what: string): ManagementLock {
  return new ManagementLock(scope, id, {
    name: 'do-not-delete',
    scope: resourceId,
    lockLevel: 'CanNotDelete',
    notes: `Protects the ${what} from deletion; remove the lock on purpose before deleting.`,
  });
}
