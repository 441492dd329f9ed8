// Locates ../shared (provider schemas, ARM types) for the conformance tests.
// Those files are not part of the repository, so tests that need them skip
// locally when they are absent -- but never on CI, where skipping would hide a gap.
import * as fs from 'fs';
import * as path from 'path';

/** Repository root: this file lives in <repo>/test/support. */
const REPO_ROOT = path.resolve(__dirname, '..', '..');

let notePrinted = false;

/** The shared ground-truth directory (`$AZUREML_SHARED_DIR`, else `<repo>/../shared`), or undefined if absent. */
export function sharedDir(): string | undefined {
  const dir = process.env.AZUREML_SHARED_DIR || path.resolve(REPO_ROOT, '..', 'shared');
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? dir : undefined;
}

/** Like `sharedDir()`, but throws a clear error when the directory is missing. */
export function requireSharedDir(): string {
  const dir = sharedDir();
  if (!dir) {
    throw new Error(`shared ground-truth directory not found (set AZUREML_SHARED_DIR or provide ${path.resolve(REPO_ROOT, '..', 'shared')})`);
  }
  return dir;
}

/**
 * `describe` when the shared directory exists; otherwise `describe.skip` with one note on stderr.
 * On CI (`$CI` set) a missing shared directory is an error, so the suite fails instead of silently skipping.
 */
export function describeWithShared(name: string, fn: () => void): void {
  if (sharedDir()) {
    describe(name, fn);
    return;
  }
  if (process.env.CI) {
    throw new Error(`"${name}": ../shared is missing (set AZUREML_SHARED_DIR); conformance tests must not be skipped on CI`);
  }
  if (!notePrinted) {
    notePrinted = true;
    process.stderr.write('NOTE: schema conformance tests are skipped because ../shared is missing (set AZUREML_SHARED_DIR to enable them).\n');
  }
  describe.skip(name, fn);
}
