// scripts/check-package.ts (run by CI on the packed tarball): it must reject tooling folders and machine paths.
import { checkContent, checkEntries, machinePaths } from '../scripts/check-package';

describe('package check', () => {
  test('a clean package passes', () => {
    expect(checkEntries([
      'package/package.json', 'package/README.md', 'package/LICENSE', 'package/API.md', 'package/.jsii',
      'package/lib/index.js', 'package/lib/index.d.ts', 'package/bin/cdktf-azureml-review', 'package/node_modules/yaml/dist/index.js',
    ])).toEqual([]);
    expect(checkContent('lib/index.js', 'require("./core"); //# sourceMappingURL=data:...', ['/work/wt/x', '/work/wt'])).toEqual([]);
  });

  test('tooling folders, sources and stray files are rejected', () => {
    expect(checkEntries([
      'package/.ci/run', 'package/bench/run.ts', 'package/examples/quickstart/main.ts', 'package/docs/workspace.md',
      'package/cdktf.out/manifest.json', 'package/test/x.test.ts', 'package/lib/index.ts', 'package/cdktf.json',
    ])).toEqual([
      '.ci/run: .ci/ must not be in the package',
      'bench/run.ts: bench/ must not be in the package',
      'examples/quickstart/main.ts: examples/ must not be in the package',
      'docs/workspace.md: docs/ must not be in the package',
      'cdktf.out/manifest.json: cdktf.out/ must not be in the package',
      'test/x.test.ts: test/ must not be in the package',
      'lib/index.ts: not an allowed package file (lib/, .jsii, README.md, API.md, LICENSE, bin/)',
      'cdktf.json: not an allowed package file (lib/, .jsii, README.md, API.md, LICENSE, bin/)',
    ]);
  });

  test('absolute paths of the packing machine are found', () => {
    const paths = machinePaths('/work/wt/ready');
    expect(paths).toEqual(expect.arrayContaining(['/work/wt/ready', '/work/wt']));
    expect(checkContent('.jsii', '{"outdir":"/work/wt/ready/cdktf.out"}', paths)).toEqual(expect.arrayContaining([
      '.jsii: contains the absolute path /work/wt/ready',
    ]));
    expect(checkContent('lib/a.js', '"/home/alice/src/cdktf-azureml/src/a.ts"', [])).toEqual(['lib/a.js: contains a home-directory path (/home/alice/)']);
    expect(checkContent('lib/a.js', '"C:\\\\Users\\\\bob\\\\repo"', [])).toHaveLength(1);
  });
});
