// Reading attribute values out of a plan's before/after objects, honouring Terraform's unknown and
// sensitive markers (`after_unknown`, `before_sensitive`, `after_sensitive`: the same shape as the value,
// `true` where the value is unknown/sensitive).

import { PlanChange } from './plan';

/** A path into a value: object keys and list indexes. */
export type Path = ReadonlyArray<string | number>;

/** Marker for a value that is only known after apply. */
export const UNKNOWN: unique symbol = Symbol('unknown after apply');

/** `'a.0.b'` to `['a', 0, 'b']`. */
export function parsePath(dotted: string): Path {
  return dotted.split('.').map(p => (/^\d+$/.test(p) ? Number(p) : p));
}

/** `['a', 0, 'b']` to `a[0].b`, the way Terraform prints attribute paths. */
export function formatPath(path: Path): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out === '' ? step : `.${step}`;
  }
  return out;
}

/** The value at `path`, or undefined when any step is missing. A JSON string met on the way is parsed (azapi v1 bodies). */
export function getAt(value: unknown, path: Path): unknown {
  let cur = value;
  for (const step of path) {
    if (typeof cur === 'string' && (cur.startsWith('{') || cur.startsWith('['))) cur = parseJsonOrUndefined(cur);
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[step];
  }
  return cur;
}

/** True when the marker tree (after_unknown, *_sensitive) holds `true` at `path` or at one of its prefixes. */
export function isMarked(marks: unknown, path: Path): boolean {
  let cur = marks;
  if (cur === true) return true;
  for (const step of path) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return false;
    cur = (cur as Record<string | number, unknown>)[step];
    if (cur === true) return true;
  }
  return false;
}

/** The value before the change at `path` (undefined when absent). */
export function before(change: PlanChange, path: Path): unknown {
  return getAt(change.before, path);
}

/** The value after the change at `path`: `UNKNOWN` when Terraform only knows it after apply. */
export function after(change: PlanChange, path: Path): unknown {
  if (isMarked(change.after_unknown, path)) return UNKNOWN;
  return getAt(change.after, path);
}

/** True when the value at `path` is sensitive before or after the change (never print it). */
export function isSensitive(change: PlanChange, path: Path): boolean {
  return isMarked(change.before_sensitive, path) || isMarked(change.after_sensitive, path);
}

/** Null, undefined, empty string, empty list or empty object: Terraform prints all of them as "not set". */
export function isUnset(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

/** A short, single-line rendering of a value for a report. */
export function formatValue(v: unknown): string {
  if (v === UNKNOWN) return '(known after apply)';
  if (v === undefined || v === null) return 'null';
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/**
 * Leaf paths where `a` and `b` differ, depth first, at most `limit` of them. Unset values (null, [], {}) are
 * equal to each other, so provider normalisation (`ip_rules: null` to `[]`) is not reported as a change.
 */
export function differingPaths(a: unknown, b: unknown, limit: number, prefix: Path = []): Path[] {
  const out: Path[] = [];
  collectDiffs(a, b, prefix, out, limit);
  return out;
}

function collectDiffs(a: unknown, b: unknown, path: Path, out: Path[], limit: number): void {
  if (out.length >= limit) return;
  if (typeof a === 'string' && typeof b === 'string' && a.startsWith('{') && b.startsWith('{')) {
    // azapi v1 bodies are JSON strings: compare what they hold.
    const pa = parseJsonOrUndefined(a);
    const pb = parseJsonOrUndefined(b);
    if (pa !== undefined && pb !== undefined) { collectDiffs(pa, pb, path, out, limit); return; }
  }
  if (isUnset(a) && isUnset(b)) return;
  const objA = a !== null && typeof a === 'object';
  const objB = b !== null && typeof b === 'object';
  if (objA && objB && Array.isArray(a) === Array.isArray(b)) {
    const keys = Array.isArray(a)
      ? Array.from({ length: Math.max(a.length, (b as unknown[]).length) }, (_, i) => i)
      : [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])];
    for (const k of keys) {
      collectDiffs((a as any)[k], (b as any)[k], [...path, k], out, limit);
      if (out.length >= limit) return;
    }
    return;
  }
  if (a !== b) out.push(path);
}

function parseJsonOrUndefined(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
