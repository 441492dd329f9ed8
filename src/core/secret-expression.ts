// Internal: judges the Terraform expression a SecretValue synthesizes to. Not exported from the package index.
//
// A secret must come from outside the configuration (a sensitive variable without a default, a data source,
// a resource attribute, a module output). The expression may select among such values with literal keys
// (`lookup(var.keys, "prod")`, `x["prod"]`) and join them with a literal separator, but no string literal may
// become part of the secret's value: a literal is written into cdk.tf.json as it is.
import { DefaultTokenResolver, Fn, StringConcat, TerraformElement, TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';

interface Lexeme {
  readonly kind: 'string' | 'ident' | 'punct' | 'number';
  readonly text: string;
  /** For strings: the literal text outside `${...}` interpolations. */
  readonly literal?: string;
  /** For strings: the expressions of the `${...}` interpolations inside it. */
  readonly interpolations?: string[];
}

/** A reference in the expression and whether it supplies (part of) the value or only selects. */
interface Use {
  readonly ref: string;
  readonly selector: boolean;
}

/** Result of judging an expression. */
interface Judgement {
  readonly literals: number;
  readonly uses: Use[];
  readonly unparsable: boolean;
}

/** Functions whose argument at the given index may be a literal without the literal becoming the value. */
const LITERAL_ARGUMENTS: Record<string, number[]> = {
  join: [0], // separator
  split: [0],
  lookup: [1], // key
  element: [1],
  try: [],
};

const REFERENCE_ROOT = /^(var|local|data|module|[a-z][a-z0-9]*_[a-z0-9_]+)$/;

function lex(expression: string): Lexeme[] | undefined {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '"') {
      let literal = '';
      const interpolations: string[] = [];
      let j = i + 1;
      for (; j < expression.length && expression[j] !== '"'; j++) {
        if (expression[j] === '\\') { literal += expression[j + 1] ?? ''; j++; continue; }
        if (expression.startsWith('${', j)) {
          const end = matchingBrace(expression, j + 1);
          if (end < 0) return undefined;
          interpolations.push(expression.slice(j + 2, end));
          j = end;
          continue;
        }
        literal += expression[j];
      }
      if (j >= expression.length) return undefined;
      out.push({ kind: 'string', text: expression.slice(i, j + 1), literal, interpolations });
      i = j + 1;
      continue;
    }
    const ident = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\[\d+\]|\.\*|\[\*\])*/.exec(expression.slice(i));
    if (ident) { out.push({ kind: 'ident', text: ident[0] }); i += ident[0].length; continue; }
    const num = /^\d+(\.\d+)?/.exec(expression.slice(i));
    if (num) { out.push({ kind: 'number', text: num[0] }); i += num[0].length; continue; }
    const op = /^(==|!=|>=|<=|&&|\|\||=>|\.\.\.)/.exec(expression.slice(i));
    const text = op ? op[0] : c;
    out.push({ kind: 'punct', text });
    i += text.length;
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

interface Frame {
  readonly open: string;
  readonly fn?: string;
  arg: number;
}

/** Judges one HCL expression (the inside of `${...}`). */
function judgeExpression(expression: string, inSelector: boolean): Judgement {
  const lexemes = lex(expression);
  if (!lexemes) return { literals: 0, uses: [], unparsable: true };
  let literals = 0;
  let unparsable = false;
  const uses: Use[] = [];
  const stack: Frame[] = [];
  const selectorHere = (): boolean => {
    if (inSelector) return true;
    return stack.some(f => f.open === 'index' || (f.fn !== undefined && (LITERAL_ARGUMENTS[f.fn] ?? []).includes(f.arg)));
  };
  for (let k = 0; k < lexemes.length; k++) {
    const l = lexemes[k];
    const next = lexemes[k + 1];
    const prev = lexemes[k - 1];
    if (l.kind === 'ident') {
      if (next?.text === '(') {
        stack.push({ open: '(', fn: l.text, arg: 0 });
        k++;
        continue;
      }
      const root = l.text.split(/[.[]/)[0];
      if (REFERENCE_ROOT.test(root) && l.text.includes('.')) uses.push({ ref: l.text, selector: selectorHere() });
      continue;
    }
    if (l.kind === 'string') {
      const top = stack[stack.length - 1];
      const mapKey = top?.open === '{' && (next?.text === '=' || next?.text === ':');
      if (l.literal !== '' && !mapKey && !selectorHere()) literals++;
      for (const inner of l.interpolations ?? []) {
        const j = judgeExpression(inner, mapKey || selectorHere());
        literals += j.literals;
        uses.push(...j.uses);
        unparsable ||= j.unparsable;
      }
      continue;
    }
    if (l.kind !== 'punct') continue;
    if (l.text === '(' || l.text === '{') {stack.push({ open: l.text, arg: 0 });} else if (l.text === '[') {
      // `x[...]` after a value is an index (a selector); otherwise a list literal.
      const indexes = prev !== undefined && (prev.kind === 'ident' || prev.text === ']' || prev.text === ')' || prev.text === '}');
      stack.push({ open: indexes ? 'index' : '[', arg: 0 });
    } else if (l.text === ')' || l.text === ']' || l.text === '}') {
      if (stack.pop() === undefined) unparsable = true;
    } else if (l.text === ',' && stack.length > 0) {stack[stack.length - 1].arg++;}
  }
  if (stack.length > 0) unparsable = true;
  return { literals, uses, unparsable };
}

/** Judges a resolved value: a string with `${...}` parts, or a plain value (whose strings are all literals). */
function judgeResolved(value: unknown): Judgement {
  if (typeof value === 'string') {
    // Top level: literal text outside `${...}` is part of the value.
    const parts = splitTemplate(value);
    if (!parts) return { literals: 0, uses: [], unparsable: true };
    let literals = parts.literal === '' ? 0 : 1;
    const uses: Use[] = [];
    let unparsable = false;
    for (const inner of parts.interpolations) {
      const j = judgeExpression(inner, false);
      literals += j.literals;
      uses.push(...j.uses);
      unparsable ||= j.unparsable;
    }
    return { literals, uses, unparsable };
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return { literals: 0, uses: [], unparsable: false };
  }
  const all = Array.isArray(value) ? value : Object.values(value as object);
  return all.map(judgeResolved).reduce((a, b) => ({
    literals: a.literals + b.literals, uses: [...a.uses, ...b.uses], unparsable: a.unparsable || b.unparsable,
  }), { literals: 0, uses: [], unparsable: false });
}

function splitTemplate(value: string): { literal: string; interpolations: string[] } | undefined {
  let literal = '';
  const interpolations: string[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value.startsWith('${', i)) {
      const end = matchingBrace(value, i + 1);
      if (end < 0) return undefined;
      interpolations.push(value.slice(i + 2, end));
      i = end;
      continue;
    }
    literal += value[i];
  }
  return { literal, interpolations };
}

/** The variables and locals of the scope's stack, by their Terraform names. */
function stackElements(scope: IConstruct): { variables: Map<string, any>; locals: Map<string, any> } {
  const variables = new Map<string, any>();
  const locals = new Map<string, any>();
  let stack: TerraformStack;
  try {
    stack = TerraformStack.of(scope);
  } catch {
    return { variables, locals };
  }
  for (const c of stack.node.findAll()) {
    if (!TerraformElement.isTerraformElement(c)) continue;
    const element = c as any;
    // Duck-typed (no instanceof on cdktf classes): variables have `nullable`, locals have `asAnyMap`.
    if ('nullable' in element && 'stringValue' in element) variables.set(element.friendlyUniqueId, element);
    else if ('asAnyMap' in element && 'expression' in element) locals.set(element.friendlyUniqueId, element);
  }
  return { variables, locals };
}

function resolve(scope: IConstruct, value: unknown): unknown {
  return Tokenization.resolve(value, { scope, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}

/**
 * Why a secret's token would put the secret (or part of it) into the synthesized JSON, or undefined when it
 * only refers to values Terraform reads at apply time.
 */
export function secretExpressionProblem(scope: IConstruct, token: string): string | undefined {
  let expression: unknown;
  try {
    expression = resolve(scope, token);
  } catch {
    return undefined; // not resolvable here (e.g. another stack): nothing literal can be seen
  }
  if (typeof expression !== 'string') return undefined;
  if (/(^|[^\w.])nonsensitive\(/.test(expression)) {
    return 'the Terraform expression calls nonsensitive(), so Terraform would print the secret in plans and outputs';
  }
  const { variables, locals } = stackElements(scope);
  const markedSensitive = /^\$\{sensitive\(/.test(expression);
  const seen = new Set<string>();
  let referencesSomething = false;

  const visit = (judgement: Judgement, where: string): string | undefined => {
    if (judgement.unparsable) return `the Terraform expression${where} cannot be read, so it cannot be checked for literals`;
    if (judgement.literals > 0) {
      return `the Terraform expression${where} puts a string literal into the secret's value (a literal in a map, list, `
        + 'join or template), so that part of the secret would be written into the synthesized JSON';
    }
    for (const use of judgement.uses) {
      const [root, name] = use.ref.split('.');
      if (!use.selector) referencesSomething = true;
      if (root === 'var' && !use.selector) {
        const variable = variables.get(name);
        if (variable === undefined) continue;
        if (variable.default !== undefined) {
          return `the variable '${name}' has a default value, which is written into the synthesized JSON; remove the `
            + `default and pass the value at apply time (TF_VAR_${name} or a .tfvars file kept out of version control)`;
        }
        if (variable.sensitive !== true && !markedSensitive) {
          return `the variable '${name}' is not sensitive, so Terraform would print the secret in plans; declare it with `
            + '`sensitive: true`';
        }
      }
      if (root === 'local' && !seen.has(name)) {
        seen.add(name);
        const local = locals.get(name);
        if (local === undefined) continue;
        // `expression` is the reference (`local.x`); the value is in the element's own configuration.
        const value = resolve(scope, local.toTerraform()?.locals?.[name]);
        const problem = visit(judgeResolved(value), ` of local '${name}'`);
        if (problem) return problem;
      }
    }
    return undefined;
  };
  const problem = visit(judgeResolved(expression), '');
  if (problem) return problem;
  if (!referencesSomething) {
    return 'the Terraform expression references no variable, data source or resource, so the secret would be written '
      + 'into the synthesized JSON as a literal';
  }
  return undefined;
}

/** The token wrapped in `sensitive(...)` unless it already is, so plans never print it whatever the attribute's schema says. */
export function markSensitive(scope: IConstruct, token: string): string {
  let expression: unknown;
  try {
    expression = resolve(scope, token);
  } catch {
    expression = undefined;
  }
  if (typeof expression === 'string' && /^\$\{sensitive\(/.test(expression)) return token;
  return Token.asString(Fn.sensitive(token));
}
