// A consumer app written from the README alone synthesizes against the packed tarball: the quick start's `main.ts`
// and the `package.json`, `cdktf.json` and `tsconfig.json` of "Use it in your project" are written to a temporary
// folder, the tarball from dist/js is installed there (the other dependencies are linked from this repository, so
// no network is needed) and `cdktf synth` runs. CI runs it after package:js.
// With the argument `cdktn` (CI runs it after package:cdktn): the same app moved to CDK Terrain as docs/cdktn.md
// says (imports swapped, its package.json with the peer override), against the cdktn-azureml tarball in
// build/cdktn/dist/js; the app command of cdktf.json runs (what `cdktn synth` runs; cdktn-cli is not installed here).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CDKTN_DIR, toCdktn } from './build-cdktn';

const ROOT = path.resolve(__dirname, '..');
const CDKTN = process.argv[2] === 'cdktn';

/** The fenced block of `lang` that follows the first line matching `after` in the markdown. */
export function blockAfter(markdown: string, after: RegExp, lang: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex(l => after.test(l));
  if (start < 0) throw new Error(`README: no line matches ${after}`);
  const open = lines.findIndex((l, i) => i > start && l.trim() === '```' + lang);
  if (open < 0) throw new Error(`README: no \`\`\`${lang} block after ${after}`);
  const close = lines.findIndex((l, i) => i > open && l.trim() === '```');
  return lines.slice(open + 1, close).join('\n') + '\n';
}

function main(): void {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const pkgDir = CDKTN ? CDKTN_DIR : ROOT;
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const tarball = path.join(pkgDir, 'dist', 'js', `${pkg.name}@${pkg.version}.jsii.tgz`);
  if (!fs.existsSync(tarball)) throw new Error(`${tarball} not found; run npx projen ${CDKTN ? 'package:cdktn' : 'package:js'} first`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consumer-'));
  try {
    const app = blockAfter(readme, /^## Quick start/, 'ts');
    fs.writeFileSync(path.join(dir, 'main.ts'), CDKTN ? toCdktn(app, 'README quick start').replace(/'cdktf-azureml'/g, "'cdktn-azureml'") : app);
    for (const file of ['package.json', 'cdktf.json', 'tsconfig.json']) {
      fs.writeFileSync(path.join(dir, file), blockAfter(readme, new RegExp('^`' + file.replace('.', '\\.') + '`'), 'json'));
    }
    if (CDKTN) {
      const docs = fs.readFileSync(path.join(ROOT, 'docs', 'cdktn.md'), 'utf8');
      fs.writeFileSync(path.join(dir, 'package.json'), blockAfter(docs, /`package\.json` \(the override/, 'json'));
    }
    // Dependencies: this repository's (same versions as the peer ranges), the library from the tarball.
    const modules = path.join(dir, 'node_modules');
    fs.mkdirSync(modules);
    for (const entry of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
      if (entry === pkg.name) continue;
      fs.symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(modules, entry));
    }
    fs.mkdirSync(path.join(modules, pkg.name));
    execFileSync('tar', ['-xzf', tarball, '-C', path.join(modules, pkg.name), '--strip-components=1']);

    const synth = CDKTN
      ? ['sh', ['-c', JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8')).app]] as const
      : [path.join(modules, '.bin', 'cdktf'), ['synth']] as const;
    execFileSync(synth[0], [...synth[1]], {
      cwd: dir,
      stdio: 'inherit',
      env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    });
    const stacks = fs.readdirSync(path.join(dir, 'cdktf.out', 'stacks'));
    if (stacks.length === 0) throw new Error('cdktf synth wrote no stack');
    for (const stack of stacks) {
      const json = fs.readFileSync(path.join(dir, 'cdktf.out', 'stacks', stack, 'cdk.tf.json'), 'utf8');
      if (json.includes(dir) || json.includes(ROOT)) throw new Error(`${stack}: the synthesized JSON holds an absolute path`);
      // The workspace is an azapi_resource of the Azure ML workspace type (created in its final state).
      if (!json.includes('"Microsoft.MachineLearningServices/workspaces@')) throw new Error(`${stack}: no workspace in the synthesized JSON`);
    }
    process.stdout.write(`check-consumer: the README app synthesized ${stacks.join(', ')} against ${path.relative(ROOT, tarball)}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) main();
