// Every TypeScript block of README.md and docs/*.md, and every example, type-checks against the library's sources
// (`cdktf-azureml` resolves to src/index.ts) with the repository's compiler options, including noUnusedLocals.
// One program for all of them. Blocks may use the names declared in test/fixtures/docs/globals.d.ts.txt.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
/** Where the blocks live in the virtual file system (beside test/, so node_modules resolves as for tests). */
const VIRTUAL_DIR = path.join(ROOT, 'test', '.doc-blocks');
/** The names blocks may use undeclared; a .txt in the repository so the test compilation does not see them. */
const GLOBALS_SOURCE = path.join(ROOT, 'test', 'fixtures', 'docs', 'globals.d.ts.txt');
const GLOBALS = path.join(VIRTUAL_DIR, 'globals.d.ts');

export interface DocBlock {
  /** Markdown file, relative to the repository root. */
  readonly doc: string;
  /** 1-based line of the first code line in the markdown file. */
  readonly line: number;
  readonly code: string;
}

/** The ```ts / ```typescript blocks of a markdown text. */
export function extractBlocks(doc: string, markdown: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i])) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    blocks.push({ doc, line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

function markdownFiles(): string[] {
  const docsDir = path.join(ROOT, 'docs');
  const docs = fs.existsSync(docsDir) ? fs.readdirSync(docsDir).filter(f => f.endsWith('.md')).sort().map(f => `docs/${f}`) : [];
  return ['README.md', ...docs];
}

function exampleFiles(dir = path.join(ROOT, 'examples')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'cdktf.out' ? [] : exampleFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return {
    ...parsed.options,
    noEmit: true,
    declaration: false,
    rootDir: ROOT,
    baseUrl: ROOT,
    paths: { 'cdktf-azureml': ['src/index.ts'] },
    types: ['node'],
  };
}

/** Type errors of every block and example, as `<file>:<line>: <message>` with markdown line numbers. */
function typeErrors(): { errors: string[]; blocks: number; examples: number } {
  const virtual = new Map<string, DocBlock>();
  for (const doc of markdownFiles()) {
    for (const block of extractBlocks(doc, fs.readFileSync(path.join(ROOT, doc), 'utf8'))) {
      virtual.set(path.join(VIRTUAL_DIR, `${doc.replace(/[^A-Za-z0-9]/g, '_')}_L${block.line}.ts`), block);
    }
  }
  const examples = exampleFiles();
  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  // A block without import/export would be a global script: make each one a module. The globals stay a script.
  const globals = fs.readFileSync(GLOBALS_SOURCE, 'utf8');
  const isVirtual = (file: string) => virtual.has(file) || file === GLOBALS;
  const text = (file: string) => (file === GLOBALS ? globals : `${virtual.get(file)!.code}\nexport {};\n`);
  host.fileExists = f => isVirtual(f) || fileExists.call(host, f);
  host.readFile = f => (isVirtual(f) ? text(f) : readFile.call(host, f));
  host.getSourceFile = (f, lang, onError, create) => (isVirtual(f)
    ? ts.createSourceFile(f, text(f), lang, true)
    : getSourceFile.call(host, f, lang, onError, create));
  const program = ts.createProgram([GLOBALS, ...virtual.keys(), ...examples], options, host);

  const errors: string[] = [];
  for (const file of [...virtual.keys(), ...examples]) {
    const sf = program.getSourceFile(file)!;
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      const { line } = sf.getLineAndCharacterOfPosition(d.start ?? 0);
      const block = virtual.get(file);
      const where = block ? `${block.doc}:${block.line + line}` : `${path.relative(ROOT, file)}:${line + 1}`;
      errors.push(`${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    }
  }
  return { errors, blocks: virtual.size, examples: examples.length };
}

describe('documentation and examples compile', () => {
  test('block extraction: only ts/typescript fences, with their markdown line', () => {
    const md = ['# t', '```ts', 'const a = 1;', '```', '```sh', 'npm test', '```', '```typescript', 'let b;', 'b = 2;', '```'].join('\n');
    expect(extractBlocks('x.md', md)).toEqual([
      { doc: 'x.md', line: 3, code: 'const a = 1;' },
      { doc: 'x.md', line: 9, code: 'let b;\nb = 2;' },
    ]);
  });

  test('every TypeScript block of README.md and docs/*.md, and every example, type-checks', () => {
    const { errors, blocks, examples } = typeErrors();
    expect(blocks).toBeGreaterThan(5);
    expect(examples).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
  });
});
