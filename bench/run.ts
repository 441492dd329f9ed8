// `npm run bench`: synth speed and memory of the library's reference stack against the same
// resources written with raw, deep-imported L1 classes. See docs/benchmarks.md.
//
// 1. Transpiles src/ and bench/ to CommonJS with the compiler options of tsconfig.json (the ones
//    jsii compiles the package with) into node_modules/.cache/cdktf-azureml-bench, so every
//    measurement runs compiled JavaScript as users do, not ts-node.
// 2. For each variant (library, l1) and N (1, 10, 100 reference stacks in one App), starts a fresh
//    Node process per run (bench/child.ts): wall time to synthesized JSON, in-process time
//    (construct + synth), peak RSS. One warm-up run, then --runs runs, variants interleaved so
//    that load from other processes hits both alike.
// 3. Module load: the library's entry point against exactly the L1 modules the baseline uses.
// 4. Writes bench/results/latest.json and the results section of docs/benchmarks.md.
//
// Options: --runs <k> (default 9, at least 5 unless --quick), --warmup <k> (1), --n 1,10,100,
//          --quick (2 runs, no files written), --no-profile (skip the --cpu-prof run per variant at the largest N),
//          --no-write (print only).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import type { ChildReport } from './child';
import { l1ModuleSet } from './l1-modules';

const ROOT = path.resolve(__dirname, '..');
const BUILD = path.join(ROOT, 'node_modules', '.cache', 'cdktf-azureml-bench');
const CHILD = path.join(BUILD, 'bench', 'child.js');
const RESULTS = path.join(ROOT, 'bench', 'results', 'latest.json');
const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
const VARIANTS = ['library', 'l1'] as const;
type Variant = typeof VARIANTS[number];

// ---------------------------------------------------------------------------------------------
// Targets (issue 7)
const TARGET_SYNTH_RATIO = 1.2;
const TARGET_LOAD_RATIO = 1.5;
const TARGET_IN_PROCESS_MS_AT_100 = 3000;
const TARGET_PEAK_RSS_MB = 250;
/** Cost is linear when the marginal cost per stack from 10 to 100 stacks is at most this times the one from 1 to 10. */
const LINEARITY_TOLERANCE = 1.25;

interface Options {
  runs: number;
  warmup: number;
  ns: number[];
  write: boolean;
  profile: boolean;
}

function parseOptions(argv: string[]): Options {
  const opts: Options = { runs: 9, warmup: 1, ns: [1, 10, 100], write: true, profile: true };
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--warmup') opts.warmup = Number(argv[++i]);
    else if (a === '--n') opts.ns = argv[++i].split(',').map(Number);
    else if (a === '--no-write') opts.write = false;
    else if (a === '--no-profile') opts.profile = false;
    else if (a === '--quick') quick = true;
    else throw new Error(`unknown option ${a}; see the header of bench/run.ts`);
  }
  if (quick) {
    opts.runs = Math.min(opts.runs, 2);
    opts.write = false;
  } else if (opts.runs < 5) {
    throw new Error('--runs must be at least 5 for published results (use --quick for a smoke run)');
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Compilation

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTs(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/**
 * Transpiles src/ and bench/ with tsconfig.json's compiler options (module forced to CommonJS, which
 * is what `node16` emits for this CommonJS package). Type errors are the job of `tsc`/jsii, not of
 * the benchmark: transpiling file by file keeps the benchmark usable while others edit src/.
 */
function compile(): number {
  const started = Date.now();
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: d => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  });
  if (!parsed) throw new Error('cannot read tsconfig.json');
  const compilerOptions: ts.CompilerOptions = {
    ...parsed.options,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    declaration: false,
    noEmit: false,
  };
  fs.rmSync(BUILD, { recursive: true, force: true });
  for (const file of [...listTs(path.join(ROOT, 'src')), ...listTs(path.join(ROOT, 'bench'))]) {
    const rel = path.relative(ROOT, file);
    const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
    const target = path.join(BUILD, rel.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  return Date.now() - started;
}

// ---------------------------------------------------------------------------------------------
// Running children

interface Run extends ChildReport {
  /** Wall time of the whole child process, measured by the parent. */
  readonly wallMs: number;
}

function runChild(args: string[], nodeArgs: string[] = []): Run {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [...nodeArgs, CHILD, ...args], {
    cwd: BUILD,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1', CHECKPOINT_DISABLE: '1' },
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`child ${args.join(' ')} failed (exit ${result.status}):\n${(result.stderr || '').slice(-4000)}`);
  }
  const lines = result.stdout.trim().split('\n');
  return { ...JSON.parse(lines[lines.length - 1]) as ChildReport, wallMs };
}

function synthRun(variant: Variant, n: number, keep?: (outdir: string) => void, nodeArgs: string[] = []): Run {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${variant}-${n}-`));
  try {
    const run = runChild(['synth', variant, String(n), outdir], nodeArgs);
    keep?.(outdir);
    return run;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Resource counts per Terraform type in the first stack, and in all stacks together. */
function countResources(outdir: string): { perStack: Record<string, number>; total: number } {
  const stacksDir = path.join(outdir, 'stacks');
  let total = 0;
  let perStack: Record<string, number> = {};
  for (const stack of fs.readdirSync(stacksDir)) {
    const json = JSON.parse(fs.readFileSync(path.join(stacksDir, stack, 'cdk.tf.json'), 'utf8'));
    const counts: Record<string, number> = {};
    for (const [type, byName] of Object.entries<Record<string, unknown>>(json.resource ?? {})) {
      counts[type] = Object.keys(byName).length;
      total += counts[type];
    }
    if (stack === 'ref0') perStack = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
  }
  return { perStack, total };
}

// ---------------------------------------------------------------------------------------------
// Statistics

interface Stat { median: number; min: number; max: number; q1: number; q3: number; runs: number }

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function stat(values: number[]): Stat {
  const s = [...values].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), min: s[0], max: s[s.length - 1], q1: quantile(s, 0.25), q3: quantile(s, 0.75), runs: s.length };
}

/** Least-squares line through (x, y), with R². */
function fit(points: Array<[number, number]>): { slope: number; intercept: number; r2: number } {
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = my - slope * mx;
  const ssTot = points.reduce((a, [, y]) => a + (y - my) ** 2, 0);
  const ssRes = points.reduce((a, [x, y]) => a + (y - (intercept + slope * x)) ** 2, 0);
  return { slope, intercept, r2: ssTot === 0 ? 1 : 1 - ssRes / ssTot };
}

const SYNTH_METRICS = ['wallMs', 'inProcessMs', 'inProcessCpuMs', 'constructMs', 'synthMs', 'loadMs', 'maxRssKb'] as const;
const LOAD_METRICS = ['wallMs', 'loadMs', 'maxRssKb', 'modulesLoaded'] as const;

interface SynthResult {
  readonly n: number;
  readonly stats: Record<Variant, Record<typeof SYNTH_METRICS[number], Stat>>;
  readonly ratios: Record<typeof SYNTH_METRICS[number], number>;
}

// ---------------------------------------------------------------------------------------------
// CPU profile summary

interface ProfileSummary {
  readonly variant: Variant;
  readonly n: number;
  readonly totalMs: number;
  readonly byArea: Array<{ area: string; selfMs: number; share: number }>;
  readonly topFunctions: Array<{ fn: string; where: string; selfMs: number }>;
  readonly topInclusive: Array<{ fn: string; where: string; totalMs: number }>;
}

function areaOf(url: string): string {
  if (!url) return '(native, gc, idle)';
  if (url.startsWith('node:')) return 'node internals';
  const nm = url.lastIndexOf('/node_modules/');
  const inBuild = url.indexOf('/cdktf-azureml-bench/');
  if (inBuild >= 0) {
    const rel = url.slice(inBuild + '/cdktf-azureml-bench/'.length);
    return rel.startsWith('src/') ? `library ${rel}` : `bench ${rel}`;
  }
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    const pkg = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    if (pkg === 'cdktf') return `cdktf ${parts.slice(1).join('/')}`;
    return pkg;
  }
  return url;
}

function summarizeProfile(file: string, variant: Variant, n: number): ProfileSummary {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map<number, any>(prof.nodes.map((node: any) => [node.id, node]));
  const self = new Map<number, number>();
  prof.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000));
  const areas = new Map<string, number>();
  const fns = new Map<string, { fn: string; where: string; selfMs: number }>();
  let totalMs = 0;
  for (const [id, ms] of self) {
    const cf = byId.get(id).callFrame;
    totalMs += ms;
    const area = areaOf(cf.url);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const where = `${area}:${cf.lineNumber + 1}`;
    const key = `${cf.functionName}@${where}`;
    const entry = fns.get(key) ?? { fn: cf.functionName || '(anonymous)', where, selfMs: 0 };
    entry.selfMs += ms;
    fns.set(key, entry);
  }
  // Inclusive time of library (src/) and reference-stack functions: each sample counts once per function on its stack.
  const parent = new Map<number, number>();
  for (const node of prof.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const inclusive = new Map<string, { fn: string; where: string; totalMs: number }>();
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = byId.get(cur).callFrame;
      const area = areaOf(cf.url);
      if (!area.startsWith('library') && !area.startsWith('bench')) continue;
      const where = `${area}:${cf.lineNumber + 1}`;
      const key = `${cf.functionName}@${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = inclusive.get(key) ?? { fn: cf.functionName || '(anonymous)', where, totalMs: 0 };
      entry.totalMs += ms;
      inclusive.set(key, entry);
    }
  }
  return {
    variant,
    n,
    totalMs,
    topInclusive: [...inclusive.values()].sort((a, b) => b.totalMs - a.totalMs).slice(0, 25),
    byArea: [...areas].map(([area, ms]) => ({ area, selfMs: ms, share: ms / totalMs })).sort((a, b) => b.selfMs - a.selfMs).slice(0, 15),
    topFunctions: [...fns.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, 20),
  };
}

// ---------------------------------------------------------------------------------------------
// Main

function log(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    nproc: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map(l => Math.round(l * 100) / 100),
  };
}

function main(): void {
  const opts = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const env = machine();
  log(`machine: ${JSON.stringify(env)}`);
  const compileMs = compile();
  log(`compiled src/ and bench/ to ${path.relative(ROOT, BUILD)} in ${compileMs} ms`);

  // Which variants work at all (the library variant needs the constructs to exist).
  const available: Variant[] = [];
  const unavailable: Record<string, string> = {};
  const resources: Record<string, { perStack: Record<string, number>; total: number }> = {};
  for (const v of VARIANTS) {
    try {
      synthRun(v, 1, outdir => { resources[v] = countResources(outdir); });
      available.push(v);
    } catch (e) {
      unavailable[v] = (e as Error).message.split('\n').slice(0, 6).join(' ');
      log(`variant ${v} is unavailable: ${unavailable[v]}`);
    }
  }
  if (available.length === 0) throw new Error('no variant synthesizes');

  // Synth runs: warm-up, then interleaved runs (alternating which variant goes first).
  const runs: Record<string, Run[]> = {};
  for (const n of opts.ns) {
    for (const v of available) {
      for (let w = 0; w < opts.warmup; w++) synthRun(v, n);
    }
    for (let r = 0; r < opts.runs; r++) {
      const order = r % 2 === 0 ? available : [...available].reverse();
      for (const v of order) {
        const run = synthRun(v, n);
        (runs[`${v}:${n}`] ??= []).push(run);
        log(`synth ${v.padEnd(7)} N=${String(n).padStart(3)} run ${r + 1}/${opts.runs}: wall ${run.wallMs.toFixed(0)} ms, `
          + `in-process ${run.inProcessMs!.toFixed(0)} ms, peak RSS ${(run.maxRssKb / 1024).toFixed(0)} MB`);
      }
    }
  }

  // Work per stack, counted (not timed, so free of noise), at N = 10.
  const work: Record<string, unknown> = {};
  for (const v of available) {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-count-${v}-`));
    try {
      work[v] = runChild(['count', v, '10', outdir]).work;
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }

  // Module load: the library's entry point against the L1 modules the baseline uses.
  const loadModules: Record<Variant, string[]> = { library: ['../src'], l1: l1ModuleSet() };
  const loadRuns: Record<string, Run[]> = {};
  for (const v of available) {
    for (let w = 0; w < opts.warmup; w++) runChild(['load', v, ...loadModules[v]]);
  }
  // Loading takes well under a second: twice the runs, for a steadier median on a shared machine.
  for (let r = 0; r < 2 * opts.runs; r++) {
    const order = r % 2 === 0 ? available : [...available].reverse();
    for (const v of order) (loadRuns[v] ??= []).push(runChild(['load', v, ...loadModules[v]]));
  }

  // Statistics and ratios.
  const synth: SynthResult[] = opts.ns.map(n => {
    const stats = {} as SynthResult['stats'];
    for (const v of available) {
      stats[v] = Object.fromEntries(SYNTH_METRICS.map(m => [m, stat(runs[`${v}:${n}`].map(run => (run as any)[m] as number))])) as any;
    }
    const ratios = Object.fromEntries(SYNTH_METRICS.map(m => [m,
      stats.library && stats.l1 ? stats.library[m].median / stats.l1[m].median : NaN])) as SynthResult['ratios'];
    return { n, stats, ratios };
  });
  const load: Record<string, unknown> = {};
  for (const v of available) {
    load[v] = {
      modules: loadModules[v],
      providerModules: loadRuns[v][0].providerModules,
      ...Object.fromEntries(LOAD_METRICS.map(m => [m, stat(loadRuns[v].map(run => (run as any)[m] as number))])),
    };
  }
  const loadStat = (v: Variant, m: string): Stat | undefined => (load[v] as any)?.[m];
  const loadRatio = loadStat('library', 'loadMs') && loadStat('l1', 'loadMs')
    ? loadStat('library', 'loadMs')!.median / loadStat('l1', 'loadMs')!.median : NaN;

  // Scaling: slope per stack of in-process time and peak RSS.
  const scaling: Record<string, unknown> = {};
  for (const v of available) {
    const pts = (m: 'inProcessMs' | 'maxRssKb', scale: number): Array<[number, number]> =>
      synth.map(s => [s.n, s.stats[v][m].median / scale]);
    const msFit = fit(pts('inProcessMs', 1));
    const mbFit = fit(pts('maxRssKb', 1024));
    const at = (n: number, m: 'inProcessMs' | 'maxRssKb') => synth.find(s => s.n === n)?.stats[v][m].median;
    const marginal = (m: 'inProcessMs' | 'maxRssKb') => {
      const [a, b, c] = [at(1, m), at(10, m), at(100, m)];
      if (a === undefined || b === undefined || c === undefined) return undefined;
      return { from1to10: (b - a) / 9, from10to100: (c - b) / 90, ratio: ((c - b) / 90) / ((b - a) / 9) };
    };
    scaling[v] = {
      msPerStack: msFit.slope,
      msIntercept: msFit.intercept,
      msR2: msFit.r2,
      msMarginal: marginal('inProcessMs'),
      mbPerStack: mbFit.slope,
      mbIntercept: mbFit.intercept,
      mbR2: mbFit.r2,
      mbMarginal: (() => { const m = marginal('maxRssKb'); return m && { from1to10: m.from1to10 / 1024, from10to100: m.from10to100 / 1024, ratio: m.ratio }; })(),
    };
  }

  // Targets.
  const at100 = synth.find(s => s.n === 100);
  const lib100 = at100?.stats.library;
  const libScaling = scaling.library as any;
  const linear = (m: any) => m === undefined ? undefined : m.ratio <= LINEARITY_TOLERANCE;
  const targets = [
    {
      target: `synth ratio (in-process, library / L1) at N = 100 <= ${TARGET_SYNTH_RATIO}`,
      measured: at100 ? at100.ratios.inProcessMs : NaN,
      note: at100 && lib100 && at100.stats.l1 ? `CPU-time ratio ${at100.ratios.inProcessCpuMs.toFixed(2)}; fastest runs ${
        (lib100.inProcessMs.min / at100.stats.l1.inProcessMs.min).toFixed(2)}` : undefined,
      met: at100 ? at100.ratios.inProcessMs <= TARGET_SYNTH_RATIO : undefined,
    },
    {
      target: `module-load ratio (library entry point / L1 modules) <= ${TARGET_LOAD_RATIO}`,
      measured: loadRatio,
      met: Number.isNaN(loadRatio) ? undefined : loadRatio <= TARGET_LOAD_RATIO,
    },
    {
      target: `100 reference stacks in-process (construct + synth) <= ${TARGET_IN_PROCESS_MS_AT_100} ms`,
      measured: lib100?.inProcessMs.median ?? NaN,
      note: lib100 ? `fastest run ${lib100.inProcessMs.min.toFixed(0)} ms; CPU time ${lib100.inProcessCpuMs.median.toFixed(0)} ms; `
        + `L1 baseline ${at100!.stats.l1?.inProcessMs.median.toFixed(0) ?? 'n/a'} ms` : undefined,
      met: lib100 ? lib100.inProcessMs.median <= TARGET_IN_PROCESS_MS_AT_100 : undefined,
    },
    {
      target: `peak RSS at N = 100 (worst run) <= ${TARGET_PEAK_RSS_MB} MB`,
      measured: lib100 ? lib100.maxRssKb.max / 1024 : NaN,
      met: lib100 ? lib100.maxRssKb.max / 1024 <= TARGET_PEAK_RSS_MB : undefined,
    },
    {
      target: `cost linear in N (marginal ms/stack and MB/stack from 10 to 100 <= ${LINEARITY_TOLERANCE} x from 1 to 10)`,
      measured: libScaling ? `${libScaling.msPerStack.toFixed(1)} ms/stack, ${libScaling.mbPerStack.toFixed(2)} MB/stack` : 'n/a',
      met: libScaling?.msMarginal ? Boolean(linear(libScaling.msMarginal) && linear(libScaling.mbMarginal)) : undefined,
    },
  ];

  // Optional CPU profiles at the largest N.
  const profiles: ProfileSummary[] = [];
  if (opts.profile) {
    const n = Math.max(...opts.ns);
    for (const v of available) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-prof-${v}-`));
      synthRun(v, n, undefined, ['--cpu-prof', '--cpu-prof-dir', dir]);
      const file = fs.readdirSync(dir).find(f => f.endsWith('.cpuprofile'))!;
      profiles.push(summarizeProfile(path.join(dir, file), v, n));
      log(`profile ${v} N=${n}: ${path.join(dir, file)}`);
    }
  }

  const result = {
    machine: env,
    method: {
      runs: opts.runs,
      loadRuns: 2 * opts.runs,
      warmup: opts.warmup,
      ns: opts.ns,
      compileMs,
      compiled: 'src/ and bench/ transpiled with tsconfig.json compiler options (CommonJS, ES2022), run with plain node',
    },
    unavailable,
    resources,
    work,
    synth,
    load: { ...load, ratio: loadRatio },
    scaling,
    targets,
    profiles,
    benchDurationS: Math.round((Date.now() - started) / 1000),
  };

  const markdown = renderMarkdown(result);
  process.stdout.write(`${markdown}\n`);
  if (opts.write) {
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    writeDoc(markdown);
    log(`wrote ${path.relative(ROOT, RESULTS)} and the results section of ${path.relative(ROOT, DOC)}`);
  }
  log(`bench took ${result.benchDurationS} s`);
}

// ---------------------------------------------------------------------------------------------
// Markdown

const START = '<!-- bench:results:start (generated by npm run bench; do not edit by hand) -->';
const END = '<!-- bench:results:end -->';

function fmtStat(s: Stat | undefined, scale = 1, digits = 0): string {
  if (!s) return 'n/a';
  const f = (x: number) => (x / scale).toFixed(digits);
  return `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

function fmtRatio(x: number): string {
  return Number.isFinite(x) ? x.toFixed(2) : 'n/a';
}

function renderMarkdown(r: any): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(`Measured ${m.date.slice(0, 10)} on ${m.nproc} cores (${m.cpuModel}), ${m.memoryGb} GB RAM, Node ${m.node}, `
    + `${m.platform}; load average at start ${m.loadAverageAtStart.join(' / ')} (the machine was shared). `
    + `${r.method.warmup} warm-up + ${r.method.runs} runs per cell, each a fresh Node process; median (min–max). `
    + `Bench took ${r.benchDurationS} s.`);
  lines.push('');
  for (const [v, why] of Object.entries(r.unavailable)) lines.push(`**Variant \`${v}\` could not run**: ${why}`, '');

  lines.push('### Targets', '', '| target | measured | met |', '| --- | --- | --- |');
  for (const t of r.targets) {
    const measured = typeof t.measured === 'number' ? (Number.isFinite(t.measured) ? t.measured.toFixed(t.measured < 10 ? 2 : 0) : 'n/a') : t.measured;
    lines.push(`| ${t.target} | ${measured}${t.note ? ` (${t.note})` : ''} | ${t.met === undefined ? 'not measured' : t.met ? 'yes' : '**no**'} |`);
  }

  lines.push('', '### Synthesis (N reference stacks in one App)', '',
    '| N | metric | library | L1 baseline | ratio |', '| --- | --- | --- | --- | --- |');
  const rows: Array<[string, string, number, number]> = [
    ['wallMs', 'process wall time to JSON (ms)', 1, 0],
    ['inProcessMs', 'in-process construct + synth (ms)', 1, 0],
    ['inProcessCpuMs', '  same, CPU time (ms)', 1, 0],
    ['constructMs', '  of which construct (ms)', 1, 0],
    ['synthMs', '  of which app.synth() (ms)', 1, 0],
    ['loadMs', 'module load in the synth process (ms)', 1, 0],
    ['maxRssKb', 'peak RSS (MB)', 1024, 0],
  ];
  for (const s of r.synth) {
    for (const [key, label, scale, digits] of rows) {
      lines.push(`| ${s.n} | ${label} | ${fmtStat(s.stats.library?.[key], scale, digits)} | ${fmtStat(s.stats.l1?.[key], scale, digits)} | ${fmtRatio(s.ratios[key])} |`);
    }
  }

  lines.push('', '### Module load', '',
    '| | library entry point (`require(\'cdktf-azureml\')`) | L1 modules of the baseline | ratio |', '| --- | --- | --- | --- |');
  const l = r.load;
  lines.push(`| load time (ms) | ${fmtStat(l.library?.loadMs)} | ${fmtStat(l.l1?.loadMs)} | ${fmtRatio(l.ratio)} |`);
  lines.push(`| process wall time (ms) | ${fmtStat(l.library?.wallMs)} | ${fmtStat(l.l1?.wallMs)} | ${fmtRatio(l.library && l.l1 ? l.library.wallMs.median / l.l1.wallMs.median : NaN)} |`);
  lines.push(`| peak RSS (MB) | ${fmtStat(l.library?.maxRssKb, 1024)} | ${fmtStat(l.l1?.maxRssKb, 1024)} | ${fmtRatio(l.library && l.l1 ? l.library.maxRssKb.median / l.l1.maxRssKb.median : NaN)} |`);
  lines.push(`| modules loaded | ${l.library?.modulesLoaded.median ?? 'n/a'} | ${l.l1?.modulesLoaded.median ?? 'n/a'} | |`);
  lines.push(`| provider modules loaded | ${l.library?.providerModules.length ?? 'n/a'} | ${l.l1?.providerModules.length ?? 'n/a'} | |`);
  const extra = l.library && l.l1 ? l.library.providerModules.filter((x: string) => !l.l1.providerModules.includes(x)) : [];
  if (extra.length) lines.push('', `Provider modules the library's entry point loads that the baseline does not: ${extra.map((x: string) => `\`${x}\``).join(', ')}.`);

  lines.push('', '### Scaling (least-squares fit over N = ' + r.method.ns.join(', ') + ' of the medians)', '',
    '| variant | ms per stack | R² | MB per stack | R² | marginal ms/stack 1→10 / 10→100 | marginal MB/stack 1→10 / 10→100 |',
    '| --- | --- | --- | --- | --- | --- | --- |');
  for (const [v, s] of Object.entries<any>(r.scaling)) {
    const mm = s.msMarginal ? `${s.msMarginal.from1to10.toFixed(1)} / ${s.msMarginal.from10to100.toFixed(1)}` : 'n/a';
    const mb = s.mbMarginal ? `${s.mbMarginal.from1to10.toFixed(2)} / ${s.mbMarginal.from10to100.toFixed(2)}` : 'n/a';
    lines.push(`| ${v} | ${s.msPerStack.toFixed(1)} | ${s.msR2.toFixed(3)} | ${s.mbPerStack.toFixed(2)} | ${s.mbR2.toFixed(3)} | ${mm} | ${mb} |`);
  }

  lines.push('', '### Work per reference stack (counted at N = 10, not timed)', '', '| | library | L1 baseline | ratio |', '| --- | --- | --- | --- |');
  const workRows: Array<[string, string, number]> = [
    ['constructsPerStack', 'constructs', 0],
    ['resourcesPerStack', 'Terraform resources', 0],
    ['stackTracesPerStack', 'stack traces captured while constructing (cdktf: one per token)', 0],
    ['meanStackDepth', 'mean depth of those stack traces (frames)', 1],
    ['metadataPerStack', 'metadata entries (annotations)', 0],
    ['jsonBytesPerStack', 'bytes of cdk.tf.json', 0],
  ];
  for (const [key, label, digits] of workRows) {
    const a = r.work?.library?.[key];
    const b = r.work?.l1?.[key];
    lines.push(`| ${label} | ${a === undefined ? 'n/a' : a.toFixed(digits)} | ${b === undefined ? 'n/a' : b.toFixed(digits)} | ${fmtRatio(a / b)} |`);
  }

  lines.push('', '### Resources per reference stack', '', '| type | library | L1 baseline |', '| --- | --- | --- |');
  const types = [...new Set(Object.values<any>(r.resources).flatMap(x => Object.keys(x.perStack)))].sort();
  for (const t of types) lines.push(`| \`${t}\` | ${r.resources.library?.perStack[t] ?? 0} | ${r.resources.l1?.perStack[t] ?? 0} |`);
  const total = (v: string) => Object.values<number>(r.resources[v]?.perStack ?? {}).reduce((a, b) => a + b, 0);
  lines.push(`| **total** | ${total('library')} | ${total('l1')} |`);

  for (const p of r.profiles ?? []) {
    lines.push('', `### CPU profile: ${p.variant}, N = ${p.n} (${p.totalMs.toFixed(0)} ms sampled, self time)`, '',
      '| area | self ms | share |', '| --- | --- | --- |');
    for (const a of p.byArea.slice(0, 10)) lines.push(`| ${a.area} | ${a.selfMs.toFixed(0)} | ${(a.share * 100).toFixed(1)} % |`);
    lines.push('', '| function | where | self ms |', '| --- | --- | --- |');
    for (const f of p.topFunctions.slice(0, 12)) lines.push(`| \`${f.fn}\` | ${f.where} | ${f.selfMs.toFixed(0)} |`);
    lines.push('', `Inclusive time of ${p.variant === 'library' ? 'library' : 'reference-stack'} functions:`, '',
      '| function | where | total ms |', '| --- | --- | --- |');
    for (const f of p.topInclusive.slice(0, 12)) lines.push(`| \`${f.fn}\` | ${f.where} | ${f.totalMs.toFixed(0)} |`);
  }
  return lines.join('\n');
}

function writeDoc(markdown: string): void {
  let doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  if (!doc.includes(START) || !doc.includes(END)) doc = `${doc.trimEnd()}\n\n## Results\n\n${START}\n${END}\n`;
  const before = doc.slice(0, doc.indexOf(START) + START.length);
  const after = doc.slice(doc.indexOf(END));
  fs.writeFileSync(DOC, `${before}\n${markdown}\n${after}`);
}

if (require.main === module) main();
