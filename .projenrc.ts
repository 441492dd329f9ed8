import { cdktf, javascript, JsonFile, release } from 'projen';


/** What both jest projects share (projects do not inherit the root's per-project options). */
const JEST_COMMON = {
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  clearMocks: true,
  transform: { '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
};
const JEST_CDKTF = { ...JEST_COMMON, displayName: 'cdktf', testPathIgnorePatterns: ['/node_modules/'] };
const JEST_CDKTN = {
  ...JEST_COMMON,
  displayName: 'cdktn',
  moduleNameMapper: {
    '^cdktf$': 'cdktn',
    '^@cdktf/provider-azurerm/lib/([a-z0-9-]+)$': '@cdktn/provider-azurerm/lib/$1',
  },
  // test/support/flavour.ts: conformance against azurerm 4.73.0, the version @cdktn/provider-azurerm 16.1 targets.
  globals: { AZUREML_FLAVOUR: 'cdktn' },
  // Not about the framework: lint rules, package contents, the ground-truth slice, benchmarks' reference numbers,
  // the schema checker itself, module loading in a child process (unmapped), the type check of the docs' snippets,
  // and the comparison of both flavours.
  testPathIgnorePatterns: ['/node_modules/', ...[
    'lint-rules', 'package-check', 'ground-truth', 'bench-reference', 'conformance-checker', 'module-load', 'docs',
    'flavours',
  ].map(name => `/test/${name}\\.test\\.ts$`)],
};

// projen dropped `new cdktf-construct`; the class is deprecated (cdktf was archived upstream)
// but still generates a correct jsii construct library with the cdktf peer dependencies.
const project = new cdktf.ConstructLibraryCdktf({
  name: 'cdktf-azureml',
  description: 'CDK for Terraform constructs for Azure Machine Learning: workspace, compute, datastores and environments, secure by default.',
  author: 'cdktf-azureml maintainers',
  authorAddress: 'maintainers@users.noreply.example',
  repositoryUrl: 'https://example.invalid/cdktf-azureml.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: '20.0.0',
  projenrcTs: true,
  license: 'Apache-2.0',
  keywords: ['azure', 'machine-learning', 'azureml', 'terraform'],

  // cdktf 0.21.x: the range the prebuilt provider bindings accept (their peer range is ^0.21.0).
  cdktfVersion: '^0.21.0',
  constructsVersion: '^10.4.2',
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',
  // @cdktf/provider-azurerm follows the azurerm provider: a minor release per azurerm minor (14.23 = azurerm 4.55.0,
  // the schemas this library is tested against), patch releases rebuild the same provider version. Users may take
  // patch releases; a new minor changes the generated classes and the pinned provider, so it needs a release of ours.
  peerDeps: ['@cdktf/provider-azurerm@~14.23.1'],
  // The dev dependencies are pinned here, not derived from the peers: the cdktn flavour (docs/cdktn.md) is tested in
  // the same node_modules, and cdktn 0.24 needs constructs >=10.6.0 <10.8.0 (the cdktf peer ^10.4.2 allows it).
  peerDependencyOptions: { pinnedDevDependency: false },
  devDeps: [
    'cdktf@0.21.0',
    'constructs@10.7.2',
    '@cdktf/provider-azurerm@14.23.1',
    // The cdktn flavour (scripts/build-cdktn.ts, the jest project "cdktn"): CDK Terrain and its prebuilt azurerm.
    'cdktn@0.24.0',
    '@cdktn/provider-azurerm@16.1.0',
    'cdktf-cli@0.21.0',
    'ts-node@^10.9.2',
  ],
  // Runtime dependencies of a jsii library must be bundled.
  bundledDeps: ['yaml@^2.8.0'],

  // No remote here: CI is `.ci/run`. Releases are cut locally with `npx projen release`: the version comes from the
  // conventional commits since the last v* tag (0.1.0 for the first release), the changelog goes to CHANGELOG.md and
  // dist/changelog.md, and nothing is pushed. Publishing the packages in dist/ is a separate, manual step.
  github: false,
  release: true,
  releaseTrigger: release.ReleaseTrigger.manual({ changelog: true, changelogPath: 'CHANGELOG.md', gitPushCommand: '' }),
  nextVersionCommand: "git tag --list 'v*' | grep -q . || echo 0.1.0",
  releaseToNpm: false,
  package: true,

  // jsii language targets (README: "Languages"). Names follow each ecosystem's conventions.
  publishToPypi: { distName: 'cdktf-azureml', module: 'cdktf_azureml' },
  publishToMaven: {
    javaPackage: 'io.github.cdktf_azureml',
    mavenGroupId: 'io.github.cdktf-azureml',
    mavenArtifactId: 'cdktf-azureml',
  },
  publishToNuget: { dotNetNamespace: 'CdktfAzureml', packageId: 'CdktfAzureml' },
  publishToGo: { moduleName: 'github.com/cdktf-azureml/cdktf-azureml-go', packageName: 'cdktfazureml' },
  buildWorkflow: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  sampleCode: false,
  docgen: true,

  jestOptions: {
    jestVersion: '^29',
    // Snapshots must be able to fail: never rewrite them during `npm test`.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    // Coverage is collected (coverage/), but the per-file table would drown the test output.
    coverageText: false,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // Synthesizing stacks that load provider modules is CPU-bound; two workers fit the 2-core machines.
      maxWorkers: 2,
      testTimeout: 120_000,
      // Both flavours (docs/cdktn.md): every test file runs on cdktf, and again on CDK Terrain with the imports
      // swapped as scripts/build-cdktn.ts swaps them for the cdktn-azureml package.
      projects: [JEST_CDKTF, JEST_CDKTN],
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'scripts'],
    // `npm test` runs eslint: a test command must not rewrite sources (run `npx eslint --fix ...` by hand).
    commandOptions: { fix: false },
  },
  gitignore: ['cdktf.out/', '.terraform/', '*.tfstate', '*.tfstate.*', 'bench/results/*.tmp.json'],
});

// The package root of the provider loads ~1,500 modules (8 s, 420 MB): deep imports only.
project.eslint?.addRules({
  'no-restricted-imports': ['error', {
    paths: [{
      name: '@cdktf/provider-azurerm',
      message: 'Import the resource by deep path, e.g. @cdktf/provider-azurerm/lib/machine-learning-workspace.',
    }],
  }],
});

// @cdktn/provider-azurerm 16.1.0 declares the peer cdktn ^0.23.0, but 0.24.0 is the only cdktn release: let it use
// ours (users of cdktn-azureml need the same override; README "Moving to CDK Terrain").
project.package.addField('overrides', { '@cdktn/provider-azurerm': { cdktn: '$cdktn' } });

// examples/, bench/ and scripts/ are type-checked and linted like test/, but not compiled by jsii.
for (const dir of ['examples', 'bench', 'scripts']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: {
      extends: '../tsconfig.json',
      compilerOptions: { noEmit: true, rootDir: '..', isolatedModules: true },
      include: ['**/*.ts'],
      exclude: ['node_modules'],
    },
  });
}

// Main job: synthesize the default example (cdktf.json points at examples/quickstart).
project.addTask('synth:example', {
  description: 'Synthesize the default example app with the cdktf CLI',
  exec: 'cdktf synth',
});

// API.md is generated by docgen after every compile; this fails the run when the committed copy is stale.
const apiCheck = project.addTask('api:check', {
  description: 'Fail when the committed API.md does not match the public API',
  exec: 'git diff --exit-code -- API.md || (echo "API.md is stale: run npx projen build (or compile + post-compile) and commit API.md" >&2; exit 1)',
});
// In CI the build fails when docgen changed API.md: the committed copy was stale.
project.postCompileTask.spawn(apiCheck, { condition: '[ -n "$CI" ]' });

// The conformance tests read a committed slice of ../shared (test/fixtures/ground-truth), so they run on any clone.
project.addTask('ground-truth', {
  description: 'Regenerate test/fixtures/ground-truth from ../shared (or $AZUREML_SHARED_DIR)',
  exec: 'ts-node -P scripts/tsconfig.json scripts/slice-ground-truth.ts',
});
project.gitattributes.addAttributes('/test/fixtures/ground-truth/**', 'linguist-generated');

// The package: only what a consumer loads (lib/, .jsii, README, API.md, LICENSE) and bin/ (commands in `bin`).
// An allowlist, so new top-level folders (examples, docs, bench, .ci, scripts, cdktf.out) can never leak into it.
project.package.addField('files', ['lib/**/*.js', 'lib/**/*.d.ts', '.jsii', 'API.md', 'bin/**']);
// The version in the repository is the first release; `npx projen release` derives later ones from the v* tags and
// the conventional commits, and `unbump` restores the committed package.json (projen's default writes 0.0.0).
project.package.addVersion('0.1.0');
project.tasks.tryFind('unbump')!.reset('git checkout -- package.json');

// jsii warns about names that break other languages; any warning fails the compile. reserved-word stays silenced
// (projen's default): it flags properties like `type`, which every target renames (Go `Type()`, Python `type_`).
// metadata/missing-dev-dependency stays silenced too: the dev dependencies are the versions both flavours are tested
// against in one node_modules (constructs 10.7.2 for cdktn 0.24), not the peers' minimums.
const JSII = 'jsii --silence-warnings=reserved-word --silence-warnings=metadata/missing-dev-dependency --fail-on-warnings';
project.compileTask.reset(JSII);

// jsii-diff against the previous release, once there is one (a v* tag; the package is then on the registry).
const compat = project.tasks.tryFind('compat')!;
compat.reset();
compat.exec('jsii-diff npm:cdktf-azureml@$(git describe --tags --abbrev=0 --match "v*" | sed "s/^v//") -k --ignore-file .compatignore', {
  condition: "git tag --list 'v*' | grep -q .",
});
project.postCompileTask.spawn(compat);

// Python and Java sources from the compiled assembly, without their toolchains (CI runs it; see .ci/run).
project.addTask('package:code', {
  description: 'Generate the Python and Java bindings as source (jsii-pacmak --code-only; no Python or Java needed)',
  exec: 'jsii-pacmak --code-only --target python --target java',
});

// The npm tarball holds no machine path and none of the repository's tooling (CI runs it after package:js).
project.addTask('package:check', {
  description: 'Check the packed npm tarball in dist/js: allowed files only, no absolute machine paths',
  exec: 'ts-node -P scripts/tsconfig.json scripts/check-package.ts',
});

// A consumer app written from the README alone (quick start + "Use it in your project") synthesizes against the
// packed tarball (CI runs it after package:js; the other dependencies are linked from node_modules, no network).
project.addTask('package:consumer', {
  description: 'Synthesize the README app against the packed tarball in dist/js',
  exec: 'ts-node -P scripts/tsconfig.json scripts/check-consumer.ts',
});

// The CDK Terrain flavour, cdktn-azureml (docs/cdktn.md): src/ with the framework imports swapped, in build/cdktn.
project.addTask('build:cdktn', {
  description: 'Build the cdktn-azureml package in build/cdktn: src/ with cdktn imports, jsii compile, API.md',
  steps: [
    { exec: 'ts-node -P scripts/tsconfig.json scripts/build-cdktn.ts' },
    { exec: JSII, cwd: 'build/cdktn' },
    { exec: 'jsii-docgen -o API.md', cwd: 'build/cdktn' },
  ],
});
project.addTask('package:cdktn', {
  description: 'Pack build/cdktn into build/cdktn/dist/js, check the tarball like package:check and synthesize the README app moved to cdktn against it',
  steps: [
    { exec: 'jsii-pacmak -v --target js', cwd: 'build/cdktn' },
    { exec: 'ts-node -P scripts/tsconfig.json scripts/check-package.ts build/cdktn' },
    { exec: 'ts-node -P scripts/tsconfig.json scripts/check-consumer.ts cdktn' },
  ],
});
project.gitignore.exclude('/build/');

const bench = project.addTask('bench', {
  description: 'Synthesis speed and memory benchmark (not part of the tests)',
  exec: 'ts-node -P bench/tsconfig.json bench/run.ts',
});

// `cdktf-azureml review PLAN.json`: the plan review command (src/review, docs/review.md), not part of the jsii API.
project.addBins({ 'cdktf-azureml': 'bin/cdktf-azureml' });
const benchReview = project.addTask('bench:review', {
  description: 'Speed of `cdktf-azureml review` on a plan of 5,000 resource changes (docs/review.md)',
  exec: 'ts-node -P bench/tsconfig.json bench/review.ts',
});
bench.spawn(benchReview);

project.synth();
