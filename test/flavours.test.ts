// Identical output where the frameworks agree (docs/cdktn.md): every example synthesizes under cdktf and under CDK
// Terrain (cdktn, with @cdktn/provider-azurerm), and the two cdk.tf.json hold the same stacks, the same resource,
// data-source, output and provider addresses and the same attributes; only the azurerm version pin differs
// (4.55.0 vs 4.73.0). The cdktn run loads the examples and src/ afresh with jest's module registry mapping `cdktf` to
// `cdktn` and each `@cdktf/provider-azurerm/lib/<x>` they import to `@cdktn/provider-azurerm/lib/<x>`, the swap
// scripts/build-cdktn.ts makes for the cdktn-azureml package. (Runs in the cdktf jest project only.)
import * as fs from 'fs';
import * as path from 'path';
import { AZURERM_VERSION, withoutAzurermPin } from './support/flavour';

const ROOT = path.join(__dirname, '..');
const examplesDir = path.join(ROOT, 'examples');
const examples = fs.readdirSync(examplesDir).filter(name => fs.existsSync(path.join(examplesDir, name, 'main.ts')));

/** Every `@cdktf/provider-azurerm/lib/<x>` module the library and the examples import. */
function providerModules(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        walk(full);
      } else if (e.name.endsWith('.ts')) {
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/'@cdktf\/provider-azurerm\/lib\/([a-z0-9-]+)'/g)) found.add(m[1]);
      }
    }
  };
  walk(path.join(ROOT, 'src'));
  walk(examplesDir);
  return [...found].sort();
}

/** The parsed cdk.tf.json of each stack of an example, synthesized with `framework` (cdktf, or cdktn swapped in). */
function synthExample(name: string, framework: 'cdktf' | 'cdktn'): Record<string, any> {
  const out: Record<string, any> = {};
  jest.isolateModules(() => {
    if (framework === 'cdktn') {
      jest.doMock('cdktf', () => jest.requireActual('cdktn'));
      for (const m of providerModules()) {
        jest.doMock(`@cdktf/provider-azurerm/lib/${m}`, () => jest.requireActual(`@cdktn/provider-azurerm/lib/${m}`));
      }
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Testing } = require('cdktf');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(examplesDir, name, 'main.ts'));
    // The whole app, as `synth` writes it: cross-stack references (remote state) are resolved at app synthesis.
    const app = Testing.app();
    const stacks = mod.build(app);
    app.synth();
    for (const stack of stacks) {
      out[stack.node.id] = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8'));
    }
  });
  // Mocks outlive isolateModules: drop them, or the next cdktf run would load cdktn.
  if (framework === 'cdktn') {
    jest.dontMock('cdktf');
    for (const m of providerModules()) jest.dontMock(`@cdktf/provider-azurerm/lib/${m}`);
  }
  return out;
}

/** `kind.type.name` of every block that gets an address (resources, data sources, outputs, variables, ...). */
function addresses(json: any): string[] {
  const out: string[] = [];
  for (const kind of ['resource', 'data']) {
    for (const [type, items] of Object.entries<any>(json[kind] ?? {})) out.push(...Object.keys(items).map(n => `${kind}.${type}.${n}`));
  }
  for (const kind of ['output', 'variable', 'locals', 'provider', 'moved', 'import']) {
    out.push(...Object.keys(json[kind] ?? {}).map(n => `${kind}.${n}`));
  }
  return out.sort();
}

describe.each(examples)('example %s under cdktf and cdktn', (name) => {
  let cdktf: Record<string, any>;
  let cdktn: Record<string, any>;
  beforeAll(() => {
    cdktf = synthExample(name, 'cdktf');
    cdktn = synthExample(name, 'cdktn');
  });

  test('the flavours really differ in their bindings: azurerm 4.55.0 vs 4.73.0', () => {
    for (const json of Object.values(cdktf)) expect(json.terraform.required_providers.azurerm.version).toBe(AZURERM_VERSION.cdktf);
    for (const json of Object.values(cdktn)) expect(json.terraform.required_providers.azurerm.version).toBe(AZURERM_VERSION.cdktn);
  });

  test('the same stacks and the same addresses', () => {
    expect(Object.keys(cdktn).sort()).toEqual(Object.keys(cdktf).sort());
    for (const id of Object.keys(cdktf)) {
      expect(addresses(cdktf[id]).length).toBeGreaterThan(0);
      expect(addresses(cdktn[id])).toEqual(addresses(cdktf[id]));
    }
  });

  test('the same attributes everywhere, except the azurerm version pin', () => {
    for (const id of Object.keys(cdktf)) expect(withoutAzurermPin(cdktn[id])).toEqual(withoutAzurermPin(cdktf[id]));
  });
});
