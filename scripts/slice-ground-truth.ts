// Cuts the slice of ../shared that the tests read (provider schemas, ARM types, security checks) and writes it to
// test/fixtures/ground-truth/, so `npm test` checks conformance on a clone that has no ../shared beside it.
//
//   npx projen ground-truth            (reads $AZUREML_SHARED_DIR, else ../shared)
//
// To cover a new Terraform type or azapi namespace, add a pattern below and re-run the task; test/ground-truth.test.ts
// fails (with ../shared present, always on CI) when the committed files and ../shared disagree.
import * as fs from 'fs';
import * as path from 'path';

/** Resource and data-source types kept from the azurerm schema: the library's, and the ones it is likely to grow into. */
export const AZURERM_TYPES: RegExp[] = [
  /^azurerm_machine_learning_/,
  /^azurerm_ai_foundry/,
  /^azurerm_ai_services/,
  /^azurerm_cognitive_/,
  /^azurerm_search_service/,
  /^azurerm_private_/, // private endpoints, private DNS zones and links, private link services
  /^azurerm_dns_/,
  /^azurerm_monitor_/, // diagnostic settings, AMPLS and its scoped services, alerts
  /^azurerm_log_analytics_/,
  /^azurerm_application_insights/,
  /^azurerm_role_/,
  /^azurerm_user_assigned_identity$/,
  /^azurerm_federated_identity_credential$/,
  /^azurerm_client_config$/,
  /^azurerm_subscription$/,
  /^azurerm_resource_group$/,
  /^azurerm_management_lock$/,
  /^azurerm_storage_/,
  /^azurerm_key_vault/,
  /^azurerm_container_registry/,
  /^azurerm_virtual_network/,
  /^azurerm_subnet/,
  /^azurerm_network_security_/,
  /^azurerm_network_interface/,
  /^azurerm_nat_gateway/,
  /^azurerm_public_ip/,
  /^azurerm_route_table$/,
  /^azurerm_kubernetes_cluster$/,
];

/** Provider schema files: [file name, provider_schemas key, types to keep]. */
const PROVIDERS: Array<[string, string, RegExp[]]> = [
  ['azurerm-4.55.0.schema.json', 'registry.terraform.io/hashicorp/azurerm', AZURERM_TYPES],
  // The provider version of @cdktn/provider-azurerm 16.1, which the cdktn flavour's tests check against (docs/cdktn.md).
  ['azurerm-4.73.0.schema.json', 'registry.terraform.io/hashicorp/azurerm', AZURERM_TYPES],
  ['azapi-2.12.0.schema.json', 'registry.terraform.io/azure/azapi', [/^azapi_/]],
];

/** ARM namespaces whose types are kept, for every api-version in ../shared/arm-types (azapi bodies). */
const ARM_NAMESPACES = ['microsoft.machinelearningservices'];

/** Files copied verbatim. */
const VERBATIM = ['reference/security-checks.json'];

/** `<shared>`: `$AZUREML_SHARED_DIR`, else `../shared` beside the repository. */
export function defaultSharedDir(repoRoot: string): string {
  return process.env.AZUREML_SHARED_DIR || path.resolve(repoRoot, '..', 'shared');
}

/** The slice of `shared` as relative path -> file content (deterministic bytes). */
export function sliceGroundTruth(shared: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const [file, key, keep] of PROVIDERS) {
    const rel = path.join('terraform', file);
    files.set(rel, toJson(sliceProviderSchema(readJson(path.join(shared, rel)), key, keep)));
  }
  for (const ns of ARM_NAMESPACES) {
    const nsDir = path.join(shared, 'arm-types', ns);
    for (const version of fs.readdirSync(nsDir).sort()) {
      const rel = path.join('arm-types', ns, version, 'types.json');
      if (fs.existsSync(path.join(shared, rel))) files.set(rel, toJson(sliceArmTypes(readJson(path.join(shared, rel)))));
    }
  }
  for (const rel of VERBATIM) files.set(rel, fs.readFileSync(path.join(shared, rel), 'utf8'));
  return files;
}

/** Keeps the kept types' `block`s with only what the schema checker reads (no descriptions). */
export function sliceProviderSchema(schema: any, key: string, keep: RegExp[]): any {
  const provider = schema.provider_schemas[key];
  if (!provider) throw new Error(`provider ${key} not found in the schema file`);
  const pick = (all: Record<string, any>) => Object.fromEntries(
    Object.keys(all).filter(t => keep.some(re => re.test(t))).sort().map(t => [t, { block: block(all[t].block) }]));
  return {
    format_version: schema.format_version,
    provider_schemas: {
      [key]: {
        provider: { block: block(provider.provider.block) },
        resource_schemas: pick(provider.resource_schemas ?? {}),
        data_source_schemas: pick(provider.data_source_schemas ?? {}),
      },
    },
  };
}

function block(b: any): any {
  const out: any = {};
  if (b.attributes) out.attributes = mapValues(b.attributes, attribute);
  if (b.block_types) {
    out.block_types = mapValues(b.block_types, (bt: any) => defined({
      nesting_mode: bt.nesting_mode,
      block: block(bt.block),
      min_items: bt.min_items,
      max_items: bt.max_items,
    }));
  }
  return out;
}

function attribute(a: any): any {
  return defined({
    type: a.type,
    nested_type: a.nested_type && defined({
      attributes: mapValues(a.nested_type.attributes, attribute),
      nesting_mode: a.nested_type.nesting_mode,
      min_items: a.nested_type.min_items,
      max_items: a.nested_type.max_items,
    }),
    required: a.required,
    optional: a.optional,
    computed: a.computed,
  });
}

/** ARM types (bicep-types format): every resource type, the types they reach (renumbered), no descriptions or functions. */
export function sliceArmTypes(types: any[]): any[] {
  const order: number[] = [];
  const seen = new Map<number, number>();
  const visit = (i: number) => {
    if (seen.has(i)) return;
    seen.set(i, order.length);
    order.push(i);
    forEachRef(types[i], visit);
  };
  types.forEach((t, i) => { if (t.$type === 'ResourceType') visit(i); });
  return order.map(i => renumber(stripDescriptions(types[i]), seen));
}

function forEachRef(value: any, fn: (i: number) => void): void {
  if (Array.isArray(value)) {
    value.forEach(v => forEachRef(v, fn));
  } else if (value && typeof value === 'object') {
    if (typeof value.$ref === 'string') fn(refIndex(value.$ref));
    for (const v of Object.values(value)) forEachRef(v, fn);
  }
}

function renumber(value: any, map: Map<number, number>): any {
  if (Array.isArray(value)) return value.map(v => renumber(v, map));
  if (!value || typeof value !== 'object') return value;
  if (typeof value.$ref === 'string') return { $ref: `#/${map.get(refIndex(value.$ref))}` };
  return mapValues(value, v => renumber(v, map));
}

function stripDescriptions(t: any): any {
  const { readableScopes, writableScopes, ...rest } = t;
  for (const key of ['properties', 'baseProperties']) {
    if (rest[key]) rest[key] = mapValues(rest[key], ({ description, ...p }: any) => p);
  }
  return rest;
}

function refIndex(ref: string): number {
  const m = /^#\/(\d+)$/.exec(ref);
  if (!m) throw new Error(`unsupported $ref ${ref}`);
  return Number(m[1]);
}

function mapValues(obj: Record<string, any>, fn: (v: any) => any): Record<string, any> {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));
}

function defined(obj: Record<string, any>): Record<string, any> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function toJson(value: any): string {
  return JSON.stringify(value, null, 1) + '\n';
}

/** Where the slice is committed. */
export const GROUND_TRUTH_DIR = path.resolve(__dirname, '..', 'test', 'fixtures', 'ground-truth');

const README = `# Ground truth (generated)

The slice of \`../shared\` that the conformance tests read: the azurerm 4.55.0 (cdktf flavour) and 4.73.0 (cdktn
flavour) and azapi 2.12.0 provider schemas (selected resource and data-source types, only the fields the checker reads), the ARM types of the azapi namespaces
(all resource types, without descriptions) and the security checks. Do not edit: run \`npx projen ground-truth\`
with \`../shared\` (or \`$AZUREML_SHARED_DIR\`) present. The patterns are in \`scripts/slice-ground-truth.ts\`;
\`test/ground-truth.test.ts\` fails when these files and \`../shared\` disagree.
`;

if (require.main === module) {
  const shared = defaultSharedDir(path.resolve(__dirname, '..'));
  if (!fs.existsSync(path.join(shared, 'terraform'))) {
    process.stderr.write(`slice-ground-truth: ${shared} has no terraform/ directory (set AZUREML_SHARED_DIR)\n`);
    process.exit(1);
  }
  fs.rmSync(GROUND_TRUTH_DIR, { recursive: true, force: true });
  const files = sliceGroundTruth(shared);
  for (const [rel, content] of files) {
    const file = path.join(GROUND_TRUTH_DIR, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  fs.writeFileSync(path.join(GROUND_TRUTH_DIR, 'README.md'), README);
  process.stdout.write(`slice-ground-truth: wrote ${files.size} files to ${path.relative(process.cwd(), GROUND_TRUTH_DIR)}\n`);
}
