import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { isResourceIdOfType, parseResourceId } from './arm-id';
import { ValidationError } from './validation';

/**
 * The resource name read from the ID of an imported resource, after checking that a
 * known ID has the expected type.
 */
export function importedName(scope: IConstruct, resourceId: string, providerType: string, what: string): string {
  if (!Token.isUnresolved(resourceId) && !isResourceIdOfType(resourceId, providerType)) {
    throw new ValidationError(scope, `'${resourceId}' is not a ${what} ID; expected `
      + `/subscriptions/<sub>/resourceGroups/<rg>/providers/${providerType}/<name>.`);
  }
  return parseResourceId(resourceId)!.name;
}
