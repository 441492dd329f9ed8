// Issue 12 item 8: a local build context uploads (and copies into the synthesized output) only what `docker build`
// would send: .dockerignore (Docker's rules) and .amlignore are honoured, .git never goes, and files that look like
// secrets are warned about with the fix.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { AzapiProvider, BuildContext, DataPath, Environment, IWorkspace, Model, StorageAccount, Warnings, Workspace } from '../src';
import { expectConformant, ofType, providerStack, synthJson, warningsOf } from './support/synth';
import { listLocalFiles, parseDockerignore, secretLookingFiles } from '../src/assets/local-files';
import { displayPath } from '../src/core/local-path';

const SUB = '00000000-0000-0000-0000-000000000000';
const WS_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw`;
const SA_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/stmldemo`;

/** A temporary folder holding `files` (path -> content). */
function folder(files: { [relPath: string]: string }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctx-test-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function workspaceIn(stack: TerraformStack): IWorkspace {
  return Workspace.fromWorkspaceAttributes(stack, 'Workspace', {
    workspaceId: WS_ID,
    storageAccount: StorageAccount.fromStorageAccountId(stack, 'Storage', SA_ID),
  });
}

/** Blob paths below the content-hash folder. */
function uploaded(json: any): string[] {
  return Object.values(ofType(json, 'azurerm_storage_blob')).map((b: any) => b.name.split('/').slice(3).join('/')).sort();
}

/** Every file below `dir`, relative, sorted. */
function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r); else out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

const PROJECT = {
  'Dockerfile': 'FROM python:3.11\nCOPY . /app\n',
  'requirements.txt': 'numpy\n',
  'src/train.py': 'print(1)\n',
  'src/notes.md': '# notes\n',
  'data/big/part-0.csv': 'a,b\n',
  'data/big/keep.csv': 'a,b\n',
  '.git/config': '[core]\n',
  '.env': 'TOKEN=x\n',
  'certs/server.key': 'key\n',
  'node_modules/x/index.js': '\n',
};

describe('local build contexts send what docker build would', () => {
  test('.dockerignore with **, ! exceptions and folders; .git never; the Dockerfile always; nothing else reaches cdktf.out', () => {
    const dir = folder({
      ...PROJECT,
      '.dockerignore': '# comments and blank lines\n\n**/*.md\ndata\n!data/big/keep.csv\n/node_modules/\n.env\ncerts/\nDockerfile\n',
    });
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctx-out-'));
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'platform');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    new AzapiProvider(stack, 'azapi');
    const env = new Environment(stack, 'Env', { workspace: workspaceIn(stack), name: 'ctx', buildContext: BuildContext.fromLocalDirectory(dir) });
    app.synth();
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'platform', 'cdk.tf.json'), 'utf8'));
    const expected = ['.dockerignore', 'Dockerfile', 'data/big/keep.csv', 'requirements.txt', 'src/train.py'];
    expect(uploaded(json)).toEqual(expected);
    // The copy in the synthesized output holds the same files: no .env, key, .git or node_modules.
    const assets = path.join(outdir, 'stacks', 'platform', 'assets');
    const copied = filesBelow(assets).map(f => f.split('/').slice(2).join('/')).sort();
    expect(copied).toEqual(expected);
    expect(warningsOf(env, true).join('\n')).not.toMatch(/AZML-UPLOAD-001/);
    expectConformant(json);
  });

  test('synthesizing the same content again reuses its staged copy instead of leaving another one behind', () => {
    const dir = folder({ ...PROJECT, '.dockerignore': '.env\ncerts/\n**/*.md\n' });
    const stageRoot = path.join(os.tmpdir(), 'cdktf-azureml-upload');
    /** Synthesizes the environment; returns the content hash and the inode of its staged copy. */
    const synthOnce = () => {
      const stack = providerStack();
      new Environment(stack, 'Env', { workspace: workspaceIn(stack), name: 'ctx', buildContext: BuildContext.fromLocalDirectory(dir) });
      const names = Object.values(ofType(synthJson(stack), 'azurerm_storage_blob')).map((b: any) => String(b.name));
      const hash = names[0].split('/').find(part => /^[0-9a-f]{16}$/.test(part))!;
      return { hash, inode: fs.statSync(path.join(stageRoot, hash)).ino };
    };
    const first = synthOnce();
    const again = synthOnce();
    expect(again).toEqual(first);
    expect(fs.readdirSync(stageRoot).filter(n => n.startsWith(first.hash))).toEqual([first.hash]);
    // A changed file is new content: a new copy, named by the new hash.
    fs.writeFileSync(path.join(dir, 'src', 'train.py'), 'print(2)\n');
    expect(synthOnce().hash).not.toBe(first.hash);
  });

  test('without a .dockerignore: .git is still left out, and secret-looking files are warned about with the fix', () => {
    const dir = folder(PROJECT);
    const stack = providerStack();
    const env = new Environment(stack, 'Env', { workspace: workspaceIn(stack), name: 'ctx', buildContext: BuildContext.fromLocalDirectory(dir) });
    const json = synthJson(stack);
    expect(uploaded(json)).not.toContain('.git/config');
    expect(uploaded(json)).toContain('.env');
    const warnings = warningsOf(env).join('\n');
    expect(warnings).toContain(`[AZML-UPLOAD-001] The build context folder '${displayPath(dir)}' would upload 2 file(s) that look like secrets: .env, certs/server.key.`);
    expect(warnings).toMatch(/Add them to \.dockerignore \(or move them out of the folder\).*acknowledge\('AZML-UPLOAD-001'/);
    expectConformant(json);
  });

  test('the warning can be acknowledged', () => {
    const dir = folder(PROJECT);
    const stack = providerStack();
    const env = new Environment(stack, 'Env', { workspace: workspaceIn(stack), name: 'ctx', buildContext: BuildContext.fromLocalDirectory(dir) });
    Warnings.of(env).acknowledge('AZML-UPLOAD-001', 'test fixtures, not real keys');
    synthJson(stack);
    expect(warningsOf(env).join('\n')).not.toMatch(/AZML-UPLOAD-001/);
  });

  test('.amlignore applies to build contexts too; a Dockerfile at another path is kept', () => {
    const dir = folder({ 'docker/Dockerfile.gpu': 'FROM x\n', 'docker/notes.txt': '\n', '.amlignore': 'docker/\n*.csv\n', 'a.csv': '1\n', 'app.py': '\n' });
    const stack = providerStack();
    new Environment(stack, 'Env', { workspace: workspaceIn(stack), name: 'ctx', buildContext: BuildContext.fromLocalDirectory(dir, { dockerfilePath: 'docker/Dockerfile.gpu' }) });
    expect(uploaded(synthJson(stack))).toEqual(['.amlignore', 'app.py', 'docker/Dockerfile.gpu']);
  });

  test('models and code uploads warn about secret-looking files too (.amlignore is their fix)', () => {
    const dir = folder({ 'model.pkl': '1', 'id_rsa': 'k' });
    const stack = providerStack();
    const model = new Model(stack, 'M', { workspace: workspaceIn(stack), path: DataPath.fromLocalPath(dir) });
    expect(warningsOf(model).join('\n')).toMatch(/AZML-UPLOAD-001.*1 file\(s\) that look like secrets: id_rsa\. .*Add them to \.amlignore/);
  });
});

describe('Docker ignore rules', () => {
  test.each([
    ['*.md', 'README.md', true],
    ['*.md', 'docs/README.md', false], // Docker anchors patterns at the root, unlike git
    ['**/*.md', 'docs/deep/README.md', true],
    ['**/*.md', 'README.md', true],
    ['docs', 'docs/a/b.txt', true], // a matched folder excludes what is below it
    ['/build/', 'build/out.bin', true],
    ['./tmp', 'tmp/x', true],
    ['data/*/raw', 'data/2024/raw/f', true],
    ['data/?.csv', 'data/a.csv', true],
    ['data/[ab].csv', 'data/c.csv', false],
  ])('%s on %s: ignored %s', (pattern, file, ignored) => {
    const dir = folder({ [file]: 'x', 'keep.txt': 'x', '.dockerignore': `${pattern}\n` });
    const listed = listLocalFiles(dir, 'docker').map(f => f.relPath);
    expect(listed.includes(file)).toBe(!ignored);
    expect(listed).toContain('keep.txt');
  });

  test.each([
    // Docker negates a class with ^, git with !; an escaped * is a literal star in both.
    ['docker', 'data/[^ab].csv', 'data/c.csv', true],
    ['docker', 'data/[^ab].csv', 'data/a.csv', false],
    ['aml', 'data/[!ab].csv', 'data/c.csv', true],
    ['aml', 'data/[!ab].csv', 'data/a.csv', false],
    ['docker', 'star\\*.txt', 'star*.txt', true],
    ['docker', 'star\\*.txt', 'starry.txt', false],
    ['aml', 'star\\*.txt', 'star*.txt', true],
    ['aml', 'star\\*.txt', 'starry.txt', false],
    // git takes ** only as a whole path segment; Docker anywhere.
    ['aml', 'a**b.txt', 'a/x/b.txt', false],
    ['docker', 'a**b.txt', 'a/x/b.txt', true],
  ] as const)('%s: %s on %s: ignored %s', (mode, pattern, file, ignored) => {
    const ignoreFile = mode === 'docker' ? '.dockerignore' : '.amlignore';
    const dir = folder({ [file]: 'x', 'keep.txt': 'x', [ignoreFile]: `${pattern}\n` });
    const listed = listLocalFiles(dir, mode).map(f => f.relPath);
    expect(listed.includes(file)).toBe(!ignored);
    expect(listed).toContain('keep.txt');
  });

  test('the last matching rule wins', () => {
    const rules = parseDockerignore('*.txt\n!keep*.txt\nkeep-not.txt\n');
    expect(rules).toHaveLength(3);
    const dir = folder({ 'a.txt': '', 'keep-1.txt': '', 'keep-not.txt': '', '.dockerignore': '*.txt\n!keep*.txt\nkeep-not.txt\n' });
    expect(listLocalFiles(dir, 'docker').map(f => f.relPath)).toEqual(['.dockerignore', 'keep-1.txt']);
  });

  test('secret-looking names', () => {
    const names = ['.env', '.env.production', '.env.example', 'a/server.pem', 'tls.key', 'cert.pfx', 'id_rsa', 'id_rsa.pub', 'credentials',
      '.aws/credentials', 'service-account-prod.json', 'prod.tfvars', 'keyboard.py', 'secrets.yaml'];
    expect(secretLookingFiles(names.map(relPath => ({ relPath, md5: '', sha256: '' })))).toEqual([
      '.env', '.env.production', 'a/server.pem', 'tls.key', 'cert.pfx', 'id_rsa', 'credentials', '.aws/credentials',
      'service-account-prod.json', 'prod.tfvars', 'secrets.yaml',
    ]);
  });
});
