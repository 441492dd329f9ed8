// Internal: checks Azure resource tags (Microsoft.Resources tag limits). Not exported from the package index.
import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { isResolved, ValidationError } from './validation';

const MAX_TAGS = 50;
const FORBIDDEN = /[<>%&\\?/]/;

/**
 * Checks tags against Azure's rules ("Use tags to organize your Azure resources": at most 50 tags per
 * resource, names up to 512 characters (128 for storage accounts), values up to 256, names without
 * `< > % & \ ? /`). A map or entry from a Terraform reference is skipped.
 */
export function checkResourceTags(scope: IConstruct, tags: { [key: string]: string } | undefined, maxNameLength = 512): void {
  if (tags === undefined || Token.isUnresolved(tags)) return;
  const names = Object.keys(tags);
  if (names.length > MAX_TAGS) {
    throw new ValidationError(scope, `${names.length} tags were given; Azure allows at most ${MAX_TAGS} per resource. `
      + 'Drop some, or combine values into one tag.');
  }
  for (const name of names) {
    if (!isResolved(name)) continue;
    const problem = name.trim() === '' ? 'it is empty'
      : name.length > maxNameLength ? `it is ${name.length} characters long (at most ${maxNameLength})`
        : FORBIDDEN.test(name) ? 'it contains one of < > % & \\ ? /' : undefined;
    if (problem) {
      throw new ValidationError(scope, `tag name '${name}' is invalid: ${problem}. Use a non-empty name of at most `
        + `${maxNameLength} characters without < > % & \\ ? /.`);
    }
    const value = tags[name];
    if (isResolved(value) && typeof value === 'string' && value.length > 256) {
      throw new ValidationError(scope, `tag '${name}' has a value of ${value.length} characters; Azure allows at most 256. Shorten it.`);
    }
  }
}
