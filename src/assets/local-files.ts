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

/**
 * Which ignore files apply to a folder upload:
 * - `none`: every file;
 * - `aml`: code, models and data, as the Azure ML CLI uploads them: the `.amlignore` (or else `.gitignore`) of each
 *   folder, gitignore semantics;
 * - `docker`: a Docker build context, as `docker build` sends it: the `.dockerignore` at the root (Docker
 *   semantics: patterns relative to the root, `**`, `!` re-includes, a matched folder excludes what is below it)
 *   and any `.amlignore`; the Dockerfile is always kept, as Docker does.
 *
 * `.git` folders are never uploaded except with `none`.
 */
export type IgnoreMode = 'none' | 'aml' | 'docker';

/** One line of a `.dockerignore`. */
interface DockerRule {
  readonly regex: RegExp;
  readonly negate: boolean;
}

/**
 * Parses a `.dockerignore` as Docker does (moby `patternmatcher`): `#` comments, blank lines, `!` exceptions,
 * leading and trailing `/` dropped, `.` and `..` cleaned, patterns matched against the whole path from the root.
 */
export function parseDockerignore(text: string): DockerRule[] {
  const rules: DockerRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1).trim();
    line = path.posix.normalize(line).replace(/^\/+|\/+$/g, '').replace(/^\.\//, '');
    if (line === '' || line === '.') continue;
    rules.push({ regex: globToRegex(line, 'docker', true), negate });
  }
  return rules;
}

/** Whether Docker leaves `relPath` out of the context: the last matching rule wins; a rule matching a parent folder matches. */
function dockerIgnored(rules: DockerRule[], relPath: string): boolean {
  const parts = relPath.split('/');
  let ignored = false;
  for (const rule of rules) {
    let match = false;
    for (let i = parts.length; i >= 1 && !match; i--) match = rule.regex.test(parts.slice(0, i).join('/'));
    if (match) ignored = !rule.negate;
  }
  return ignored;
}

/** Whose rules a glob follows: Docker's (`.dockerignore`) or git's (`.gitignore`, `.amlignore`). */
type GlobDialect = 'docker' | 'git';

/**
 * Translates one ignore-file glob to a regular expression over `/`-separated relative paths. The dialects differ in
 * two points: Docker (Go `filepath.Match`) takes `**` anywhere and negates a class with `[^...]`; git takes `**` only
 * as a whole path segment and negates with `[!...]`. `anchored` globs match from the root, others at any depth.
 */
function globToRegex(glob: string, dialect: GlobDialect, anchored: boolean): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*' && (dialect === 'docker' || isWholeSegment(glob, i))) {
      // `**/` also matches no folder at all; a trailing `**` everything below.
      if (glob[i + 2] === '/') { re += '(?:.*/)?'; i += 2; } else { re += '.*'; i += 1; }
    } else if (c === '*') {
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) { re += '\\['; continue; }
      const negation = dialect === 'git' ? /^!/ : /^\^/;
      re += `[${glob.slice(i + 1, end).replace(negation, '^').replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '\\' && i + 1 < glob.length) {
      re += escapeRegex(glob[++i]);
    } else {
      re += escapeRegex(c);
    }
  }
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${re}$`);
}

/** Whether the `**` at `i` stands alone between slashes (or the ends of the glob). */
function isWholeSegment(glob: string, i: number): boolean {
  return (i === 0 || glob[i - 1] === '/') && (glob[i + 2] === '/' || i + 2 === glob.length);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
    rules.push({ regex: globToRegex(line.replace(/^\//, ''), 'git', anchored), negate, dirOnly });
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
 * Every regular file below `root` that the ignore files of `mode` leave in (see `IgnoreMode`), sorted by
 * relative path (deterministic across machines). `keep` lists files kept whatever the ignore files say (the
 * Dockerfile of a build context). `true`/`false` stand for `aml`/`none`.
 */
export function listLocalFiles(root: string, mode: IgnoreMode | boolean = 'none', keep: readonly string[] = []): LocalFile[] {
  const ignoreMode: IgnoreMode = mode === true ? 'aml' : mode === false ? 'none' : mode;
  const fileNames = ignoreMode === 'aml' ? IGNORE_FILE_NAMES : ignoreMode === 'docker' ? ['.amlignore'] : [];
  const dockerFile = path.join(root, '.dockerignore');
  const docker = ignoreMode === 'docker' && fs.existsSync(dockerFile) ? parseDockerignore(fs.readFileSync(dockerFile, 'utf8')) : [];
  // Docker skips an excluded folder whole only when no `!` rule could re-include something below it.
  const dockerCanPrune = !docker.some(r => r.negate);
  const out: LocalFile[] = [];
  // `onlyKept`: an ignored folder entered only for a kept file (the Dockerfile) below it.
  const walk = (dir: string, rel: string, ignores: IgnoreFile[], onlyKept: boolean) => {
    let inEffect = ignores;
    const name = fileNames.find(n => fs.existsSync(path.join(dir, n)));
    if (name) inEffect = [...ignores, { base: rel, rules: parseIgnoreFile(fs.readFileSync(path.join(dir, name), 'utf8')) }];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        const keepsBelow = keep.some(k => k.startsWith(`${relPath}/`));
        if (ignoreMode !== 'none' && entry.name === '.git') continue;
        const ignoredDir = onlyKept || isIgnored(inEffect, relPath, true) || (dockerCanPrune && dockerIgnored(docker, relPath));
        if (ignoredDir && !keepsBelow) continue;
        walk(full, relPath, inEffect, ignoredDir);
      } else if (entry.isFile()) {
        if (!keep.includes(relPath) && (onlyKept || isIgnored(inEffect, relPath, false) || dockerIgnored(docker, relPath))) continue;
        out.push(hashFile(full, relPath));
      }
    }
  };
  walk(root, '', [], false);
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

/**
 * Base names of files that usually hold secrets: environment files, private keys and certificates with keys,
 * cloud and package-registry credentials, password stores.
 */
const SECRET_FILE_PATTERNS: RegExp[] = [
  /^\.env$/, /^\.env\.(?!example$|sample$|template$|dist$)[^/]+$/i, /\.pem$/i, /\.key$/i, /\.pfx$/i, /\.p12$/i, /\.jks$/i, /\.keystore$/i,
  /^id_(rsa|dsa|ecdsa|ed25519)$/, /^credentials(\.json)?$/i, /^\.?netrc$/, /^\.npmrc$/, /^\.pypirc$/, /^\.git-credentials$/,
  /\.kdbx$/i, /^secrets?\.(json|ya?ml|env|txt)$/i, /^service[-_]?account.*\.json$/i, /\.tfvars$/i, /\.publishsettings$/i,
];

/** The files of a listing whose names look like secrets (`.env`, `*.pem`, `*.key`, `id_rsa`, `credentials`, ...). */
export function secretLookingFiles(files: readonly LocalFile[]): string[] {
  return files.map(f => f.relPath).filter(p => {
    const base = p.slice(p.lastIndexOf('/') + 1);
    return SECRET_FILE_PATTERNS.some(re => re.test(base));
  });
}
