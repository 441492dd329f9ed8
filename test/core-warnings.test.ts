import { StorageAccount as AzurermStorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { providerStack, synthJson } from './support/synth';
import { ACKNOWLEDGEMENT_METADATA, Warnings } from '../src/core/warnings';

/** Warnings of the manifest a synthesis writes, as the cdktf CLI prints them. */
function synthesizedWarnings(stack: ReturnType<typeof providerStack>): string[] {
  Testing.synth(stack, true);
  return stack.node.findAll().flatMap(c => c.node.metadata).filter(m => m.type === '@cdktf/warn').map(m => String(m.data));
}

describe('Warnings', () => {
  test('a warning is emitted at synthesis with its ID in brackets', () => {
    const stack = providerStack();
    Warnings.of(new Construct(stack, 'Thing')).add('AZML-TEST-001', 'it is open; close it with x.');
    expect(synthesizedWarnings(stack)).toEqual(['[AZML-TEST-001] it is open; close it with x.']);
  });

  test('an acknowledgement made after the warning, on the construct or a scope above it, silences it', () => {
    const stack = providerStack();
    const parent = new Construct(stack, 'Parent');
    const child = new Construct(parent, 'Child');
    Warnings.of(child).add('AZML-TEST-001', 'first');
    Warnings.of(child).add('AZML-TEST-002', 'second');
    Warnings.of(parent).acknowledge('AZML-TEST-001', 'reviewed in PR 42');
    expect(synthesizedWarnings(stack)).toEqual(['[AZML-TEST-002] second']);
    expect(parent.node.metadata.filter(m => m.type === ACKNOWLEDGEMENT_METADATA).map(m => m.data))
      .toEqual([{ id: 'AZML-TEST-001', reason: 'reviewed in PR 42' }]);
  });

  test('an acknowledgement on a construct whose default child is a resource is written into its // block', () => {
    const stack = providerStack();
    const wrapper = new Construct(stack, 'Wrapper');
    const account = new AzurermStorageAccount(wrapper, 'Resource', {
      name: 'st', resourceGroupName: 'rg', location: 'westeurope', accountTier: 'Standard', accountReplicationType: 'LRS',
    });
    wrapper.node.defaultChild = account;
    Warnings.of(wrapper).acknowledge('CKV_AZURE_35', 'firewall managed by the platform team');
    synthJson(stack);
    // Testing.synth drops the `//` blocks; the JSON the CLI writes is the stack's toTerraform().
    const resource = Object.values((stack.toTerraform() as any).resource.azurerm_storage_account)[0] as any;
    expect(resource['//'].acknowledged).toEqual({ CKV_AZURE_35: 'firewall managed by the platform team' });
  });

  test('an acknowledgement of another ID, or in a sibling scope, does not silence a warning', () => {
    const stack = providerStack();
    const a = new Construct(stack, 'A');
    const b = new Construct(stack, 'B');
    Warnings.of(a).add('AZML-TEST-001', 'open');
    Warnings.of(b).acknowledge('AZML-TEST-001', 'not this one');
    Warnings.of(a).acknowledge('AZML-TEST-009', 'another warning');
    expect(synthesizedWarnings(stack)).toEqual(['[AZML-TEST-001] open']);
  });

  test('an acknowledgement needs a reason and a valid ID', () => {
    const stack = providerStack();
    const c = new Construct(stack, 'C');
    expect(() => Warnings.of(c).acknowledge('AZML-TEST-001', '  ')).toThrow(/platform\/C.*'AZML-TEST-001' has no reason/);
    expect(() => Warnings.of(c).acknowledge('bad id!', 'why')).toThrow(/'bad id!' is not a warning ID/);
  });
});
