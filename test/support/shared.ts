// Locates ../shared (reference cases, and the source of the committed ground-truth slice).
// The conformance checkers read the committed slice (./ground-truth.ts) and run everywhere; only tests that read
// ../shared itself (the azureml-examples cases, the slice's drift check) skip locally when it is absent -- but
// never on CI, where skipping would hide a gap.
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
    throw new Error(`"${name}": ../shared is missing (set AZUREML_SHARED_DIR); tests that read it must not be skipped on CI`);
  }
  if (!notePrinted) {
    notePrinted = true;
    process.stderr.write('NOTE: the tests that read ../shared (reference cases, ground-truth drift) are skipped because ../shared is missing (set AZUREML_SHARED_DIR to enable them); conformance is still checked against test/fixtures/ground-truth.\n');
  }
  describe.skip(name, fn);
}
