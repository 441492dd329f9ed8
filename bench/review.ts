// `npm run bench:review` (also the last step of `npm run bench`): speed of `cdktf-azureml review` on a
// plan of 5,000 resource changes. Target: well under 2 s for the whole process.
//
// 1. Transpiles src/review to CommonJS (tsconfig.json's options) into node_modules/.cache/cdktf-azureml-bench-review,
//    so the measurement runs JavaScript as the published bin does.
// 2. Builds a plan of --changes resource changes (default 5000) by repeating, under new addresses, the resource
//    changes of the real plans in ../shared/cases/terraform-plans (when present) and of test/fixtures/plans:
//    creates, updates, replaces, deletes, azurerm and azapi, with real attribute sizes.
// 3. Runs the command in a fresh Node process per run (1 warm-up, then --runs runs): wall time, JSON and Markdown;
//    and, in this process, the time of each phase (parse, review, render).
// 4. Writes bench/results/review-latest.json and the results section of docs/review.md.
//
// Options: --changes <n> (5000), --runs <k> (7), --quick (2 runs, nothing written), --no-write.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const BUILD = path.join(ROOT, 'node_modules', '.cache', 'cdktf-azureml-bench-review');
const RESULTS = path.join(ROOT, 'bench', 'results', 'review-latest.json');
const DOC = path.join(ROOT, 'docs', 'review.md');
const TARGET_MS = 2000;

interface Options { changes: number; runs: number; write: boolean }

function parseOptions(argv: string[]): Options {
  const opts: Options = { changes: 5000, runs: 7, write: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--changes') {
      opts.changes = Number(argv[++i]);
    } else if (a === '--runs') {
      opts.runs = Number(argv[++i]);
    } else if (a === '--quick') {
      opts.runs = 2;
      opts.write = false;
    } else if (a === '--no-write') {
      opts.write = false;
    } else {
      throw new Error(`unknown option ${a}; see the header of bench/review.ts`);
    }
  }
  return opts;
}

function compile(): void {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: d => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  });
  if (!parsed) throw new Error('cannot read tsconfig.json');
  const compilerOptions: ts.CompilerOptions = {
    ...parsed.options, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, declaration: false, noEmit: false,
  };
  fs.rmSync(BUILD, { recursive: true, force: true });
  const dir = path.join(ROOT, 'src', 'review');
  fs.mkdirSync(path.join(BUILD, 'review'), { recursive: true });
  for (const f of fs.readdirSync(dir).filter(x => x.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(dir, f), 'utf8'), { compilerOptions, fileName: f });
    fs.writeFileSync(path.join(BUILD, 'review', f.replace(/\.ts$/, '.js')), outputText);
  }
}

/** The resource changes to repeat: real plans when ../shared is there, and the test fixtures. */
function templates(): { changes: any[]; from: string[] } {
  const from: string[] = [];
  const changes: any[] = [];
  const dirs = [path.join(ROOT, '..', 'shared', 'cases', 'terraform-plans'), path.join(ROOT, 'test', 'fixtures', 'plans')];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter(x => x.endsWith('.json')).sort()) {
      try {
        const plan = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
        if (!Array.isArray(plan.resource_changes) || !String(plan.format_version).startsWith('1.')) continue;
        changes.push(...plan.resource_changes);
        from.push(path.relative(ROOT, path.join(dir, f)));
      } catch {
        // bad-input fixtures are not plans
      }
    }
  }
  return { changes, from };
}

function buildPlan(n: number, file: string): { bytes: number; actions: Record<string, number>; from: string[] } {
  const { changes, from } = templates();
  const out: any[] = [];
  const actions: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const t = changes[i % changes.length];
    const address = `module.copy${Math.floor(i / changes.length)}.${t.address}`;
    out.push({ ...t, address, module_address: `module.copy${Math.floor(i / changes.length)}` });
    const key = t.change.actions.join('+');
    actions[key] = (actions[key] ?? 0) + 1;
  }
  const text = JSON.stringify({ format_version: '1.2', terraform_version: '1.11.4', planned_values: { root_module: {} }, resource_changes: out });
  fs.writeFileSync(file, text);
  return { bytes: text.length, actions, from };
}

interface Stat { median: number; min: number; max: number }
function stat(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length / 2;
  return { median: s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1] };
}

/** One run of the command in a fresh process: wall time measured here, CPU time (user + system) reported by the child. */
function runCli(planFile: string, format: string): { ms: number; cpuMs: number; status: number | null } {
  const cli = JSON.stringify(path.join(BUILD, 'review', 'cli.js'));
  const script = "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\nCPU ' + (u.user + u.system) / 1000); });"
    + `require(${cli}).main(process.argv.slice(1));`;
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', script, 'review', planFile, '--format', format], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 2 && r.status !== 0) throw new Error(`review failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  const cpu = /CPU ([\d.]+)$/.exec(r.stderr);
  return { ms, cpuMs: cpu ? Number(cpu[1]) : NaN, status: r.status };
}

function phases(planFile: string): Record<string, number> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { parsePlan } = require(path.join(BUILD, 'review', 'plan.js'));
  const { reviewPlan } = require(path.join(BUILD, 'review', 'review.js'));
  const { renderJson, renderMarkdown } = require(path.join(BUILD, 'review', 'render.js'));
  /* eslint-enable @typescript-eslint/no-require-imports */
  const t = () => Number(process.hrtime.bigint()) / 1e6;
  const t0 = t();
  const text = fs.readFileSync(planFile, 'utf8');
  const t1 = t();
  const plan = parsePlan(text, planFile);
  const t2 = t();
  const review = reviewPlan(plan, planFile);
  const t3 = t();
  renderJson({ plans: [review], unusedAllows: [] });
  const t4 = t();
  renderMarkdown({ plans: [review], unusedAllows: [] });
  const t5 = t();
  return { readMs: t1 - t0, parseMs: t2 - t1, reviewMs: t3 - t2, renderJsonMs: t4 - t3, renderMarkdownMs: t5 - t4, findings: review.findings.length };
}

function main(): void {
  const opts = parseOptions(process.argv.slice(2));
  compile();
  const planFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-review-')), 'plan.json');
  const built = buildPlan(opts.changes, planFile);
  process.stderr.write(`plan of ${opts.changes} resource changes, ${(built.bytes / 2 ** 20).toFixed(1)} MB, from ${built.from.length} plans\n`);

  runCli(planFile, 'json'); // warm-up (file cache)
  const json: number[] = [];
  const markdown: number[] = [];
  const cpu: number[] = [];
  const inProcess: Array<Record<string, number>> = [];
  let status: number | null = null;
  for (let r = 0; r < opts.runs; r++) {
    const j = runCli(planFile, 'json');
    status = j.status;
    json.push(j.ms);
    cpu.push(j.cpuMs);
    markdown.push(runCli(planFile, 'markdown').ms);
    inProcess.push(phases(planFile));
    process.stderr.write(`run ${r + 1}/${opts.runs}: json ${j.ms.toFixed(0)} ms (CPU ${j.cpuMs.toFixed(0)} ms), markdown ${markdown[r].toFixed(0)} ms\n`);
  }
  const phase = (k: string) => stat(inProcess.map(p => p[k]));
  const cpus = os.cpus();
  const result = {
    machine: {
      date: new Date().toISOString(),
      nproc: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      node: process.version,
      loadAverageAtStart: os.loadavg().map(l => Math.round(l * 100) / 100),
    },
    plan: { resourceChanges: opts.changes, megabytes: Math.round(built.bytes / 2 ** 20 * 10) / 10, actions: built.actions, from: built.from },
    runs: opts.runs,
    exitCode: status,
    findings: inProcess[0]?.findings,
    processWallMs: { json: stat(json), markdown: stat(markdown) },
    processCpuMs: { json: stat(cpu) },
    inProcessMs: {
      read: phase('readMs'),
      parse: phase('parseMs'),
      review: phase('reviewMs'),
      renderJson: phase('renderJsonMs'),
      renderMarkdown: phase('renderMarkdownMs'),
    },
    // On a shared machine the wall time mostly measures the other processes: both are reported, CPU time is the
    // measure of the command's own cost.
    target: {
      processMsBelow: TARGET_MS,
      cpuMet: stat(cpu).median < TARGET_MS,
      wallMet: Math.min(...json) < TARGET_MS,
    },
  };
  fs.rmSync(path.dirname(planFile), { recursive: true, force: true });

  const md = render(result);
  process.stdout.write(`${md}\n`);
  if (opts.write) {
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    writeDoc(md);
    process.stderr.write(`wrote ${path.relative(ROOT, RESULTS)} and the results section of ${path.relative(ROOT, DOC)}\n`);
  }
}

const START = '<!-- bench:review:start (generated by npm run bench:review; do not edit by hand) -->';
const END = '<!-- bench:review:end -->';

function render(r: any): string {
  const f = (s: Stat) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  const lines = [
    `Measured ${r.machine.date.slice(0, 10)} on ${r.machine.nproc} cores (${r.machine.cpuModel}), Node ${r.machine.node}, load average at start `
      + `${r.machine.loadAverageAtStart.join(' / ')} (shared machine). A plan of ${r.plan.resourceChanges} resource changes (${r.plan.megabytes} MB, `
      + `copied from ${r.plan.from.length} real and fixture plans), ${r.findings} findings, exit code ${r.exitCode}; `
      + `1 warm-up + ${r.runs} runs, each a fresh Node process; median (min–max) in ms.`,
    '',
    '| measurement | ms |',
    '| --- | --- |',
    `| whole process, \`--format json\` | ${f(r.processWallMs.json)} |`,
    `| whole process, \`--format json\`, CPU time (user + system) | ${f(r.processCpuMs.json)} |`,
    `| whole process, Markdown | ${f(r.processWallMs.markdown)} |`,
    `| in process: read the file | ${f(r.inProcessMs.read)} |`,
    `| in process: JSON.parse and validate | ${f(r.inProcessMs.parse)} |`,
    `| in process: classify (rules) | ${f(r.inProcessMs.review)} |`,
    `| in process: render JSON | ${f(r.inProcessMs.renderJson)} |`,
    `| in process: render Markdown | ${f(r.inProcessMs.renderMarkdown)} |`,
    '',
    `Target, the whole process under ${TARGET_MS} ms: median CPU time ${r.processCpuMs.json.median.toFixed(0)} ms, `
      + `**${r.target.cpuMet ? 'met' : 'not met'}**; fastest wall time ${r.processWallMs.json.min.toFixed(0)} ms, **${r.target.wallMet ? 'met' : 'not met'}** `
      + `(wall time includes waiting for a CPU: load average ${r.machine.loadAverageAtStart[0]} on ${r.machine.nproc} cores).`,
  ];
  return lines.join('\n');
}

function writeDoc(markdown: string): void {
  if (!fs.existsSync(DOC)) return;
  const doc = fs.readFileSync(DOC, 'utf8');
  if (!doc.includes(START) || !doc.includes(END)) return;
  fs.writeFileSync(DOC, `${doc.slice(0, doc.indexOf(START) + START.length)}\n${markdown}\n${doc.slice(doc.indexOf(END))}`);
}

if (require.main === module) main();
