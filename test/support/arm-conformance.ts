// Validates azapi request bodies against the ARM type definitions (bicep-types format) of ../shared/arm-types, as
// committed in test/fixtures/ground-truth/arm-types,
// mirroring azapi's own `schema_validation_enabled` check so bad bodies fail in unit tests, not at plan time.
import * as fs from 'fs';
import * as path from 'path';
import { GROUND_TRUTH_DIR, missingArmFromSliceHint } from './ground-truth';
import { isTerraformExpression, kindOf } from './schema-conformance';

interface TypeRef { readonly $ref: string }

interface ArmProperty {
  readonly type: TypeRef;
  readonly flags?: number;
}

/** One entry of a types.json array; only the fields the checker reads. */
interface ArmType {
  readonly $type: string;
  readonly name?: string;
  readonly body?: TypeRef;
  readonly properties?: Record<string, ArmProperty>;
  readonly additionalProperties?: TypeRef;
  readonly discriminator?: string;
  readonly baseProperties?: Record<string, ArmProperty>;
  readonly elements?: Record<string, TypeRef> | TypeRef[];
  readonly itemType?: TypeRef;
  readonly value?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
}

interface TypesFile {
  readonly types: ArmType[];
  /** Lower-cased "<type>@<api-version>" -> index of its ResourceType entry (ARM type names are case-insensitive). */
  readonly resources: Map<string, number>;
}

export interface ArmCheckOptions {
  /** A PATCH-like partial body (azapi_update_resource): required properties are not checked. @default false */
  readonly partial?: boolean;
  /** JSON path prefix used in messages. @default 'body' */
  readonly path?: string;
  /** Top-level properties supplied by azapi arguments rather than the body (count as present). @default ['name'] */
  readonly provided?: string[];
}

// Property flag bits (bicep-types ObjectTypePropertyFlags).
const REQUIRED = 1;
const READ_ONLY = 2;

/** Top-level body properties that azapi fills from its own arguments (`name`, `type`); the body must not set them. */
const AZAPI_OWNED = ['id', 'name', 'type', 'apiVersion'];

const typesCache = new Map<string, TypesFile | undefined>();

function typesFile(namespace: string, apiVersion: string): TypesFile | undefined {
  const key = `${namespace.toLowerCase()}/${apiVersion.toLowerCase()}`;
  if (!typesCache.has(key)) {
    const file = path.join(GROUND_TRUTH_DIR, 'arm-types', key, 'types.json');
    let entry: TypesFile | undefined;
    if (fs.existsSync(file)) {
      const types: ArmType[] = JSON.parse(fs.readFileSync(file, 'utf8'));
      const resources = new Map<string, number>();
      types.forEach((t, i) => {
        if (t.$type === 'ResourceType' && t.name) resources.set(t.name.toLowerCase(), i);
      });
      entry = { types, resources };
    }
    typesCache.set(key, entry);
  }
  return typesCache.get(key);
}

function hasFlag(prop: ArmProperty, flag: number): boolean {
  // eslint-disable-next-line no-bitwise
  return ((prop.flags ?? 0) & flag) !== 0;
}

function isPlainObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates every `resource.azapi_resource.*` and `resource.azapi_update_resource.*` body of a synthesized
 * `cdk.tf.json` against its ARM type (from the resource's `type` argument).
 */
export function checkAzapiBodies(json: any): string[] {
  const out: string[] = [];
  const providerDefaultLocation = [].concat(json?.provider?.azapi ?? []).some((p: any) => p?.default_location != null);
  for (const resourceType of ['azapi_resource', 'azapi_update_resource']) {
    const partial = resourceType === 'azapi_update_resource';
    for (const [name, config] of Object.entries<any>(json?.resource?.[resourceType] ?? {})) {
      const at = `resource.${resourceType}.${name}`;
      if (!isPlainObject(config) || typeof config.type !== 'string' || isTerraformExpression(config.type)) continue;
      // Write-only `sensitive_body` is merged into `body` by azapi before it is sent; a resource without
      // any body still sends one, so its required properties are checked against `{}`.
      const body = mergeBodies(config.body, config.sensitive_body) ?? (partial ? undefined : {});
      if (body === undefined) continue;
      // azapi sends these from its own arguments, so they satisfy required top-level properties.
      const provided = ['name'];
      if (config.location != null || providerDefaultLocation) provided.push('location');
      if (config.tags != null) provided.push('tags');
      if (config.identity != null) provided.push('identity');
      out.push(...checkArmBody(config.type, body, { partial, path: `${at}.body`, provided }));
      if (typeof config.name === 'string') out.push(...checkResourceName(config.type, config.name, `${at}.name`));
    }
  }
  return out;
}

/** Validates `body` against the ARM body type of `resourceTypeWithApi` ("<Namespace>/<type>@<api-version>"). */
export function checkArmBody(resourceTypeWithApi: string, body: any, opts: ArmCheckOptions = {}): string[] {
  const at = opts.path ?? 'body';
  const out: string[] = [];
  const resolved = resolveResourceBody(resourceTypeWithApi, at, out);
  if (!resolved) return out;
  const { file, bodyType } = resolved;
  if (isTerraformExpression(body)) return out;
  if (!isPlainObject(body)) {
    out.push(`${at}: expected an object, got ${kindOf(body)}`);
    return out;
  }
  for (const key of AZAPI_OWNED) {
    if (key in body) out.push(`${at}.${key}: set by azapi's own arguments, must not be in the body`);
  }
  const rest = Object.fromEntries(Object.entries(body).filter(([k]) => !AZAPI_OWNED.includes(k)));
  // The owned keys are reported above; supplied ones (name, location, ...) count as present.
  const provided = new Set([...AZAPI_OWNED, ...(opts.provided ?? ['name'])]);
  new Validator(file.types, opts.partial ?? false, out).object(bodyType, rest, at, provided);
  return out;
}

/** Checks azapi's `name` argument against the body type's `name` property (ARM name patterns). */
function checkResourceName(resourceTypeWithApi: string, name: string, at: string): string[] {
  if (isTerraformExpression(name)) return [];
  const resolved = resolveResourceBody(resourceTypeWithApi, at, []);
  const nameProp = resolved?.bodyType.properties?.name;
  if (!resolved || !nameProp) return [];
  const out: string[] = [];
  new Validator(resolved.file.types, false, out).value(nameProp.type, name, at);
  return out;
}

function resolveResourceBody(resourceTypeWithApi: string, at: string, out: string[]): { file: TypesFile; bodyType: ArmType } | undefined {
  const [type, apiVersion] = resourceTypeWithApi.split('@');
  if (!type || !apiVersion) {
    out.push(`${at}: resource type '${resourceTypeWithApi}' is not of the form <Namespace>/<type>@<api-version>`);
    return undefined;
  }
  const file = typesFile(type.split('/')[0], apiVersion);
  const index = file?.resources.get(resourceTypeWithApi.toLowerCase());
  if (!file || index === undefined) {
    const hint = file ? '' : missingArmFromSliceHint(type.split('/')[0], apiVersion);
    out.push(`${at}: no ARM types for ${resourceTypeWithApi}${hint}`);
    return undefined;
  }
  return { file, bodyType: deref(file.types, file.types[index].body!) };
}

function deref(types: ArmType[], ref: TypeRef): ArmType {
  return types[Number(ref.$ref.replace('#/', ''))];
}

function mergeBodies(body: any, sensitive: any): any {
  if (!isPlainObject(sensitive)) return body;
  if (!isPlainObject(body)) return body === undefined ? sensitive : body;
  const merged: Record<string, any> = { ...body };
  for (const [k, v] of Object.entries(sensitive)) merged[k] = k in merged ? mergeBodies(merged[k], v) : v;
  return merged;
}

/** Recursive validator over one types.json; collects violations into `out`. */
class Validator {
  constructor(private readonly types: ArmType[], private readonly partial: boolean, private readonly out: string[]) {}

  /** Validates any value against a type reference. Null and Terraform expressions are accepted as is. */
  value(ref: TypeRef, value: any, at: string): void {
    if (value === null || value === undefined || isTerraformExpression(value)) return;
    const t = deref(this.types, ref);
    switch (t.$type) {
      case 'AnyType':
        return;
      case 'StringType':
        return this.string(t, value, at);
      case 'StringLiteralType':
        if (value !== t.value) this.out.push(`${at}: ${show(value)} is not ${show(t.value)}`);
        return;
      case 'UnionType':
        return this.union(t, value, at);
      case 'IntegerType':
        return this.integer(t, value, at);
      case 'BooleanType':
        if (typeof value !== 'boolean') this.out.push(`${at}: expected boolean, got ${kindOf(value)}`);
        return;
      case 'ArrayType':
        return this.array(t, value, at);
      case 'ObjectType':
        return this.object(t, value, at);
      case 'DiscriminatedObjectType':
        return this.discriminated(t, value, at);
      default:
        this.out.push(`${at}: unsupported ARM type ${t.$type}`);
    }
  }

  /** Validates an object's properties; `provided` keys count as present and are not looked up. */
  object(t: ArmType, value: any, at: string, provided: Set<string> = new Set()): void {
    if (!isPlainObject(value)) {
      this.out.push(`${at}: expected object, got ${kindOf(value)}`);
      return;
    }
    const props = t.properties ?? {};
    for (const [key, v] of Object.entries(value)) {
      const p = `${at}.${key}`;
      const prop = props[key];
      if (prop) {
        if (hasFlag(prop, READ_ONLY)) this.out.push(`${p}: read-only property cannot be set`);
        else this.value(prop.type, v, p);
      } else if (t.additionalProperties) {
        this.value(t.additionalProperties, v, p);
      } else {
        this.out.push(`${p}: unknown property (expected one of ${Object.keys(props).filter((k) => !hasFlag(props[k], READ_ONLY)).join(', ')})`);
      }
    }
    if (this.partial) return;
    for (const [key, prop] of Object.entries(props)) {
      if (hasFlag(prop, REQUIRED) && !hasFlag(prop, READ_ONLY) && !provided.has(key) && (value[key] === undefined || value[key] === null)) {
        this.out.push(`${at}.${key}: missing required property`);
      }
    }
  }

  private string(t: ArmType, value: any, at: string): void {
    if (typeof value !== 'string') {
      this.out.push(`${at}: expected string, got ${kindOf(value)}`);
      return;
    }
    if (t.minLength !== undefined && value.length < t.minLength) this.out.push(`${at}: ${show(value)} is shorter than ${t.minLength}`);
    if (t.maxLength !== undefined && value.length > t.maxLength) this.out.push(`${at}: ${show(value)} is longer than ${t.maxLength}`);
    const re = t.pattern !== undefined ? safeRegExp(t.pattern) : undefined;
    if (re && !re.test(value)) {
      this.out.push(`${at}: ${show(value)} does not match pattern ${t.pattern}`);
    }
  }

  /** Enums are unions of string literals; an open enum also contains a plain StringType and accepts anything. */
  private union(t: ArmType, value: any, at: string): void {
    const elements = (t.elements as TypeRef[]).map((r) => ({ ref: r, type: deref(this.types, r) }));
    const accepted = elements.some(({ ref }) => {
      const probe: string[] = [];
      new Validator(this.types, this.partial, probe).value(ref, value, at);
      return probe.length === 0;
    });
    if (accepted) return;
    const literals = elements.filter((e) => e.type.$type === 'StringLiteralType').map((e) => e.type.value);
    if (literals.length === elements.length) {
      this.out.push(`${at}: ${show(value)} is not one of ${literals.join(', ')}`);
    } else {
      this.out.push(`${at}: ${show(value)} matches none of the allowed types (${elements.map((e) => e.type.$type).join(', ')})`);
    }
  }

  private integer(t: ArmType, value: any, at: string): void {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.out.push(`${at}: expected integer, got ${show(value)}`);
      return;
    }
    if (t.minValue !== undefined && value < t.minValue) this.out.push(`${at}: ${value} is less than ${t.minValue}`);
    if (t.maxValue !== undefined && value > t.maxValue) this.out.push(`${at}: ${value} is greater than ${t.maxValue}`);
  }

  private array(t: ArmType, value: any, at: string): void {
    if (!Array.isArray(value)) {
      this.out.push(`${at}: expected array, got ${kindOf(value)}`);
      return;
    }
    if (t.minLength !== undefined && value.length < t.minLength) this.out.push(`${at}: at least ${t.minLength} item(s) required`);
    if (t.maxLength !== undefined && value.length > t.maxLength) this.out.push(`${at}: at most ${t.maxLength} item(s) allowed`);
    value.forEach((item, i) => this.value(t.itemType!, item, `${at}[${i}]`));
  }

  /** Polymorphic objects: the discriminator value selects an element whose properties extend `baseProperties`. */
  private discriminated(t: ArmType, value: any, at: string): void {
    if (!isPlainObject(value)) {
      this.out.push(`${at}: expected object, got ${kindOf(value)}`);
      return;
    }
    const disc = t.discriminator!;
    const elements = t.elements as Record<string, TypeRef>;
    const tag = value[disc];
    let candidates: ArmType[];
    if (typeof tag === 'string' && !isTerraformExpression(tag)) {
      if (!elements[tag]) {
        this.out.push(`${at}.${disc}: ${show(tag)} is not one of ${Object.keys(elements).join(', ')}`);
        return;
      }
      candidates = [deref(this.types, elements[tag])];
    } else if (tag === undefined && !this.partial) {
      this.out.push(`${at}.${disc}: missing discriminator (one of ${Object.keys(elements).join(', ')})`);
      return;
    } else {
      // Unknown at synth time (expression) or omitted in a partial body: accept any element's properties.
      candidates = Object.values(elements).map((r) => deref(this.types, r));
    }
    const merged: ArmType = {
      $type: 'ObjectType',
      properties: Object.assign({}, t.baseProperties, ...candidates.map((c) => c.properties)),
      additionalProperties: candidates.length === 1 ? candidates[0].additionalProperties : undefined,
    };
    new Validator(this.types, this.partial || candidates.length > 1, this.out).object(merged, value, at);
  }
}

const regexCache = new Map<string, RegExp | undefined>();

/** ARM patterns are unanchored ECMAScript-compatible regexes; one that does not compile is skipped, not fatal. */
function safeRegExp(pattern: string): RegExp | undefined {
  if (!regexCache.has(pattern)) {
    let re: RegExp | undefined;
    try {
      re = new RegExp(pattern);
    } catch {
      re = undefined;
    }
    regexCache.set(pattern, re);
  }
  return regexCache.get(pattern);
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}
