// `cdktf-azureml review PLAN.json [PLAN.json ...] [--format markdown|json] [--allow ADDRESS]...`
// Exit codes: 0 nothing blocks, 2 a finding blocks, 1 bad input or usage.
// The package's bin (bin/cdktf-azureml) calls main(); tests call run() with their own io.

import * as fs from 'fs';
import { parsePlan, PlanInputError } from './plan';
import { exitCodeOf, renderJson, renderMarkdown, Report } from './render';
import { reviewPlan } from './review';
import { ALL_RULES } from './rules';

/** Where the command reads and writes; replaced in tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads a file (or stdin for `-`) as UTF-8; throws Node's errors (ENOENT, EISDIR, ...). */
  readonly readFile: (path: string) => string;
}

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_BLOCKED = 2;

const PROG = 'cdktf-azureml';

export const USAGE = `Usage: ${PROG} review PLAN.json [PLAN.json ...] [--format markdown|json] [--allow ADDRESS]...

Reviews Terraform JSON plans (terraform show -json PLANFILE) for destroyed or replaced stateful
resources and security regressions. Use - to read one plan from stdin.

Options:
  --format markdown|json  report format (default: markdown, fit for a pull-request comment)
  --allow ADDRESS         accept the findings on this resource address (repeatable); they are
                          still listed, as allowed, but do not block
  -h, --help              show this help

Exit codes: 0 nothing blocks, 2 a finding blocks, 1 bad input (not a plan, unknown format, missing file).

Rules: ${ALL_RULES.map(r => r.id).join(', ')}.
Details: docs/review.md in the cdktf-azureml repository.
`;

interface Args {
  readonly files: string[];
  readonly format: 'markdown' | 'json';
  readonly allow: string[];
  readonly help: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: ReadonlyArray<string>): Args {
  const files: string[] = [];
  const allow: string[] = [];
  let format: Args['format'] = 'markdown';
  let help = false;
  let optionsDone = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsDone || arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    if (arg === '--') { optionsDone = true; continue; }
    if (arg === '-h' || arg === '--help') { help = true; continue; }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string => {
      if (eq >= 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === '--format') {
      const v = takeValue();
      if (v !== 'markdown' && v !== 'json') throw new UsageError(`--format must be markdown or json, got "${v}"`);
      format = v;
    } else if (name === '--allow') {
      const v = takeValue();
      if (v.trim() === '') throw new UsageError('--allow needs a resource address, e.g. --allow azurerm_storage_account.data');
      allow.push(v.trim());
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  return { files, format, allow, help };
}

/** Runs the command line (without the node and script arguments); returns the exit code. */
export function run(argv: ReadonlyArray<string>, io: CliIo = processIo()): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  if (command !== 'review') {
    io.stderr(`${PROG}: unknown command "${command}"\n\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  let args: Args;
  try {
    args = parseArgs(rest);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`${PROG} review: ${e.message}\n\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  if (args.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (args.files.length === 0) {
    io.stderr(`${PROG} review: name the JSON plan to review\n\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  if (args.files.filter(f => f === '-').length > 1) {
    io.stderr(`${PROG} review: stdin (-) can be read only once\n`);
    return EXIT_BAD_INPUT;
  }

  const plans = [];
  for (const file of args.files) {
    try {
      const text = readInput(io, file);
      plans.push(reviewPlan(parsePlan(text, file === '-' ? 'stdin' : file), file, { allow: args.allow }));
    } catch (e) {
      if (!(e instanceof PlanInputError)) throw e;
      io.stderr(`${PROG} review: ${e.message}\n`);
      return EXIT_BAD_INPUT;
    }
  }
  const used = new Set(plans.flatMap(p => p.findings.map(f => f.address)));
  const report: Report = { plans, unusedAllows: [...new Set(args.allow)].filter(a => !used.has(a)) };
  for (const a of report.unusedAllows) {
    io.stderr(`${PROG} review: warning: --allow ${a} matched no finding (check the address)\n`);
  }
  io.stdout(args.format === 'json' ? renderJson(report) : renderMarkdown(report));
  return exitCodeOf(report);
}

function readInput(io: CliIo, file: string): string {
  try {
    return io.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file'
      : code === 'EISDIR' ? 'it is a directory'
        : code === 'EACCES' ? 'permission denied'
          : (e as Error).message;
    throw new PlanInputError(`cannot read ${file}: ${why}`);
  }
}

/** The real process: stdout, stderr and the file system. */
export function processIo(): CliIo {
  return {
    stdout: text => { process.stdout.write(text); },
    stderr: text => { process.stderr.write(text); },
    readFile: path => fs.readFileSync(path === '-' ? 0 : path, 'utf8'),
  };
}

/** Entry point of bin/cdktf-azureml. Sets the exit code instead of exiting, so that piped output is flushed. */
export function main(argv: ReadonlyArray<string> = process.argv.slice(2)): void {
  try {
    process.exitCode = run(argv);
  } catch (e) {
    process.stderr.write(`${PROG}: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  }
}
