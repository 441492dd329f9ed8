// Builds the CDK Terrain flavour of the library, `cdktn-azureml`, from the same src/ (docs/cdktn.md):
//
//   npx projen build:cdktn       (prepare, jsii compile, API.md; `npx projen package:cdktn` packs it)
//
// Only the module specifiers change: `cdktf` -> `cdktn`, `@cdktf/provider-azurerm/lib/<x>` ->
// `@cdktn/provider-azurerm/lib/<x>`. The rewritten sources and the package live in build/cdktn/ (gitignored), with a
// package.json derived from the repository's (name, peers and jsii target names changed), and are compiled by jsii
// there. Node resolves the dependencies from the repository's node_modules (cdktn and @cdktn/provider-azurerm are
// dev dependencies). Any other cdktf specifier in src/ fails the build, so nothing framework-specific slips through.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

/** The package root of the cdktn flavour. */
export const CDKTN_DIR = path.join(ROOT, 'build', 'cdktn');

/** The frameworks' versions the cdktn flavour is built and tested against (the dev dependencies). */
export const CDKTN_PEERS: Record<string, string> = {
  'cdktn': '^0.24.0',
  // 16.1 = azurerm 4.73.0; patch releases rebuild the same provider version (like ~14.23.1 for the cdktf flavour).
  '@cdktn/provider-azurerm': '~16.1.0',
  // cdktn 0.24 requires constructs >=10.6.0 <10.8.0.
  'constructs': '^10.6.0',
};

/** [specifier, replacement] of every import that names the framework or its provider bindings. */
const SPECIFIERS: Array<[RegExp, string]> = [
  [/^cdktf$/, 'cdktn'],
  [/^@cdktf\/provider-azurerm\/lib\/([a-z0-9-]+)$/, '@cdktn/provider-azurerm/lib/$1'],
];

/** A module specifier in an import, export-from, require() or import() (static, quoted). */
const SPECIFIER = /(\bfrom\s+|\bimport\s+|\brequire\(\s*|\bimport\(\s*)(['"])([^'"\n]+)\2/g;

/**
 * The source with its framework specifiers swapped for cdktn's. Throws on a specifier of `cdktf/...` or `@cdktf/...`
 * that has no cdktn equivalent here (e.g. the provider package root or a cdktf-internal path).
 */
export function toCdktn(source: string, file = 'source'): string {
  return source.replace(SPECIFIER, (match, lead: string, quote: string, spec: string) => {
    for (const [re, replacement] of SPECIFIERS) {
      if (re.test(spec)) return `${lead}${quote}${spec.replace(re, replacement)}${quote}`;
    }
    if (/^(cdktf|@cdktf)(\/|$)/.test(spec)) {
      throw new Error(`${file}: the import '${spec}' has no cdktn equivalent in scripts/build-cdktn.ts; import from 'cdktf' or '@cdktf/provider-azurerm/lib/<resource>'`);
    }
    return match;
  });
}

/** jsii target names of the cdktn flavour: the cdktf flavour's with `cdktf` -> `cdktn` (Cdktf -> Cdktn). */
export function cdktnTargets(targets: any): any {
  return JSON.parse(JSON.stringify(targets).replace(/cdktf/g, 'cdktn').replace(/Cdktf/g, 'Cdktn'));
}

/** package.json of the cdktn flavour, derived from the repository's. */
export function cdktnPackageJson(pkg: any): any {
  const rename = (s: string) => s.replace(/cdktf/g, 'cdktn');
  return {
    name: rename(pkg.name),
    description: pkg.description.replace('CDK for Terraform', 'CDK Terrain (cdktn)'),
    version: pkg.version,
    license: pkg.license,
    author: pkg.author,
    repository: pkg.repository,
    keywords: (pkg.keywords ?? []).map(rename),
    engines: pkg.engines,
    main: pkg.main,
    types: pkg.types,
    files: pkg.files,
    ...(pkg.bin ? { bin: Object.fromEntries(Object.entries(pkg.bin).map(([k, v]) => [rename(k), v])) } : {}),
    dependencies: pkg.dependencies,
    bundledDependencies: pkg.bundledDependencies,
    peerDependencies: CDKTN_PEERS,
    stability: pkg.stability,
    jsii: { ...pkg.jsii, targets: cdktnTargets(pkg.jsii.targets) },
  };
}

/**
 * jsii's counterpart of the npm override: @cdktn/provider-azurerm 16.1.0 declares the dependency cdktn ^0.23.0 in its
 * assembly, and jsii refuses cdktn 0.24.0 (the only release) for it. build/cdktn/node_modules gets a view of the
 * installed package (its lib/ linked) whose .jsii declares the cdktn range we build against. Nothing
 * of it reaches the package: users install the real provider package (with the npm override of the README).
 */
function overrideProviderPeer(): void {
  const name = '@cdktn/provider-azurerm';
  const installed = path.dirname(require.resolve(`${name}/package.json`, { paths: [ROOT] }));
  const view = path.join(CDKTN_DIR, 'node_modules', name);
  fs.mkdirSync(view, { recursive: true });
  // jsii finds a package from its resolved entry point (lib/index.js), so that file is copied and the rest linked.
  fs.mkdirSync(path.join(view, 'lib'));
  for (const entry of fs.readdirSync(path.join(installed, 'lib'))) {
    const from = path.join(installed, 'lib', entry);
    if (entry.startsWith('index.')) fs.copyFileSync(from, path.join(view, 'lib', entry));
    else fs.symlinkSync(from, path.join(view, 'lib', entry));
  }
  fs.copyFileSync(path.join(installed, 'package.json'), path.join(view, 'package.json'));
  const assembly = fs.readFileSync(path.join(installed, '.jsii'), 'utf8');
  const declared = /("dependencies": \{\s*"cdktn": )"[^"]+"/;
  if (!declared.test(assembly.slice(0, 4096))) throw new Error(`${name}/.jsii: no cdktn dependency near its top; update overrideProviderPeer()`);
  fs.writeFileSync(path.join(view, '.jsii'), assembly.replace(declared, `$1"${CDKTN_PEERS.cdktn}"`));
  // jsii-docgen looks for the other assemblies in the package's own node_modules only.
  for (const dep of ['cdktn', 'constructs']) {
    const dir = path.dirname(require.resolve(`${dep}/package.json`, { paths: [ROOT] }));
    fs.symlinkSync(dir, path.join(CDKTN_DIR, 'node_modules', dep));
  }
}

function copyTree(from: string, to: string, transform: (rel: string, content: string) => string, prefix = ''): number {
  let n = 0;
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) {
      n += copyTree(src, dst, transform, `${prefix}${e.name}/`);
    } else if (e.name.endsWith('.ts')) {
      fs.writeFileSync(dst, transform(`${prefix}${e.name}`, fs.readFileSync(src, 'utf8')));
      n++;
    } else {
      fs.copyFileSync(src, dst);
    }
  }
  return n;
}

/** Writes build/cdktn: src/ with swapped specifiers, package.json, tsconfig.json, README.md, LICENSE (and bin/). */
export function prepare(): void {
  fs.rmSync(CDKTN_DIR, { recursive: true, force: true });
  const n = copyTree(path.join(ROOT, 'src'), path.join(CDKTN_DIR, 'src'), (rel, content) => toCdktn(content, `src/${rel}`));
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(CDKTN_DIR, 'package.json'), JSON.stringify(cdktnPackageJson(pkg), null, 2) + '\n');
  for (const file of ['tsconfig.json', 'README.md', 'LICENSE']) fs.copyFileSync(path.join(ROOT, file), path.join(CDKTN_DIR, file));
  if (fs.existsSync(path.join(ROOT, 'bin'))) fs.cpSync(path.join(ROOT, 'bin'), path.join(CDKTN_DIR, 'bin'), { recursive: true });
  overrideProviderPeer();
  process.stdout.write(`build-cdktn: ${n} sources -> ${path.relative(ROOT, CDKTN_DIR)}/src (specifiers swapped to cdktn)\n`);
}

if (require.main === module) prepare();
