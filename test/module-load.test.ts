// Loading the library must not load the provider package root (~1,500 modules, 8 s, 420 MB),
// nor any provider resource module that src/ does not import itself.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..');

/** Provider modules src/ imports by deep path, e.g. `lib/storage-account`. */
function providerModulesImportedBySrc(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {walk(full);} else if (entry.name.endsWith('.ts')) {
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/'@cdktf\/provider-azurerm\/(lib\/[a-z0-9-]+)'/g)) found.add(m[1]);
      }
    }
  };
  walk(path.join(root, 'src'));
  return found;
}

/** The provider modules Node has loaded after `require('<root>/src')`, as `lib/<name>` (or `lib/index.js`). */
function providerModulesLoadedByEntryPoint(): string[] {
  const script = `
    require(${JSON.stringify(path.join(root, 'src'))});
    const marker = '/node_modules/@cdktf/provider-azurerm/';
    const loaded = Object.keys(require.cache)
      .filter(k => k.includes(marker))
      .map(k => k.slice(k.indexOf(marker) + marker.length));
    process.stdout.write(JSON.stringify(loaded));`;
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    cwd: root,
    env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'test', 'tsconfig.json') },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

test('loading the entry point loads no provider module src/ does not import, and never the package root', () => {
  const loaded = providerModulesLoadedByEntryPoint();
  expect(loaded).not.toContain('lib/index.js');
  const imported = providerModulesImportedBySrc();
  const resourceModules = new Set(loaded.map(file => file.split('/').slice(0, 2).join('/')));
  expect(imported.size).toBeGreaterThan(0);
  expect([...resourceModules].filter(m => !imported.has(m)).sort()).toEqual([]);
  // Not vacuous: the modules the library instantiates at run time are loaded (type-only imports are not).
  expect([...resourceModules]).toContain('lib/role-assignment');
});
