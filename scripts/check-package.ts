// Checks the npm tarball that `npx projen package:js` packed into dist/js (or, given a package directory such as
// build/cdktn, the one packed into <dir>/dist/js): it holds only what a consumer loads
// (lib/, .jsii, README, API.md, LICENSE, package.json, bin/ and the bundled dependencies) and no absolute path of
// the machine that packed it. Exits 1 listing every problem.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

/** Allowed paths inside the tarball (relative to its `package/` folder). */
const ALLOWED: RegExp[] = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^API\.md$/,
  /^\.jsii$/,
  /^lib\/.+\.(js|d\.ts)$/,
  /^bin\//,
  /^node_modules\//, // bundledDependencies (yaml)
];

/** Never in the package, whatever the allowlist says. */
const FORBIDDEN_DIRS = ['.ci', 'bench', 'examples', 'docs', 'cdktf.out', 'test', 'src', 'scripts', 'coverage', 'dist'];

/** Problems with the tarball's file list. */
export function checkEntries(entries: string[]): string[] {
  const out: string[] = [];
  for (const entry of entries) {
    const rel = entry.replace(/^package\//, '');
    if (rel === '' || rel.endsWith('/')) continue;
    const top = rel.split('/')[0];
    if (FORBIDDEN_DIRS.includes(top)) out.push(`${rel}: ${top}/ must not be in the package`);
    else if (!ALLOWED.some(re => re.test(rel))) out.push(`${rel}: not an allowed package file (lib/, .jsii, README.md, API.md, LICENSE, bin/)`);
  }
  return out;
}

/** Absolute paths of this machine that must not appear in any file of the package. */
export function machinePaths(root: string): string[] {
  const home = os.homedir();
  return [root, path.dirname(root), ...(home && home !== '/' ? [home] : [])]
    .filter(p => p.length > 1)
    .filter((p, i, all) => all.indexOf(p) === i);
}

/** Problems with one file's content: a machine path, or a path under a user's home directory. */
export function checkContent(rel: string, content: string, paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (content.includes(p)) out.push(`${rel}: contains the absolute path ${p}`);
  }
  const home = /(?:^|[^\w.])(\/home\/[\w.-]+\/|\/Users\/[\w.-]+\/|[A-Z]:\\\\?Users\\\\?)/.exec(content);
  if (home) out.push(`${rel}: contains a home-directory path (${home[1]})`);
  return out;
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory()
    ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`)
    : [`${prefix}${e.name}`]);
}

function main(): void {
  const pkgDir = path.resolve(ROOT, process.argv[2] ?? '.');
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const tarball = path.join(pkgDir, 'dist', 'js', `${pkg.name}@${pkg.version}.jsii.tgz`);
  if (!fs.existsSync(tarball)) {
    process.stderr.write(`package:check: ${path.relative(ROOT, tarball)} not found; run npx projen compile && npx projen package:js first\n`);
    process.exit(1);
  }
  const entries = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const problems = checkEntries(entries);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'package-check-'));
  try {
    execFileSync('tar', ['-xzf', tarball, '-C', dir]);
    const paths = machinePaths(ROOT);
    for (const rel of listFiles(path.join(dir, 'package'))) {
      problems.push(...checkContent(rel, fs.readFileSync(path.join(dir, 'package', rel), 'utf8'), paths));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (problems.length > 0) {
    process.stderr.write(`package:check: ${path.relative(ROOT, tarball)} has ${problems.length} problem(s):\n  ${problems.join('\n  ')}\n`);
    process.exit(1);
  }
  process.stdout.write(`package:check: ${path.relative(ROOT, tarball)}: ${entries.length} entries, all allowed, no machine paths\n`);
}

if (require.main === module) main();
