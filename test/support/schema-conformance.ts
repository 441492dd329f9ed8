// Validates a synthesized cdktf `cdk.tf.json` against `terraform providers schema -json` output (the committed
// slice of ../shared/terraform in test/fixtures/ground-truth/terraform), so attribute names, types and block shapes are checked without running terraform.
import { AZURERM_VERSION, FLAVOUR } from './flavour';
import { groundTruthJson, missingFromSliceHint } from './ground-truth';

/** A cty type expression: "string", "number", "bool", "dynamic", ["list", T], ["object", {...}], ... */
type CtyType = string | [string, any, any?];

interface SchemaAttribute {
  readonly type?: CtyType;
  readonly nested_type?: NestedType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
}

interface NestedType {
  readonly attributes: Record<string, SchemaAttribute>;
  readonly nesting_mode: 'single' | 'list' | 'set' | 'map';
  readonly min_items?: number;
  readonly max_items?: number;
}

interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<string, BlockType>;
}

interface BlockType {
  readonly nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map';
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

interface ProviderSchema {
  readonly provider: { block: SchemaBlock };
  readonly resource_schemas: Record<string, { block: SchemaBlock }>;
  readonly data_source_schemas: Record<string, { block: SchemaBlock }>;
}

/** Local provider name -> [schema file, provider_schemas key]. */
const PROVIDERS: Record<string, [string, string]> = {
  // The schema of the provider version the flavour's bindings target (4.55.0 for cdktf, 4.73.0 for cdktn).
  azurerm: [`azurerm-${AZURERM_VERSION[FLAVOUR]}.schema.json`, 'registry.terraform.io/hashicorp/azurerm'],
  azapi: ['azapi-2.12.0.schema.json', 'registry.terraform.io/azure/azapi'],
};

/** Terraform meta-arguments (and cdktf's `//` metadata) that are not part of a resource's schema. */
const RESOURCE_META = new Set(['depends_on', 'count', 'for_each', 'provider', 'lifecycle', 'provisioner', 'connection', '//']);
const PROVIDER_META = new Set(['alias', '//']);

// The azurerm slice is 650 kB: parse each file at most once per test file.
const schemaCache = new Map<string, ProviderSchema | undefined>();

/**
 * Terraform's built-in provider (terraform.io/builtin/terraform): `terraform_remote_state`, which cdktf emits for
 * cross-stack references, and `terraform_data`. Not in any provider schema file; written from Terraform's docs.
 */
const BUILTIN_TERRAFORM: ProviderSchema = {
  provider: { block: {} },
  resource_schemas: {
    terraform_data: {
      block: {
        attributes: {
          id: { type: 'string', computed: true },
          input: { type: 'dynamic', optional: true },
          output: { type: 'dynamic', computed: true },
          triggers_replace: { type: 'dynamic', optional: true },
        },
      },
    },
  },
  data_source_schemas: {
    terraform_remote_state: {
      block: {
        attributes: {
          backend: { type: 'string', required: true },
          config: { type: 'dynamic', optional: true },
          defaults: { type: 'dynamic', optional: true },
          outputs: { type: 'dynamic', computed: true },
          workspace: { type: 'string', optional: true },
        },
      },
    },
  },
};

function providerSchema(localName: string): ProviderSchema | undefined {
  if (localName === 'terraform') return BUILTIN_TERRAFORM;
  if (!schemaCache.has(localName)) {
    const entry = PROVIDERS[localName];
    let schema: ProviderSchema | undefined;
    if (entry) {
      schema = groundTruthJson('terraform', entry[0]).provider_schemas[entry[1]];
    }
    schemaCache.set(localName, schema);
  }
  return schemaCache.get(localName);
}

/** Any string containing `${` is a Terraform expression: its type is only known at plan time. */
export function isTerraformExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/** Short name of a JSON value's kind, for messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isPlainObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates every `resource.<type>.<name>`, `data.<type>.<name>` and `provider.<name>[i]` of a
 * synthesized `cdk.tf.json`. Returns human-readable violations, each prefixed with its JSON path.
 */
export function checkTerraformJson(json: any): string[] {
  const out: string[] = [];
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, instances] of Object.entries<any>(json?.[kind] ?? {})) {
      const block = schemaFor(kind, type, `${kind}.${type}`, out);
      if (!block) continue;
      for (const [name, config] of Object.entries<any>(instances ?? {})) {
        checkBlock(block, config, `${kind}.${type}.${name}`, RESOURCE_META, out);
      }
    }
  }
  for (const [name, configs] of Object.entries<any>(json?.provider ?? {})) {
    const schema = providerSchema(name);
    if (!schema) {
      out.push(`provider.${name}: unknown provider ${name}`);
      continue;
    }
    // cdktf emits a list of configurations per provider (one per alias); a lone object is also valid JSON syntax.
    const list = Array.isArray(configs) ? configs : [configs];
    list.forEach((config, i) => checkBlock(schema.provider.block, config, `provider.${name}[${i}]`, PROVIDER_META, out));
  }
  return out;
}

function schemaFor(kind: 'resource' | 'data', type: string, at: string, out: string[]): SchemaBlock | undefined {
  // Resource type names start with the provider's local name, e.g. azurerm_storage_account -> azurerm.
  const providerName = type.split('_')[0];
  const schema = providerSchema(providerName);
  if (!schema) {
    out.push(`${at}: unknown provider ${providerName} for ${kind} type ${type}`);
    return undefined;
  }
  const section = kind === 'resource' ? 'resource_schemas' : 'data_source_schemas';
  const entry = schema[section][type];
  if (!entry) {
    const [file, key] = PROVIDERS[providerName] ?? [];
    const hint = file && key ? missingFromSliceHint(file, key, section, type) : '';
    out.push(`${at}: unknown ${kind === 'resource' ? 'resource' : 'data source'} type ${type}${hint}`);
    return undefined;
  }
  return entry.block;
}

/** Checks one block body (a resource, data source, provider or nested block). */
function checkBlock(block: SchemaBlock, value: any, at: string, meta: Set<string>, out: string[]): void {
  if (isTerraformExpression(value)) return;
  if (!isPlainObject(value)) {
    out.push(`${at}: expected a block (object), got ${kindOf(value)}`);
    return;
  }
  const attributes = block.attributes ?? {};
  const blockTypes = block.block_types ?? {};
  // Blocks generated with `dynamic "<name>" { ... }` count as present; their content is checked like a block.
  const dynamicNames = new Set<string>();

  for (const [key, v] of Object.entries(value)) {
    if (meta.has(key) || v === undefined) continue;
    const p = `${at}.${key}`;
    if (key === 'dynamic' && !attributes.dynamic && !blockTypes.dynamic) {
      checkDynamic(blockTypes, v, p, dynamicNames, out);
    } else if (attributes[key]) {
      checkAttribute(attributes[key], v, p, out);
    } else if (blockTypes[key]) {
      checkBlockType(blockTypes[key], v, p, out);
    } else {
      out.push(`${p}: unknown attribute`);
    }
  }

  for (const [key, attr] of Object.entries(attributes)) {
    if (attr.required && (value[key] === undefined || value[key] === null)) {
      out.push(`${at}.${key}: missing required attribute`);
    }
  }
  for (const [key, bt] of Object.entries(blockTypes)) {
    if ((bt.min_items ?? 0) > 0 && value[key] === undefined && !dynamicNames.has(key)) {
      out.push(`${at}.${key}: missing required block`);
    }
  }
}

function checkDynamic(blockTypes: Record<string, BlockType>, value: any, at: string, seen: Set<string>, out: string[]): void {
  if (!isPlainObject(value)) {
    out.push(`${at}: expected an object of dynamic blocks, got ${kindOf(value)}`);
    return;
  }
  for (const [name, dyn] of Object.entries<any>(value)) {
    const bt = blockTypes[name];
    if (!bt) {
      out.push(`${at}.${name}: unknown block`);
      continue;
    }
    seen.add(name);
    if (isPlainObject(dyn) && dyn.content !== undefined) {
      checkBlock(bt.block, dyn.content, `${at}.${name}.content`, new Set(), out);
    }
  }
}

function checkAttribute(attr: SchemaAttribute, value: any, at: string, out: string[]): void {
  const settable = attr.required || attr.optional;
  if (!settable) {
    // Computed-only attributes are outputs; null is the same as leaving them out.
    if (value !== null) out.push(`${at}: computed-only attribute cannot be set`);
    return;
  }
  if (value === null || isTerraformExpression(value)) return;
  if (attr.nested_type) {
    checkNestedType(attr.nested_type, value, at, out);
  } else if (attr.type !== undefined) {
    checkCty(attr.type, value, at, out);
  }
}

/** Attributes with `nested_type` (protocol 6 nested attributes) are values, so their shapes are exact. */
function checkNestedType(nt: NestedType, value: any, at: string, out: string[]): void {
  const element = { attributes: nt.attributes };
  const checkCount = (n: number) => checkItemCount(n, nt.min_items, nt.max_items, at, out);
  switch (nt.nesting_mode) {
    case 'single':
      checkBlock(element, value, at, new Set(), out);
      return;
    case 'list':
    case 'set':
      if (!Array.isArray(value)) {
        out.push(`${at}: expected a ${nt.nesting_mode} of objects, got ${kindOf(value)}`);
        return;
      }
      checkCount(value.length);
      value.forEach((item, i) => checkBlock(element, item, `${at}[${i}]`, new Set(), out));
      return;
    case 'map':
      if (!isPlainObject(value)) {
        out.push(`${at}: expected a map of objects, got ${kindOf(value)}`);
        return;
      }
      checkCount(Object.keys(value).length);
      for (const [k, item] of Object.entries(value)) checkBlock(element, item, `${at}.${k}`, new Set(), out);
      return;
  }
}

/** Nested blocks: Terraform JSON accepts an object or an array of objects for single and list/set blocks alike. */
function checkBlockType(bt: BlockType, value: any, at: string, out: string[]): void {
  if (value === null || isTerraformExpression(value)) return;
  if (bt.nesting_mode === 'map') {
    if (!isPlainObject(value)) {
      out.push(`${at}: expected an object of labelled blocks, got ${kindOf(value)}`);
      return;
    }
    checkItemCount(Object.keys(value).length, bt.min_items, bt.max_items, at, out);
    for (const [label, item] of Object.entries(value)) checkBlock(bt.block, item, `${at}.${label}`, new Set(), out);
    return;
  }
  const items = Array.isArray(value) ? value : [value];
  const single = bt.nesting_mode === 'single' || bt.nesting_mode === 'group';
  checkItemCount(items.length, bt.min_items, single ? 1 : bt.max_items, at, out);
  items.forEach((item, i) => checkBlock(bt.block, item, Array.isArray(value) ? `${at}[${i}]` : at, new Set(), out));
}

function checkItemCount(n: number, min: number | undefined, max: number | undefined, at: string, out: string[]): void {
  if (min !== undefined && min > 0 && n < min) out.push(`${at}: at least ${min} item(s) required, got ${n}`);
  if (max !== undefined && max > 0 && n > max) out.push(`${at}: at most ${max} item(s) allowed, got ${n}`);
}

/**
 * Checks a value against a cty type. Lenient where Terraform's JSON syntax is: numbers and bools convert to
 * strings, and `${...}` strings and nulls match anything. A plain string is not accepted for number or bool,
 * as cdktf would only emit one by mistake.
 */
function checkCty(type: CtyType, value: any, at: string, out: string[]): void {
  if (value === null || isTerraformExpression(value)) return;
  if (typeof type === 'string') {
    const ok = type === 'dynamic'
      || (type === 'string' && ['string', 'number', 'boolean'].includes(typeof value))
      || (type === 'number' && typeof value === 'number')
      || (type === 'bool' && typeof value === 'boolean');
    if (!ok) out.push(`${at}: expected ${type}, got ${kindOf(value)}`);
    return;
  }
  const [kind, inner, optionalAttrs] = type;
  switch (kind) {
    case 'list':
    case 'set':
      if (!Array.isArray(value)) {
        out.push(`${at}: expected ${kind}, got ${kindOf(value)}`);
        return;
      }
      value.forEach((item, i) => checkCty(inner, item, `${at}[${i}]`, out));
      return;
    case 'map':
      if (!isPlainObject(value)) {
        out.push(`${at}: expected map, got ${kindOf(value)}`);
        return;
      }
      for (const [k, item] of Object.entries(value)) checkCty(inner, item, `${at}.${k}`, out);
      return;
    case 'object': {
      if (!isPlainObject(value)) {
        out.push(`${at}: expected object, got ${kindOf(value)}`);
        return;
      }
      const optional = new Set<string>(optionalAttrs ?? []);
      for (const [k, item] of Object.entries(value)) {
        if (k in inner) checkCty(inner[k], item, `${at}.${k}`, out);
        else out.push(`${at}.${k}: unknown attribute`);
      }
      for (const k of Object.keys(inner)) {
        if (value[k] === undefined && !optional.has(k)) out.push(`${at}.${k}: missing required attribute`);
      }
      return;
    }
    case 'tuple':
      if (!Array.isArray(value) || value.length !== inner.length) {
        out.push(`${at}: expected tuple of ${inner.length}, got ${kindOf(value)}`);
        return;
      }
      value.forEach((item, i) => checkCty(inner[i], item, `${at}[${i}]`, out));
      return;
    default:
      out.push(`${at}: unsupported schema type ${JSON.stringify(type)}`);
  }
}
