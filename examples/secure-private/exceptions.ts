// The security checks this example does not pass, each with its reason. The one list: main.ts suppresses exactly
// these (with these reasons, visible in the `//` block of each resource in cdk.tf.json), README.md shows them, and
// test/secure-private.test.ts compares them with what the rule pack finds on the synthesized stack.

/** A rule of AzureMlSecurityChecks that a resource of the example fails on purpose. */
export interface SecurityException {
  /** Rule ID (docs/security-checks.md). */
  readonly rule: string;
  /** Construct path of the Terraform resource below the stack. */
  readonly resource: string;
  /** The tools' check IDs of the rule that fail, in catalogue order. */
  readonly checks: string[];
  /** Why it is accepted. */
  readonly reason: string;
}

const MANAGED_NETWORK_COMPUTE = 'The cluster runs in the workspace\'s managed virtual network, where Azure ML places the '
  + 'computes of a managed-network workspace; that network has no customer subnet to name. It isolates the cluster '
  + 'instead: no public IP, outbound traffic only to approved destinations.';

export const SECURITY_EXCEPTIONS: SecurityException[] = [
  {
    rule: 'AZML-SEC-012',
    resource: 'Workspace/ImageBuilder/Resource',
    checks: ['AZPOL-7804b5c7-01dc-4723-969b-ae300cc07ff1', 'PSRULE-Azure.ML.ComputeVnet'],
    reason: MANAGED_NETWORK_COMPUTE,
  },
  {
    rule: 'AZML-SEC-012',
    resource: 'Workspace/Training/Resource',
    checks: ['AZPOL-7804b5c7-01dc-4723-969b-ae300cc07ff1', 'PSRULE-Azure.ML.ComputeVnet'],
    reason: MANAGED_NETWORK_COMPUTE,
  },
  {
    rule: 'AZML-SEC-033',
    resource: 'Storage/Resource',
    checks: ['CKV_AZURE_33', 'AVD-AZU-0057'],
    reason: 'queue_properties logging is deprecated data-plane configuration a runner outside the network cannot apply; '
      + 'the storage diagnostic settings send the queue logs to the private Log Analytics workspace instead.',
  },
  {
    rule: 'AZML-SEC-055',
    resource: 'ContainerRegistry/Resource',
    checks: ['CKV_AZURE_165'],
    reason: 'A single-region deployment: the registry is zone-redundant, and its images are rebuilt from the '
      + 'environment definitions; a geo-replica adds a billed registry per region.',
  },
  {
    rule: 'AZML-SEC-056',
    resource: 'ContainerRegistry/Resource',
    checks: ['CKV_AZURE_164'],
    reason: 'Docker Content Trust is deprecated (removed 2028-03-31) and unsupported with customer-managed keys; sign '
      + 'images with Notary Project instead.',
  },
  {
    rule: 'AZML-SEC-057',
    resource: 'ContainerRegistry/Resource',
    checks: ['CKV_AZURE_166'],
    reason: 'Quarantined images cannot be pulled by Azure ML until an external scanner releases them, so the images '
      + 'the image-build compute pushes would never run.',
  },
  {
    rule: 'AZML-SEC-061',
    resource: 'ContainerRegistry/Resource',
    checks: ['AZPOL-5b9159ae-1701-4a6f-9a7a-aa9c8ddd0580'],
    reason: 'Registry CMK is enabled with a user-assigned identity, which cannot pass the firewall of the security '
      + 'team\'s key vault (only the registry\'s system-assigned identity can, as a trusted service), so the registry '
      + 'could not be created (the library warns AZML-ACR-CMK-001). Images are encrypted with Microsoft-managed keys; '
      + 'registry CMK is decided at creation, with a key the registry can reach then.',
  },
  {
    rule: 'AZML-SEC-071',
    resource: 'Workspace/ApplicationInsights/Resource',
    checks: ['AZPOL-199d5677-e4d9-4264-9465-efe1839c06bd'],
    reason: 'Azure ML sends job and endpoint telemetry with the instrumentation key; with local authentication off it '
      + 'is dropped. Ingestion is limited to the private network (AMPLS) instead.',
  },
];
