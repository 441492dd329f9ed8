// The committed slice of ../shared (test/fixtures/ground-truth) must be exactly what scripts/slice-ground-truth.ts
// cuts from ../shared today. Runs where ../shared exists (always on CI); skipped on a user's clone.
import * as fs from 'fs';
import * as path from 'path';
import { sliceGroundTruth } from '../scripts/slice-ground-truth';
import { GROUND_TRUTH_DIR, REGENERATE_HINT } from './support/ground-truth';
import { describeWithShared, sharedDir } from './support/shared';

function committedFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory()
    ? committedFiles(path.join(dir, e.name), path.join(prefix, e.name))
    : [path.join(prefix, e.name)]);
}

describeWithShared('ground-truth slice', () => {
  test('the committed slice is what ../shared gives today', () => {
    const expected = sliceGroundTruth(sharedDir()!);
    const stale: string[] = [];
    for (const [rel, content] of expected) {
      const file = path.join(GROUND_TRUTH_DIR, rel);
      if (!fs.existsSync(file)) stale.push(`${rel}: missing`);
      else if (fs.readFileSync(file, 'utf8') !== content) stale.push(`${rel}: differs`);
    }
    for (const rel of committedFiles(GROUND_TRUTH_DIR)) {
      if (rel !== 'README.md' && !expected.has(rel)) stale.push(`${rel}: not produced by the script any more`);
    }
    if (stale.length > 0) {
      throw new Error(`test/fixtures/ground-truth disagrees with ../shared; ${REGENERATE_HINT}:\n  ${stale.join('\n  ')}`);
    }
  });
});

describe('ground-truth slice contents', () => {
  test('holds the provider schemas, the ARM types of every azapi api-version the library uses, and the security checks', () => {
    const files = committedFiles(GROUND_TRUTH_DIR).sort();
    expect(files).toEqual(expect.arrayContaining([
      path.join('terraform', 'azurerm-4.55.0.schema.json'),
      path.join('terraform', 'azurerm-4.73.0.schema.json'),
      path.join('terraform', 'azapi-2.12.0.schema.json'),
      path.join('arm-types', 'microsoft.machinelearningservices', '2025-06-01', 'types.json'),
      path.join('arm-types', 'microsoft.machinelearningservices', '2026-05-01', 'types.json'),
      path.join('reference', 'security-checks.json'),
    ]));
  });
});
