import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { ComponentIoType } from './component-io';
import { checkLocalFile, displayPath } from '../core/local-path';
import { ValidationError } from '../core/validation';
import { loadYaml } from '../core/yaml';

/** Top-level keys of an Azure ML CLI v2 command component (`commandComponent.schema.json`). */
export const COMPONENT_KEYS = [
  '$schema', 'name', 'version', 'display_name', 'description', 'tags', 'type', 'is_deterministic',
  'inputs', 'outputs', 'command', 'code', 'environment', 'resources', 'distribution',
];
const INPUT_KEYS = ['type', 'description', 'default', 'optional', 'min', 'max', 'enum', 'mode'];
const OUTPUT_KEYS = ['type', 'description', 'mode', 'is_control', 'early_available'];
const PRIMITIVE_TYPES = [ComponentIoType.STRING, ComponentIoType.INTEGER, ComponentIoType.NUMBER, ComponentIoType.BOOLEAN] as string[];
const ASSET_TYPES = [ComponentIoType.URI_FILE, ComponentIoType.URI_FOLDER, ComponentIoType.MLTABLE, ComponentIoType.MLFLOW_MODEL,
  ComponentIoType.CUSTOM_MODEL, ComponentIoType.TRITON_MODEL] as string[];

/** A component spec read from a YAML file. Internal. */
export interface ComponentYaml {
  /** The spec as JSON (keys as in the file, `$schema` removed). */
  readonly spec: { [key: string]: any };
  /** `code` as an absolute local folder, when it is a local path. */
  readonly localCode?: string;
}

/** Closest allowed key, for "did you mean". */
function closest(key: string, allowed: string[]): string | undefined {
  const dist = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
    }
    return d[a.length][b.length];
  };
  const best = allowed.map(k => [k, dist(key.toLowerCase(), k)] as const).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= 2 ? best[0] : undefined;
}

/**
 * Reads and checks a command component YAML file: unknown keys (top level, inputs, outputs), input and
 * output types, a missing or empty command, `${{inputs.x}}`/`${{outputs.x}}` that name nothing declared,
 * a type other than `command`. Errors name the file and line.
 */
export function readComponentYaml(scope: IConstruct, file: string): ComponentYaml {
  const abs = checkLocalFile(scope, 'component file', file, 'pass the path of a command component YAML file.');
  const text = fs.readFileSync(abs, 'utf8');
  const { isMap, isScalar, LineCounter, parseDocument } = loadYaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const shown = displayPath(file);
  const where = (node: any) => `component file '${shown}' line ${node?.range ? lines.linePos(node.range[0]).line : 1}`;
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    throw new ValidationError(scope, `component file '${shown}' line ${err.linePos?.[0]?.line ?? 1}: not valid YAML `
      + `(${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}); fix the YAML.`);
  }
  const root = doc.contents as any;
  if (!isMap(root)) throw new ValidationError(scope, `${where(root)}: the document must be a mapping of component keys (name, command, ...).`);

  const checkKeys = (map: any, allowed: string[], what: string) => {
    for (const pair of map.items) {
      const key = String((pair.key as any)?.value ?? pair.key);
      if (!allowed.includes(key)) {
        const hint = closest(key, allowed);
        throw new ValidationError(scope, `${where(pair.key)}: unknown key '${key}' in ${what}`
          + `${hint ? `; did you mean '${hint}'?` : ''} Allowed keys: ${allowed.join(', ')}.`);
      }
    }
  };
  checkKeys(root, COMPONENT_KEYS, 'the component');

  const typeNode = root.get('type', true);
  if (typeNode !== undefined && String(typeNode.value ?? typeNode) !== 'command') {
    throw new ValidationError(scope, `${where(typeNode)}: component type '${typeNode.value}' is not supported; only command components `
      + '(type: command) are; declare pipelines as jobs, or use a command component.');
  }
  const commandNode = root.get('command', true);
  if (commandNode === undefined || !isScalar(commandNode) || String(commandNode.value ?? '').trim() === '') {
    throw new ValidationError(scope, `${where(commandNode ?? root)}: the component has ${commandNode === undefined ? 'no' : 'an empty'} 'command'; `
      + 'add the command line it runs, e.g. command: python train.py --data ${{inputs.data}}.');
  }

  const declared: { [kind: string]: Set<string> } = { inputs: new Set(), outputs: new Set() };
  for (const kind of ['inputs', 'outputs']) {
    const section = root.get(kind, true);
    if (section === undefined || section === null) continue;
    if (!isMap(section)) throw new ValidationError(scope, `${where(section)}: '${kind}' must be a mapping of names to definitions.`);
    for (const pair of (section as any).items) {
      const name = String(pair.key?.value ?? pair.key);
      declared[kind].add(name);
      const def = pair.value;
      if (!isMap(def)) {
        throw new ValidationError(scope, `${where(def ?? pair.key)}: ${kind.slice(0, -1)} '${name}' must be a mapping with at least 'type'.`);
      }
      checkKeys(def, kind === 'inputs' ? INPUT_KEYS : OUTPUT_KEYS, `${kind.slice(0, -1)} '${name}'`);
      const t = (def as any).get('type', true);
      const allowed = kind === 'inputs' ? [...PRIMITIVE_TYPES, ...ASSET_TYPES] : [...ASSET_TYPES, ...PRIMITIVE_TYPES];
      if (t === undefined || !allowed.includes(String(t.value ?? t))) {
        throw new ValidationError(scope, `${where(t ?? pair.key)}: ${kind.slice(0, -1)} '${name}' has `
          + `${t === undefined ? 'no type' : `type '${t.value ?? t}'`}; use one of ${allowed.join(', ')}.`);
      }
    }
  }
  const command = String(commandNode.value);
  for (const m of command.matchAll(/\$\{\{\s*(inputs|outputs)\.([A-Za-z0-9_]+)\s*\}\}/g)) {
    if (!declared[m[1]].has(m[2])) {
      throw new ValidationError(scope, `${where(commandNode)}: the command uses \${{${m[1]}.${m[2]}}}, but the component declares no `
        + `${m[1].slice(0, -1)} '${m[2]}'; declare it under '${m[1]}' or fix the name.`);
    }
  }

  const spec = doc.toJS() as { [key: string]: any };
  delete spec.$schema;
  let localCode: string | undefined;
  if (typeof spec.code === 'string' && !/^(azureml:|[a-zA-Z][a-zA-Z0-9+.-]*:\/\/)/.test(spec.code)) {
    localCode = path.resolve(path.dirname(abs), spec.code);
  }
  if (spec.environment !== undefined && typeof spec.environment !== 'string') {
    throw new ValidationError(scope, `${where(root.get('environment', true))}: an inline environment is not supported; declare an `
      + 'Environment in the app and refer to it as azureml:<name>:<version> (or pass `environment` to the Component).');
  }
  return { spec, localCode };
}
