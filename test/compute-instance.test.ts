// ComputeInstance: the instance specs of ../shared/cases/azureml-examples/compute, the azapi body
// (checked against the ARM types), idle shutdown, schedules, replacement on change and bad input.
import { TerraformStack } from 'cdktf';
import { expectConformant, only, providerStack, synthJson, warningsOf } from './support/synth';
import { ComputeIdentity } from '../src/compute/compute-identity';
import {
  ComputeInstance, ComputeInstanceOptions, ComputeInstanceSchedule, ComputeScheduleAction,
} from '../src/compute/compute-instance';
import { VmSize } from '../src/compute/vm-size';
import { Duration } from '../src/core/duration';
import { UserAssignedIdentityRef } from '../src/core/identity';
import { Warnings } from '../src/core/warnings';
import { StorageAccount } from '../src/storage/storage-account';
import { Workspace } from '../src/workspace/workspace';
import { IWorkspace, ManagedNetworkIsolation } from '../src/workspace/workspace-ref';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml';
const WORKSPACE_ID = `${SUB}/providers/Microsoft.MachineLearningServices/workspaces/mlw-demo`;
const UAI_ID = `${SUB}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-dev`;
const SUBNET_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/dev';
const TYPE = 'Microsoft.MachineLearningServices/workspaces/computes@2026-05-01';
const USER = { objectId: 'aaaaaaaa-0000-0000-0000-000000000001', tenantId: 'bbbbbbbb-0000-0000-0000-000000000002' };

interface Fixture {
  readonly stack: TerraformStack;
  readonly workspace: IWorkspace;
}

/** A stack with an imported workspace in westeurope; managed network unless told otherwise (null = unknown). */
function fixture(isolation: ManagedNetworkIsolation | null = ManagedNetworkIsolation.ALLOW_INTERNET_OUTBOUND): Fixture {
  const stack = providerStack('Test');
  const workspace = Workspace.fromWorkspaceAttributes(stack, 'Ml', {
    workspaceId: WORKSPACE_ID, location: 'westeurope', managedNetworkIsolation: isolation ?? undefined,
  });
  return { stack, workspace };
}

function synthInstance(options: ComputeInstanceOptions, f: Fixture = fixture()): { json: any; instance: any; construct: ComputeInstance } {
  const construct = new ComputeInstance(f.stack, 'Instance', { workspace: f.workspace, assignedUser: USER, ...options });
  const json = synthJson(f.stack);
  return { json, instance: only(json, 'azapi_resource'), construct };
}

describe('ComputeInstance: azureml-examples compute specs', () => {
  test('instance-basic: a DS3_v2 personal instance with secure defaults', () => {
    const { json, instance } = synthInstance({ name: 'basic-example-i', vmSize: VmSize.STANDARD_DS3_V2 });
    expect(instance).toMatchObject({
      type: TYPE,
      name: 'basic-example-i',
      parent_id: WORKSPACE_ID,
      location: 'westeurope',
      identity: [{ type: 'SystemAssigned' }],
    });
    expect(instance.body).toEqual({
      properties: {
        computeType: 'ComputeInstance',
        disableLocalAuth: true,
        properties: {
          vmSize: 'Standard_DS3_v2',
          enableNodePublicIp: false,
          applicationSharingPolicy: 'Personal',
          computeInstanceAuthorizationType: 'personal',
          personalComputeInstanceSettings: { assignedUser: USER },
          sshSettings: { sshPublicAccess: 'Disabled' },
          idleTimeBeforeShutdown: 'PT1H',
        },
      },
    });
    expectConformant(json);
  });

  test('instance-minimal: defaults to Standard_DS3_v2 and 60 minutes idle shutdown', () => {
    const { json, instance } = synthInstance({ name: 'minimal-example-i' });
    expect(instance.name).toBe('minimal-example-i');
    expect(instance.body.properties.properties).toMatchObject({ vmSize: 'Standard_DS3_v2', idleTimeBeforeShutdown: 'PT1H' });
    expectConformant(json);
  });

  test('instance-schedule: stop at 18:00 Pacific time', () => {
    const { json, instance } = synthInstance({
      name: 'schedule-example-i',
      vmSize: VmSize.STANDARD_DS3_V2,
      schedules: [{
        action: ComputeScheduleAction.STOP,
        cronExpression: '0 18 * * *',
        timeZone: 'Pacific Standard Time',
        startTime: '2021-03-10T21:21:07',
      }],
    });
    expect(instance.body.properties.properties.schedules).toEqual({
      computeStartStop: [{
        action: 'Stop',
        triggerType: 'Cron',
        status: 'Enabled',
        cron: { expression: '0 18 * * *', timeZone: 'Pacific Standard Time', startTime: '2021-03-10T21:21:07' },
      }],
    });
    expectConformant(json);
  });
});

describe('ComputeInstance: options', () => {
  test('start and stop schedules on weekdays, UTC by default, one disabled', () => {
    const { json, instance } = synthInstance({
      name: 'office-hours',
      schedules: [
        { action: ComputeScheduleAction.START, cronExpression: '30 7 * * MON-FRI' },
        { action: ComputeScheduleAction.STOP, cronExpression: '0 19 * * 1-5', timeZone: 'W. Europe Standard Time', enabled: false },
      ],
    });
    expect(instance.body.properties.properties.schedules.computeStartStop).toEqual([
      { action: 'Start', triggerType: 'Cron', status: 'Enabled', cron: { expression: '30 7 * * MON-FRI', timeZone: 'UTC' } },
      { action: 'Stop', triggerType: 'Cron', status: 'Disabled', cron: { expression: '0 19 * * 1-5', timeZone: 'W. Europe Standard Time' } },
    ]);
    expectConformant(json);
  });

  test('idle shutdown, SSH key, subnet, user-assigned identity, description and tags', () => {
    const uai = UserAssignedIdentityRef.fromAttributes({ identityId: UAI_ID, principalId: 'cccccccc-0000-0000-0000-000000000003', key: 'dev' });
    const { json, instance, construct } = synthInstance({
      name: 'dev-box',
      vmSize: VmSize.STANDARD_E4DS_V4,
      idleTimeBeforeShutdown: Duration.minutes(30),
      sshPublicKey: 'ssh-rsa AAAAB3NzaC1yc2E dev',
      subnetId: SUBNET_ID,
      identity: ComputeIdentity.userAssigned(uai),
      description: 'Alice dev box',
      tags: { owner: 'alice' },
    }, fixture(ManagedNetworkIsolation.DISABLED));
    expect(instance.identity).toEqual([{ type: 'UserAssigned', identity_ids: [UAI_ID] }]);
    expect(instance.tags).toEqual({ owner: 'alice' });
    expect(instance.body.properties.description).toBe('Alice dev box');
    expect(instance.body.properties.properties).toMatchObject({
      vmSize: 'Standard_E4ds_v4',
      idleTimeBeforeShutdown: 'PT30M',
      subnet: { id: SUBNET_ID },
      enableNodePublicIp: false,
      sshSettings: { sshPublicAccess: 'Enabled', adminPublicKey: 'ssh-rsa AAAAB3NzaC1yc2E dev' },
    });
    expect(construct.principalId).toBe('cccccccc-0000-0000-0000-000000000003');
    expectConformant(json);
  });

  test('the instance identity is a grantee', () => {
    const f = fixture();
    const storage = StorageAccount.fromStorageAccountId(f.stack, 'Data', `${SUB}/providers/Microsoft.Storage/storageAccounts/stdata`);
    const instance = f.workspace.addComputeInstance('Dev', { name: 'dev-box', assignedUser: USER });
    storage.grantBlobDataContributor(instance);
    const json = synthJson(f.stack);
    const [address] = Object.keys(json.resource.azapi_resource);
    expect(Object.values<any>(json.resource.azurerm_role_assignment)).toEqual([expect.objectContaining({
      role_definition_name: 'Storage Blob Data Contributor',
      principal_id: `\${azapi_resource.${address}.identity[0].principal_id}`,
      skip_service_principal_aad_check: true,
    })]);
    expect(instance.node.scope).toBe(f.workspace);
    expectConformant(json);
  });

  test('without subnet or managed network the instance needs an explicit public IP, then warns', () => {
    expect(() => synthInstance({ name: 'public-box' }, fixture(ManagedNetworkIsolation.DISABLED))).toThrow(/nodePublicIp is not set/);
    const { json, instance, construct } = synthInstance({ name: 'public-box', nodePublicIp: true }, fixture(ManagedNetworkIsolation.DISABLED));
    expect(instance.body.properties.properties.enableNodePublicIp).toBe(true);
    expect(warningsOf(construct).join('\n')).toMatch(/compute instance nodes get public IP addresses/);
    expectConformant(json);
  });

  test('an SSH key on a public-IP instance opens port 22 to the internet: an error unless acknowledged', () => {
    const f = fixture(ManagedNetworkIsolation.DISABLED);
    const box = new ComputeInstance(f.stack, 'Box', {
      workspace: f.workspace,
      name: 'ssh-box',
      nodePublicIp: true,
      sshPublicKey: 'ssh-rsa AAAAB3NzaC1yc2E dev',
      assignedUser: { objectId: '11111111-1111-1111-1111-111111111111', tenantId: '22222222-2222-2222-2222-222222222222' },
    });
    expect(() => synthJson(f.stack)).toThrow(/Box: the compute instance opens SSH \(port 22\) to the internet/);
    Warnings.of(f.stack).acknowledge('AZML-COMPUTE-003', 'lab subscription, reviewed');
    expect(only(synthJson(f.stack), 'azapi_resource').body.properties.properties.sshSettings.sshPublicAccess).toBe('Enabled');
    expect(box.nodePublicIp).toBe(true);
  });

  test('without assignedUser a warning says the instance belongs to the deployer', () => {
    const f = fixture();
    const construct = new ComputeInstance(f.stack, 'Instance', { workspace: f.workspace, name: 'nobody-box' });
    const json = synthJson(f.stack);
    const body = Object.values<any>(json.resource.azapi_resource)[0].body;
    expect(body.properties.properties.personalComputeInstanceSettings).toBeUndefined();
    expect(warningsOf(construct).join('\n')).toMatch(/no assignedUser.*terraform apply/);
    expectConformant(json);
  });

  test('any change replaces the instance (Azure cannot update one): replace triggers carry the whole configuration', () => {
    const a = synthInstance({ name: 'dev-box', tags: { owner: 'alice' } }).instance;
    const b = synthInstance({ name: 'dev-box', tags: { owner: 'bob' } }).instance;
    const c = synthInstance({ name: 'dev-box', tags: { owner: 'alice' }, idleTimeBeforeShutdown: Duration.hours(2) }).instance;
    expect(a.replace_triggers_external_values).toEqual({ body: a.body, identity: { type: 'SystemAssigned' }, location: 'westeurope', tags: { owner: 'alice' } });
    expect(b.replace_triggers_external_values).not.toEqual(a.replace_triggers_external_values);
    expect(c.replace_triggers_external_values.body.properties.properties.idleTimeBeforeShutdown).toBe('PT2H');
  });
});

describe('ComputeInstance: bad input', () => {
  function make(options: ComputeInstanceOptions, f: Fixture = fixture()): () => ComputeInstance {
    return () => new ComputeInstance(f.stack, 'Instance', { workspace: f.workspace, assignedUser: USER, ...options });
  }
  const stop = (cronExpression: string, extra: Partial<ComputeInstanceSchedule> = {}): ComputeInstanceSchedule[] =>
    [{ action: ComputeScheduleAction.STOP, cronExpression, ...extra }];

  test('idle shutdown below the 15-minute minimum', () => {
    expect(make({ idleTimeBeforeShutdown: Duration.minutes(10) })).toThrow(
      /Test\/Instance: idleTimeBeforeShutdown is PT10M; Azure accepts whole seconds from 15 minutes \(PT15M\) to 3 days \(P3D\)/);
  });

  test('negative idle shutdown', () => {
    expect(make({ idleTimeBeforeShutdown: Duration.minutes(-60) })).toThrow(/idleTimeBeforeShutdown is -PT1H; Azure accepts/);
  });

  test('idle shutdown above 3 days', () => {
    expect(make({ idleTimeBeforeShutdown: Duration.days(4) })).toThrow(/idleTimeBeforeShutdown is P4D; Azure accepts whole seconds from 15 minutes/);
  });

  test.each([
    ['dev-123', 'ends in -<digits>'],
    ['abc', 'too short'],
    ['9box', 'starts with a digit'],
    ['a-very-long-compute-instance', 'too long'],
  ])('name %s is rejected (%s)', (name) => {
    expect(make({ name })).toThrow(new RegExp(`Test/Instance: compute instance name '${name}' is invalid: it must be 4-24 letters, digits and hyphens, `
      + 'starting with a letter, ending with a letter or digit, not ending in -<digits>'));
  });

  test.each([
    ['0 18 * *', /it has 4 field\(s\); it needs 5: minute hour day-of-month month day-of-week/],
    ['60 18 * * *', /minute value 60 is out of range 0-59/],
    ['0 24 * * *', /hour value 24 is out of range 0-23/],
    ['0 18 0 * *', /day of month value 0 is out of range 1-31/],
    ['0 18 * 13 *', /month value 13 is out of range 1-12/],
    ['0 18 * * 7', /day of week value 7 is out of range 0-6/],
    ['0 18 * * FRI-MON', /range 'FRI-MON' runs backwards/],
    ['*/0 * * * *', /step '0' in '\*\/0' must be a whole number, 1 or more/],
    ['0 18 * * x', /'x' is not a valid day of week/],
    ['0 18,, * * *', /empty item in the hour field/],
  ])('cron %s is rejected', (expression, detail) => {
    let message = '';
    try {
      make({ schedules: stop(expression) })();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Test\/Instance: schedules\[0\]\.cronExpression '.*' is invalid: /);
    expect(message).toMatch(detail);
    expect(message).toMatch(/Use 5 fields, minute hour day-of-month month day-of-week/);
  });

  test('valid cron forms are accepted', () => {
    for (const expression of ['0 18 * * *', '*/15 8-18 * * 1-5', '0 0 1,15 JAN-JUN SUN', '5 4 * * 0', '0 22-23/1 * * *']) {
      expect(make({ schedules: stop(expression) })).not.toThrow();
    }
  });

  test('an IANA time zone is rejected', () => {
    expect(make({ schedules: stop('0 18 * * *', { timeZone: 'Europe/Berlin' }) })).toThrow(
      /schedules\[0\]\.timeZone 'Europe\/Berlin' is not a Windows time zone ID.*W. Europe Standard Time/);
  });

  test('a start time with a UTC offset is rejected', () => {
    expect(make({ schedules: stop('0 18 * * *', { startTime: '2021-03-10T21:21:07Z' }) })).toThrow(
      /schedules\[0\]\.startTime '2021-03-10T21:21:07Z' is invalid: it must be yyyy-MM-ddTHH:mm:ss without a UTC offset/);
  });

  test('nodePublicIp false without subnet or managed network', () => {
    expect(make({ nodePublicIp: false }, fixture(ManagedNetworkIsolation.DISABLED))).toThrow(
      /Test\/Instance: nodePublicIp is false, but the compute instance has no subnetId and the workspace has no managed network/);
  });

  test('an assigned user tenant that is not a GUID', () => {
    expect(make({ assignedUser: { objectId: 'x', tenantId: 'contoso.onmicrosoft.com' } })).toThrow(
      /assignedUser.tenantId 'contoso.onmicrosoft.com' is invalid: it must be a GUID/);
  });
});
