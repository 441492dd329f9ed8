// examples/secure-private: the private workspace a regulated platform team ships. The rule pack finds exactly the
// documented exceptions (examples/secure-private/exceptions.ts, shown in its README), and the things a reviewer
// relies on hold in the synthesized JSON: nothing public, an endpoint with a DNS zone group for every dependency,
// AMPLS, only approved outbound traffic, compute without public IPs, image builds on a cluster, locks, diagnostics.
import * as fs from 'fs';
import * as path from 'path';
import { TerraformResource, TerraformStack, Testing } from 'cdktf';
import { planValue } from './support/plan-names';
import { expectConformant, ofType, warningsOf } from './support/synth';
import { SECURITY_EXCEPTIONS, SecurityException } from '../examples/secure-private/exceptions';
import { build, CONFIG, IMAGE_BUILD_COMPUTE, PACKAGE_MIRRORS } from '../examples/secure-private/main';
import { Outcome } from '../src/checks/condition';
import { evaluateResource, UnsetAttributes } from '../src/checks/evaluate';

const ROOT = path.join(__dirname, '..');
const EXAMPLE_README = path.join(ROOT, 'examples', 'secure-private', 'README.md');

function synthExample(): { stack: TerraformStack; json: any; tree: any } {
  const [stack] = build(Testing.app());
  const json = JSON.parse(Testing.synth(stack, true));
  // The construct tree view of the same stack: the `//` block holds each resource's path and acknowledgements.
  const tree = stack.toTerraform();
  return { stack, json, tree };
}

/** Construct path below the stack of every resource, by `type.name`. */
function resourcePaths(stack: TerraformStack): Map<string, string> {
  const paths = new Map<string, string>();
  for (const c of stack.node.findAll()) {
    if (TerraformResource.isTerraformResource(c)) {
      const r = c as TerraformResource;
      paths.set(`${r.terraformResourceType}.${r.friendlyUniqueId}`, r.node.path.slice(stack.node.id.length + 1));
    }
  }
  return paths;
}

/** Every rule a resource fails, judged on the synthesized attributes with `unset` semantics and names as planned. */
function failures(stack: TerraformStack, json: any, unset: UnsetAttributes): { found: string[]; unknown: string[] } {
  const paths = resourcePaths(stack);
  const groups = Object.fromEntries(Object.entries<any>(ofType(json, 'azurerm_resource_group'))
    .map(([name, rg]) => [`azurerm_resource_group.${name}.name`, rg.name]));
  const found: string[] = [];
  const unknown: string[] = [];
  for (const [type, byName] of Object.entries<any>(json.resource)) {
    for (const [name, body] of Object.entries<any>(byName)) {
      // Generated globally unique names are Terraform expressions: judge them as `terraform plan` shows them.
      const config = { ...body, name: planValue(body.name, undefined, groups) };
      for (const result of evaluateResource(type, config, unset)) {
        const where = paths.get(`${type}.${name}`);
        if (result.outcome === Outcome.FAIL) found.push(key({ rule: result.rule.id, resource: where!, checks: [...result.failing] }));
        if (result.outcome === Outcome.UNKNOWN) unknown.push(`${result.rule.id} @ ${where}`);
      }
    }
  }
  return { found: found.sort(), unknown };
}

/** The resource that creates the workspace: `address` (`type.name`) and its body. */
function workspaceResource(json: any): { address: string; body: any } {
  const found: { address: string; body: any }[] = [];
  for (const [name, body] of Object.entries<any>(ofType(json, 'azurerm_machine_learning_workspace'))) found.push({ address: `azurerm_machine_learning_workspace.${name}`, body });
  for (const [name, body] of Object.entries<any>(ofType(json, 'azapi_resource'))) {
    if (/^Microsoft\.MachineLearningServices\/workspaces@/.test(body.type)) found.push({ address: `azapi_resource.${name}`, body });
  }
  expect(found).toHaveLength(1);
  return found[0];
}

/**
 * What a `${type.name.attr}` reference (optionally followed by a path) points at: `workspace` for the resource that
 * creates the workspace (azurerm or azapi), else the Terraform type; the rest of the path is kept.
 */
function targetOf(json: any, ref: string): string {
  const m = /^\$\{([a-z_]+)\.([^.}]+)\.[a-z_]+\}(.*)$/.exec(ref);
  if (!m) return ref;
  return `${`${m[1]}.${m[2]}` === workspaceResource(json).address ? 'workspace' : m[1]}${m[3]}`;
}

function key(e: Pick<SecurityException, 'rule' | 'resource' | 'checks'>): string {
  return `${e.rule} @ ${e.resource}: ${e.checks.join(', ')}`;
}

/** The exceptions as the README table shows them. */
function exceptionsTable(): string {
  return [
    '| Rule | Resource | Failing checks | Why |',
    '| --- | --- | --- | --- |',
    ...SECURITY_EXCEPTIONS.map(e => `| ${e.rule} | \`${e.resource}\` | ${e.checks.map(c => `\`${c}\``).join(', ')} | ${e.reason} |`),
  ].join('\n');
}

describe('example secure-private', () => {
  let stack: TerraformStack;
  let json: any;
  let tree: any;
  beforeAll(() => ({ stack, json, tree } = synthExample()));

  const all = (type: string): any[] => Object.values(ofType(json, type));

  test('conforms to the provider schemas and the ARM types', () => {
    expectConformant(json);
  });

  describe('security checks', () => {
    test('the rules it fails are exactly the documented exceptions (provider defaults for unset attributes)', () => {
      const { found, unknown } = failures(stack, json, UnsetAttributes.PROVIDER_DEFAULTS);
      expect(found).toEqual(SECURITY_EXCEPTIONS.map(key).sort());
      // Nothing is left to judge at apply time.
      expect(unknown).toEqual([]);
    });

    test('the same as the scanners read the file (only what is written counts)', () => {
      expect(failures(stack, json, UnsetAttributes.AS_WRITTEN).found).toEqual(SECURITY_EXCEPTIONS.map(key).sort());
    });

    test('every exception has a reason, and no rule is excepted on a resource twice', () => {
      for (const e of SECURITY_EXCEPTIONS) expect(e.reason.length).toBeGreaterThan(60);
      const ids = SECURITY_EXCEPTIONS.map(e => `${e.rule} @ ${e.resource}`);
      expect(new Set(ids).size).toBe(ids.length);
    });

    test('the pack runs at ERROR level and reports nothing: each exception is suppressed with its reason, recorded in the JSON', () => {
      const errors = stack.node.findAll().flatMap(c => c.node.metadata.filter(m => m.type === '@cdktf/error'));
      expect(errors).toEqual([]);
      const recorded: string[] = [];
      const expected: string[] = [];
      for (const byName of Object.values<any>(tree.resource)) {
        for (const body of Object.values<any>(byName)) {
          const where = String(body['//'].metadata.path).replace(`${stack.node.id}/`, '');
          for (const [id, reason] of Object.entries(body['//'].acknowledged ?? {})) {
            if (id.startsWith('AZML-SEC-')) recorded.push(`${id} @ ${where}: ${reason}`);
          }
        }
      }
      for (const e of SECURITY_EXCEPTIONS) expected.push(`${e.rule} @ ${e.resource}: ${e.reason}`);
      expect(recorded.sort()).toEqual(expected.sort());
    });

    test('no warnings: the reachability checks pass and the one component warning is acknowledged as an exception', () => {
      expect(warningsOf(stack, true)).toEqual([]);
    });
  });

  describe('network', () => {
    test('no resource accepts public network traffic', () => {
      let judged = 0;
      for (const [type, byName] of Object.entries<any>(json.resource)) {
        for (const [name, body] of Object.entries<any>(byName)) {
          for (const attr of ['public_network_access_enabled', 'internet_ingestion_enabled', 'internet_query_enabled']) {
            if (attr in body) {
              judged++;
              expect([`${type}.${name}.${attr}`, body[attr]]).toEqual([`${type}.${name}.${attr}`, false]);
            }
          }
        }
      }
      // The same in ARM bodies (an azapi workspace: publicNetworkAccess).
      for (const type of ['azapi_resource', 'azapi_update_resource']) {
        for (const [name, r] of Object.entries<any>(ofType(json, type))) {
          const access = r.body?.properties?.publicNetworkAccess;
          if (access !== undefined) {
            judged++;
            expect([`${type}.${name}`, access]).toEqual([`${type}.${name}`, 'Disabled']);
          }
        }
      }
      // Storage, registry, key vault, workspace; Log Analytics and Application Insights twice each.
      expect(judged).toBeGreaterThanOrEqual(8);
      for (const storage of all('azurerm_storage_account')) expect(storage.network_rules).toMatchObject({ default_action: 'Deny', bypass: ['AzureServices'], ip_rules: [] });
      for (const vault of all('azurerm_key_vault')) expect(vault.network_acls).toMatchObject({ default_action: 'Deny', bypass: 'AzureServices' });
      for (const registry of all('azurerm_container_registry')) expect(registry).toMatchObject({ sku: 'Premium', export_policy_enabled: false });
    });

    test('a private endpoint with a DNS zone group for the workspace and every dependency', () => {
      const targets = all('azurerm_private_endpoint').map(pe => {
        expect(pe.private_dns_zone_group.private_dns_zone_ids.length).toBeGreaterThan(0);
        expect(pe.subnet_id).toMatch(/^\$\{azurerm_subnet\.PrivateEndpointSubnet\.id\}$/);
        const target = targetOf(json, pe.private_service_connection.private_connection_resource_id);
        return `${target}:${pe.private_service_connection.subresource_names.join(',')}`;
      });
      expect(targets.sort()).toEqual([
        'azurerm_container_registry:registry',
        'azurerm_key_vault:vault',
        'azurerm_monitor_private_link_scope:azuremonitor',
        'azurerm_storage_account:blob',
        'azurerm_storage_account:file',
        'workspace:amlworkspace',
      ]);
    });

    test('the library creates the DNS zones, each linked once to the example network', () => {
      const zones = ofType(json, 'azurerm_private_dns_zone');
      expect(Object.values<any>(zones).map(z => z.name).sort()).toEqual([
        'privatelink.agentsvc.azure-automation.net',
        'privatelink.api.azureml.ms',
        'privatelink.azurecr.io',
        'privatelink.blob.core.windows.net',
        'privatelink.file.core.windows.net',
        'privatelink.monitor.azure.com',
        'privatelink.notebooks.azure.net',
        'privatelink.ods.opinsights.azure.com',
        'privatelink.oms.opinsights.azure.com',
        'privatelink.vaultcore.azure.net',
      ]);
      const links = all('azurerm_private_dns_zone_virtual_network_link');
      expect(links.map(l => l.private_dns_zone_name).sort()).toEqual(Object.keys(zones).map(n => `\${azurerm_private_dns_zone.${n}.name}`).sort());
      for (const link of links) expect(link).toMatchObject({ registration_enabled: false });
      // Every zone a zone group names is one of the created zones.
      for (const pe of all('azurerm_private_endpoint')) {
        for (const id of pe.private_dns_zone_group.private_dns_zone_ids) expect(Object.keys(zones)).toContain(/azurerm_private_dns_zone\.([^.]+)\.id/.exec(id)![1]);
      }
    });

    test('Log Analytics and Application Insights are scoped into the AMPLS (Open access modes, as Azure ML requires)', () => {
      const scopes = all('azurerm_monitor_private_link_scope');
      expect(scopes).toHaveLength(1);
      expect(scopes[0]).toMatchObject({ ingestion_access_mode: 'Open', query_access_mode: 'Open' });
      const linked = all('azurerm_monitor_private_link_scoped_service').map(s => /^\$\{(azurerm_[a-z_]+)\./.exec(s.linked_resource_id)![1]);
      expect(linked.sort()).toEqual(['azurerm_application_insights', 'azurerm_log_analytics_workspace']);
    });

    test('the user\'s network: a virtual network with an endpoint subnet and a client subnet, as plain azurerm resources', () => {
      expect(all('azurerm_virtual_network')).toHaveLength(1);
      expect(all('azurerm_subnet').map(s => s.name).sort()).toEqual(['snet-clients', 'snet-private-endpoints']);
    });
  });

  describe('the workspace', () => {
    test('is created in its final state: private, identity-based system datastores, user-assigned identity, CMK, approved outbound only', () => {
      const workspace = workspaceResource(json);
      expect(workspace.address).toMatch(/^azapi_resource\./);
      expect(workspace.body.identity).toEqual([{ type: 'UserAssigned', identity_ids: ['${azurerm_user_assigned_identity.WorkspaceIdentity.id}'] }]);
      expect(workspace.body.body.properties).toMatchObject({
        publicNetworkAccess: 'Disabled',
        systemDatastoresAuthMode: 'Identity',
        primaryUserAssignedIdentity: '${azurerm_user_assigned_identity.WorkspaceIdentity.id}',
        managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound', firewallSku: 'Standard' },
        encryption: { status: 'Enabled', keyVaultProperties: { keyIdentifier: CONFIG.cmkKeyId, keyVaultArmId: CONFIG.cmkKeyVaultId } },
        imageBuildCompute: IMAGE_BUILD_COMPUTE,
        v1LegacyMode: false,
      });
      // Its storage account refuses account keys from the first apply.
      expect(all('azurerm_storage_account')[0].shared_access_key_enabled).toBe(false);
    });
  });

  describe('managed network and compute', () => {
    test('outbound: only the package mirrors pip and conda need, behind the managed network\'s firewall', () => {
      const rules = all('azurerm_machine_learning_workspace_network_outbound_rule_fqdn');
      expect(Object.fromEntries(rules.map(r => [r.name, r.destination_fqdn]))).toEqual(PACKAGE_MIRRORS);
      expect(Object.values(PACKAGE_MIRRORS).sort()).toEqual(['conda.anaconda.org', 'files.pythonhosted.org', 'pypi.org', 'repo.anaconda.com']);
      expect(ofType(json, 'azurerm_machine_learning_workspace_network_outbound_rule_service_tag')).toEqual({});
      // The firewall SKU is part of the workspace's managed network (azapi: azurerm 4.55.0 lacks it).
      const firewall = [...all('azapi_update_resource'), ...all('azapi_resource')].filter(u => u.body?.properties?.managedNetwork?.firewallSku);
      expect(firewall).toHaveLength(1);
      expect(firewall[0].body.properties.managedNetwork).toMatchObject({ isolationMode: 'AllowOnlyApprovedOutbound', firewallSku: 'Standard' });
    });

    test('compute clusters: no public IP, no local auth, no SSH, scale to zero; one of them builds the images', () => {
      const clusters = all('azurerm_machine_learning_compute_cluster');
      expect(clusters.map(c => c.name).sort()).toEqual([IMAGE_BUILD_COMPUTE, 'train-cpu']);
      for (const c of clusters) {
        expect(c).toMatchObject({ node_public_ip_enabled: false, local_auth_enabled: false, ssh_public_access_enabled: false });
        expect(c.scale_settings.min_node_count).toBe(0);
        expect(c.subnet_resource_id).toBeUndefined();
      }
      const workspace = workspaceResource(json).body;
      expect(workspace.image_build_compute_name ?? workspace.body?.properties?.imageBuildCompute).toBe(IMAGE_BUILD_COMPUTE);
    });
  });

  describe('identity, keys, locks and diagnostics', () => {
    test('the workspace acts as a user-assigned identity, granted on every dependency before the workspace exists', () => {
      const identity = '${azurerm_user_assigned_identity.WorkspaceIdentity.principal_id}';
      const grants = Object.entries(ofType(json, 'azurerm_role_assignment')).filter(([, g]) => g.principal_id === identity);
      const scopes = new Set(grants.map(([, g]) => /^\$\{(azurerm_[a-z_]+)\./.exec(g.scope)?.[1] ?? g.scope));
      expect([...scopes]).toEqual(expect.arrayContaining([
        'azurerm_storage_account', 'azurerm_key_vault', 'azurerm_container_registry', 'azurerm_application_insights', CONFIG.cmkKeyVaultId,
      ]));
      // Azure checks the identity's access when it creates the workspace: every grant on a dependency comes first.
      const workspace = workspaceResource(json);
      const onDependencies = grants.filter(([, g]) => !String(g.scope).includes(workspace.address)).map(([name]) => `azurerm_role_assignment.${name}`);
      expect(onDependencies.length).toBeGreaterThanOrEqual(5);
      expect(workspace.body.depends_on).toEqual(expect.arrayContaining(onDependencies));
    });

    test('the customer-managed key encrypts the workspace and the storage account, reached as the workspace identity', () => {
      const identityId = '${azurerm_user_assigned_identity.WorkspaceIdentity.id}';
      const [storage] = all('azurerm_storage_account');
      expect(storage.customer_managed_key).toEqual({ key_vault_key_id: CONFIG.cmkKeyId, user_assigned_identity_id: identityId });
      expect(storage.identity).toEqual({ type: 'UserAssigned', identity_ids: [identityId] });
      expect(JSON.stringify(workspaceResource(json).body)).toContain(CONFIG.cmkKeyId);
    });

    test('CanNotDelete locks on the workspace and every stateful dependency', () => {
      const locked = all('azurerm_management_lock').map(l => {
        expect(l.lock_level).toBe('CanNotDelete');
        return targetOf(json, l.scope);
      });
      expect(locked.sort()).toEqual([
        'azurerm_application_insights',
        'azurerm_container_registry',
        'azurerm_key_vault',
        'azurerm_log_analytics_workspace',
        'azurerm_storage_account',
        'workspace',
      ]);
    });

    test('diagnostic settings of the workspace, key vault, storage (account and its four services) and registry go to the private Log Analytics workspace', () => {
      const settings = all('azurerm_monitor_diagnostic_setting');
      const law = Object.keys(ofType(json, 'azurerm_log_analytics_workspace'));
      expect(law).toHaveLength(1);
      for (const s of settings) expect(s.log_analytics_workspace_id).toBe(`\${azurerm_log_analytics_workspace.${law[0]}.id}`);
      const targets = settings.map(s => targetOf(json, String(s.target_resource_id)));
      expect(targets.sort()).toEqual([
        'azurerm_container_registry',
        'azurerm_key_vault',
        'azurerm_storage_account',
        'azurerm_storage_account/blobServices/default',
        'azurerm_storage_account/fileServices/default',
        'azurerm_storage_account/queueServices/default',
        'azurerm_storage_account/tableServices/default',
        'workspace',
      ]);
    });

    test('the provider reaches storage with Entra ID and makes no data-plane calls to the private account', () => {
      const provider = json.provider.azurerm[0];
      expect(provider).toMatchObject({ storage_use_azuread: true });
      expect(provider.features[0].storage).toEqual([{ data_plane_available: false }]);
    });
  });

  describe('documentation', () => {
    let readme: string;
    beforeAll(() => { readme = fs.readFileSync(EXAMPLE_README, 'utf8'); });

    test('the example README shows exactly the exception list', () => {
      const start = readme.indexOf('<!-- exceptions:start -->');
      const end = readme.indexOf('<!-- exceptions:end -->');
      expect(start).toBeGreaterThan(0);
      expect(readme.slice(start + '<!-- exceptions:start -->'.length, end).trim()).toBe(exceptionsTable());
    });

    test('the README names the provider settings and the package mirrors', () => {
      for (const s of ['storage_use_azuread', 'data_plane_available', ...Object.values(PACKAGE_MIRRORS)]) expect(readme).toContain(s);
    });

    test('README.md and docs/private-networking.md link the example', () => {
      expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('examples/secure-private');
      const doc = fs.readFileSync(path.join(ROOT, 'docs', 'private-networking.md'), 'utf8');
      expect(doc).toContain('../examples/secure-private');
    });
  });
});
