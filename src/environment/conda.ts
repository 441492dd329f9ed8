import * as fs from 'fs';
import { IConstruct } from 'constructs';
import { checkLocalFile } from '../core/local-path';
import { isResolved, ValidationError } from '../core/validation';
import { loadYaml } from '../core/yaml';

/**
 * A conda environment file (`name`, `channels`, `dependencies`). Its content, not a path, is sent
 * to Azure (`condaFile`), so it is part of the environment's version.
 */
export class CondaFile {
  /**
   * A conda YAML file, read at synth time (relative paths are relative to the working directory of
   * the app, like `cdktf synth`'s). Only its content reaches the Terraform JSON.
   */
  public static fromFile(filePath: string): CondaFile {
    return new CondaFile(filePath, undefined);
  }

  /** Conda YAML given as text. */
  public static fromInline(content: string): CondaFile {
    return new CondaFile(undefined, content);
  }

  private readonly filePath?: string;
  private readonly content?: string;

  private constructor(filePath: string | undefined, content: string | undefined) {
    this.filePath = filePath;
    this.content = content;
  }

  /**
   * Reads and validates the file; returns its content with line endings normalized to LF,
   * so a checkout with CRLF gives the same version.
   * @internal
   */
  public _bind(scope: IConstruct): string {
    let text: string;
    let source: string;
    if (this.filePath !== undefined) {
      source = `conda file '${this.filePath}'`;
      const abs = checkLocalFile(scope, 'conda file', this.filePath,
        'pass the path of a conda YAML file (e.g. \'env/conda.yml\'), or use CondaFile.fromInline.');
      text = fs.readFileSync(abs, 'utf8');
    } else {
      source = 'inline conda file';
      text = this.content ?? '';
      if (!isResolved(text)) {
        throw new ValidationError(scope, 'the inline conda file is a Terraform reference; its content must be known at synth time '
          + 'to derive the version and validate it.');
      }
    }
    text = text.replace(/\r\n?/g, '\n');
    checkCondaYaml(scope, source, text);
    return text;
  }
}

// Problems found per content: apps often repeat one conda file across many stacks; parse it once.
const problemsByContent = new Map<string, string | undefined>();

/** Parses a conda file with `yaml`; a defect becomes a ValidationError naming the line. */
function checkCondaYaml(scope: IConstruct, source: string, text: string): void {
  if (!problemsByContent.has(text)) problemsByContent.set(text, condaYamlProblem(text));
  const problem = problemsByContent.get(text);
  if (problem) throw new ValidationError(scope, `${source} ${problem}`);
}

/** What is wrong with a conda file, or undefined. */
function condaYamlProblem(text: string): string | undefined {
  const { isMap, isSeq, parseDocument } = loadYaml();
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = err.linePos?.[0];
    const where = pos ? `line ${pos.line}, column ${pos.col}` : 'unknown line';
    const reason = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const lineText = pos ? (text.split('\n')[pos.line - 1] ?? '').trim() : '';
    return `is not valid YAML at ${where}: ${reason}`
      + `${lineText ? ` (line ${pos!.line}: '${lineText}')` : ''}. Fix the YAML; a conda file has `
      + 'name, channels and dependencies.';
  }
  const root = doc.contents;
  if (!isMap(root)) {
    return 'is not a conda environment at line 1: the document must be a mapping with name, channels and dependencies.';
  }
  const deps = root.get('dependencies', true);
  if (deps === undefined || deps === null) {
    return "has no 'dependencies' list; add one, e.g. dependencies: [python=3.10, pip].";
  }
  if (!isSeq(deps)) {
    const line = lineOf(text, (deps as any).range?.[0]);
    return `is not a conda environment at line ${line}: 'dependencies' must be a list.`;
  }
  return undefined;
}

/** 1-based line of a character offset. */
function lineOf(text: string, offset: number | undefined): number {
  if (offset === undefined) return 1;
  return text.slice(0, offset).split('\n').length;
}
