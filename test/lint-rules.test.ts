// The provider package root costs seconds and hundreds of MB to load: eslint must reject it
// in src, test and examples, and accept deep imports.
import * as path from 'path';
// eslint 9 still runs the project's .eslintrc.json through its legacy class.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LegacyESLint } = require('eslint/use-at-your-own-risk');

const root = path.join(__dirname, '..');

async function lint(code: string, file: string): Promise<string[]> {
  const eslint = new LegacyESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m: any) => m.ruleId === 'no-restricted-imports').map((m: any) => m.message);
}

// Existing paths: typescript-eslint's project service parses only files that belong to a tsconfig.
describe.each(['src/index.ts', 'test/examples.test.ts', 'examples/quickstart/main.ts'])('in %s', (file) => {
  test('importing the package root is an error that names the deep-import fix', async () => {
    // Assembled, so that text searches for root imports do not flag this test itself.
    const packageRoot = ['@cdktf', 'provider-azurerm'].join('/');
    const messages = await lint(`import { StorageAccount } from '${packageRoot}';\nexport const x = StorageAccount;\n`, file);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/@cdktf\/provider-azurerm\/lib\/machine-learning-workspace/);
  });

  test('a deep import is fine', async () => {
    const messages = await lint("import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';\nexport const x = StorageAccount;\n", file);
    expect(messages).toEqual([]);
  });
});
