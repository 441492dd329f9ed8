// Checks of local paths read at synth. Internal: not exported from the package index.
import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { ValidationError } from './validation';

/**
 * Checks that `given` (relative to the app's working directory) is an existing file, and returns its absolute
 * path. Messages quote the path as given and say whether it is missing or a folder: an absolute path of the
 * synthesizing machine never appears in them (they end up in CI logs and issue reports).
 */
export function checkLocalFile(scope: IConstruct, what: string, given: string, hint: string): string {
  const abs = path.resolve(given ?? '');
  const shown = displayPath(given);
  if (!fs.existsSync(abs)) {
    throw new ValidationError(scope, `${what} '${shown}' does not exist (relative paths start at the app's working directory); ${hint}`);
  }
  if (!fs.statSync(abs).isFile()) {
    throw new ValidationError(scope, `${what} '${shown}' is a folder, not a file; ${hint}`);
  }
  return abs;
}

/**
 * A local path for messages: as given when relative; an absolute one relative to the working directory when
 * inside it, else shortened to `…/<name>`, so no absolute path of the synthesizing machine is printed.
 */
export function displayPath(given: string): string {
  if (typeof given !== 'string' || !path.isAbsolute(given)) return given;
  const rel = path.relative(process.cwd(), given);
  if (rel === '') return '.';
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  return `…/${path.basename(given)}`;
}
