import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** One file of a local folder to upload. Internal. */
export interface LocalFile {
  /** Path relative to the folder, `/`-separated. */
  readonly relPath: string;
  readonly md5: string;
  readonly sha256: string;
}

/** One line of an ignore file. */
interface IgnoreRule {
  readonly regex: RegExp;
  readonly negate: boolean;
  readonly dirOnly: boolean;
}

/** The rules of one ignore file, relative to its folder (`''` for the root). */
interface IgnoreFile {
  readonly base: string;
  readonly rules: IgnoreRule[];
}

/** Ignore files read in each folder, first match wins: `.amlignore` replaces `.gitignore` (as the Azure ML CLI does). */
export const IGNORE_FILE_NAMES = ['.amlignore', '.gitignore'];

/** Translates one gitignore glob to a regular expression over `/`-separated relative paths. */
function globToRegex(glob: string, anchored: boolean): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const before = i === 0 || glob[i - 1] === '/';
        const after = glob[i + 2] === '/' || i + 2 === glob.length;
        if (before && after) {
          // `**/` any leading folders, `/**` everything inside
          if (glob[i + 2] === '/') { re += '(?:.*/)?'; i += 2; } else { re += '.*'; i += 1; }
          continue;
        }
      }
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) { re += '\\['; continue; }
      re += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '\\' && i + 1 < glob.length) {
      re += glob[++i].replace(/[.+^${}()|[\]\\]/g, '\\$&');
    } else {
      re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${re}$`);
}

/** Parses the text of a `.gitignore`/`.amlignore` file (blank lines, comments, `!`, trailing `/`, anchors, `**`). */
export function parseIgnoreFile(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    if (line.startsWith('\\#') || line.startsWith('\\!')) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.replace(/\/+$/, '');
    if (line === '') continue;
    const anchored = line.includes('/');
    rules.push({ regex: globToRegex(line.replace(/^\//, ''), anchored), negate, dirOnly });
  }
  return rules;
}

/** Whether `relPath` (relative to the upload root) is ignored by the ignore files in effect. */
function isIgnored(files: IgnoreFile[], relPath: string, isDir: boolean): boolean {
  let ignored = false;
  for (const f of files) {
    if (f.base !== '' && !relPath.startsWith(`${f.base}/`)) continue;
    const local = f.base === '' ? relPath : relPath.slice(f.base.length + 1);
    for (const rule of f.rules) {
      if (rule.dirOnly && !isDir) continue;
      if (rule.regex.test(local)) ignored = !rule.negate;
    }
  }
  return ignored;
}

/**
 * Every regular file below `root`, sorted by relative path (deterministic across machines). With
 * `honourIgnoreFiles`, the `.amlignore` (or else `.gitignore`) of each folder applies to that folder and
 * below, as in git (an ignored folder is skipped whole), and `.git` folders are never uploaded.
 */
export function listLocalFiles(root: string, honourIgnoreFiles = false): LocalFile[] {
  const out: LocalFile[] = [];
  const walk = (dir: string, rel: string, ignores: IgnoreFile[]) => {
    let inEffect = ignores;
    if (honourIgnoreFiles) {
      const name = IGNORE_FILE_NAMES.find(n => fs.existsSync(path.join(dir, n)));
      if (name) inEffect = [...ignores, { base: rel, rules: parseIgnoreFile(fs.readFileSync(path.join(dir, name), 'utf8')) }];
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (honourIgnoreFiles && (entry.name === '.git' || isIgnored(inEffect, relPath, true))) continue;
        walk(full, relPath, inEffect);
      } else if (entry.isFile()) {
        if (honourIgnoreFiles && isIgnored(inEffect, relPath, false)) continue;
        out.push(hashFile(full, relPath));
      }
    }
  };
  walk(root, '', []);
  return out.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}

/** MD5 and SHA-256 of one file. */
export function hashFile(full: string, relPath: string): LocalFile {
  const data = fs.readFileSync(full);
  return {
    relPath,
    md5: createHash('md5').update(data).digest('hex'),
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}

/** The hash of a set of files (paths and contents): 16 hex characters. */
export function filesHash(files: LocalFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.relPath}\0${f.sha256}\n`);
  return hash.digest('hex').slice(0, 16);
}
