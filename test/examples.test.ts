// Every example app: conformant to the provider schemas, byte-identical across synths,
// and free of paths of the machine it was synthesized on.
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { expectNoSecrets, FIXTURE_SECRETS } from './support/secrets';
import { expectConformant } from './support/synth';

type ExampleModule = { build: (app: App) => TerraformStack[] };

const examplesDir = path.join(__dirname, '..', 'examples');
const examples = fs.readdirSync(examplesDir)
  .filter(name => fs.existsSync(path.join(examplesDir, name, 'main.ts')));

function synthAll(name: string): Record<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod: ExampleModule = require(path.join(examplesDir, name, 'main.ts'));
  const app = Testing.app();
  const out: Record<string, string> = {};
  for (const stack of mod.build(app)) out[stack.node.id] = Testing.synth(stack, true);
  return out;
}

test('the quickstart is among the examples (cdktf.json runs it)', () => {
  const cdktf = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'cdktf.json'), 'utf8'));
  expect(cdktf.app).toContain('examples/quickstart/main.ts');
  expect(examples).toContain('quickstart');
});

describe.each(examples)('example %s', (name) => {
  let first: Record<string, string>;
  beforeAll(() => { first = synthAll(name); });

  test('synthesizes byte-identically twice', () => {
    expect(Object.keys(first).length).toBeGreaterThan(0);
    expect(synthAll(name)).toEqual(first);
  });

  test('holds none of the fixture secrets', () => {
    for (const json of Object.values(first)) expectNoSecrets(json, FIXTURE_SECRETS);
  });

  test('holds no absolute path of this machine', () => {
    for (const json of Object.values(first)) {
      expect(json).not.toContain(path.resolve(__dirname, '..'));
      expect(json).not.toContain(process.cwd());
    }
  });

  describe('provider conformance', () => {
    test('every resource, data source, provider and azapi body conforms', () => {
      for (const json of Object.values(first)) expectConformant(JSON.parse(json));
    });
  });
});
