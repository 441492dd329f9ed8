// One benchmark measurement in a fresh Node process, started by bench/run.ts from the compiled
// copy of the repository (node_modules/.cache/cdktf-azureml-bench). Prints one JSON line.
//
//   node child.js synth <library|l1> <N> <outdir>   build N reference stacks in one App and synthesize them
//   node child.js load  <library|l1> <modules...>   load the library's entry point, or exactly the given modules
//   node child.js count <library|l1> <N> <outdir>   like synth, but counts the work instead of timing it
/* eslint-disable @typescript-eslint/no-require-imports */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';

/** What a child reports; times in milliseconds, memory in kilobytes. */
export interface ChildReport {
  readonly mode: 'synth' | 'load' | 'count';
  readonly variant: string;
  readonly n?: number;
  /** From process start to the first line of this script (Node boot). */
  readonly bootMs: number;
  /** Loading the modules (reference module and cdktf for `synth`, the entry point or L1 modules for `load`). */
  readonly loadMs: number;
  /** Constructing the App and N stacks. */
  readonly constructMs?: number;
  /** `app.synth()`, including writing the JSON files. */
  readonly synthMs?: number;
  /** constructMs + synthMs: the in-process synth time. */
  readonly inProcessMs?: number;
  /** CPU time (user + system, all threads) of construct + synth: less sensitive to other processes than wall time. */
  readonly inProcessCpuMs?: number;
  /** `count` mode: work per stack. */
  readonly work?: {
    readonly constructsPerStack: number;
    readonly resourcesPerStack: number;
    /** Stack traces captured while constructing (cdktf captures one, unbounded, per token; constructs one per annotation). */
    readonly stackTracesPerStack: number;
    /** Mean depth of those stack traces; their cost grows with it. */
    readonly meanStackDepth: number;
    /** Metadata entries (annotations) per stack. */
    readonly metadataPerStack: number;
    /** Bytes of cdk.tf.json per stack. */
    readonly jsonBytesPerStack: number;
  };
  /** process.resourceUsage().maxRSS at the end. */
  readonly maxRssKb: number;
  /** V8 heap in use at the end. */
  readonly heapUsedKb: number;
  /** Modules in require.cache at the end. */
  readonly modulesLoaded: number;
  /** Provider modules loaded, as `lib/<name>`. */
  readonly providerModules: string[];
}

const bootMs = performance.now();

function providerModulesLoaded(): string[] {
  const marker = `${path.sep}node_modules${path.sep}@cdktf${path.sep}provider-azurerm${path.sep}`;
  const found = new Set<string>();
  for (const file of Object.keys(require.cache)) {
    const at = file.indexOf(marker);
    if (at >= 0) found.add(file.slice(at + marker.length).split(path.sep).slice(0, 2).join('/').replace(/\.js$/, ''));
  }
  return [...found].sort();
}

function report(fields: Omit<ChildReport, 'bootMs' | 'maxRssKb' | 'heapUsedKb' | 'modulesLoaded' | 'providerModules'>): void {
  const out: ChildReport = {
    ...fields,
    bootMs,
    maxRssKb: process.resourceUsage().maxRSS,
    heapUsedKb: Math.round(process.memoryUsage().heapUsed / 1024),
    modulesLoaded: Object.keys(require.cache).length,
    providerModules: providerModulesLoaded(),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function synth(variant: string, n: number, outdir: string): void {
  const t0 = performance.now();
  const reference = require(`./reference-${variant}`);
  const { App } = require('cdktf');
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const app = new App({ outdir });
  for (let i = 0; i < n; i++) reference.createReferenceStack(app, `ref${i}`, i);
  const t2 = performance.now();
  app.synth();
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  report({
    mode: 'synth',
    variant,
    n,
    loadMs: t1 - t0,
    constructMs: t2 - t1,
    synthMs: t3 - t2,
    inProcessMs: t3 - t1,
    inProcessCpuMs: (cpu.user + cpu.system) / 1000,
  });
}

function count(variant: string, n: number, outdir: string): void {
  const t0 = performance.now();
  const reference = require(`./reference-${variant}`);
  const { App, TerraformResource } = require('cdktf');
  const t1 = performance.now();
  const capture = Error.captureStackTrace;
  let traces = 0;
  let frames = 0;
  Error.captureStackTrace = (target: object, below?: Function) => {
    capture(target, below);
    traces++;
    frames += String((target as any).stack ?? '').split('\n').length - 1;
  };
  const app = new App({ outdir });
  for (let i = 0; i < n; i++) reference.createReferenceStack(app, `ref${i}`, i);
  Error.captureStackTrace = capture;
  app.synth();
  const all = app.node.findAll();
  let bytes = 0;
  for (const stack of fs.readdirSync(path.join(outdir, 'stacks'))) bytes += fs.statSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json')).size;
  report({
    mode: 'count',
    variant,
    n,
    loadMs: t1 - t0,
    work: {
      constructsPerStack: (all.length - 1) / n,
      resourcesPerStack: all.filter((c: any) => TerraformResource.isTerraformResource(c)).length / n,
      stackTracesPerStack: traces / n,
      meanStackDepth: frames / traces,
      metadataPerStack: all.reduce((sum: number, c: any) => sum + c.node.metadata.length, 0) / n,
      jsonBytesPerStack: bytes / n,
    },
  });
}

function load(variant: string, modules: string[]): void {
  const t0 = performance.now();
  for (const m of modules) require(m.startsWith('.') ? path.join(__dirname, m) : m);
  const t1 = performance.now();
  report({ mode: 'load', variant, loadMs: t1 - t0 });
}

const [mode, variant, ...rest] = process.argv.slice(2);
if (mode === 'synth') synth(variant, Number(rest[0]), rest[1]);
else if (mode === 'count') count(variant, Number(rest[0]), rest[1]);
else if (mode === 'load') load(variant, rest);
else throw new Error(`usage: child.js synth|count <variant> <N> <outdir> | load <variant> <modules...> (got ${mode})`);
