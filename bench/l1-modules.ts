// The module-load baseline: exactly the modules bench/reference-l1.ts loads besides the stack scaffolding.
import * as fs from 'fs';
import * as path from 'path';

/** Provider modules of the stack scaffolding (bench/reference-common.ts) that both variants load: not compared. */
const SCAFFOLDING_PROVIDER_MODULES = ['lib/provider', 'lib/resource-group'];

/**
 * The modules the L1 baseline loads besides the scaffolding: cdktf, constructs and every runtime
 * import of bench/reference-l1.ts (deep provider modules and the azapi bindings).
 */
export function l1ModuleSet(): string[] {
  const source = fs.readFileSync(path.join(__dirname, 'reference-l1.ts'), 'utf8');
  const mods = new Set<string>(['cdktf', 'constructs']);
  for (const m of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)';/gms)) {
    const spec = m[1];
    if (spec === './reference-common') continue;
    if (SCAFFOLDING_PROVIDER_MODULES.some(s => spec === `@cdktf/provider-azurerm/${s}`)) continue;
    mods.add(spec);
  }
  return [...mods];
}

