// Environments: the three azureml-examples environment specs, versioning by content hash, bad input.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import {
  AutoRebuild, BuildContext, CondaFile, ContainerRegistry, Environment, EnvironmentImage, EnvironmentProps,
  IWorkspace, OperatingSystem, Principal, StorageAccount, Workspace,
} from '../src';
import { describeWithShared, sharedDir } from './support/shared';
import { expectConformant, ofType, providerStack, resolveValue, synthJson, warningsOf } from './support/synth';
import { displayPath } from '../src/core/local-path';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml/providers';
const WS_ID = `${SUB}/Microsoft.MachineLearningServices/workspaces/mlw-demo`;
const SA_ID = `${SUB}/Microsoft.Storage/storageAccounts/stmldemo`;
const ACR_ID = `${SUB}/Microsoft.ContainerRegistry/registries/acrmldemo`;
const WS_PRINCIPAL = '11111111-1111-1111-1111-111111111111';
const ENV_TYPE = 'Microsoft.MachineLearningServices/workspaces/environments/versions@2025-06-01';
const DIGEST = `sha256:${'a'.repeat(64)}`;
const PYDATA_IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04';

function casesDir(): string {
  return path.join(sharedDir()!, 'cases', 'azureml-examples', 'environment');
}

function setup(id = 'platform'): { stack: TerraformStack; workspace: IWorkspace } {
  const stack = providerStack(id);
  const workspace = Workspace.fromWorkspaceAttributes(stack, 'Workspace', {
    workspaceId: WS_ID,
    systemAssignedPrincipalId: WS_PRINCIPAL,
    storageAccount: StorageAccount.fromStorageAccountId(stack, 'Storage', SA_ID),
  });
  return { stack, workspace };
}

/** Resources of one type as [logical id, config] pairs. */
function resources(json: any, type: string): Array<[string, any]> {
  return Object.entries(ofType(json, type));
}

/** The single environment version in a synthesized stack. */
function envVersion(json: any): any {
  const envs = resources(json, 'azapi_resource').filter(([, r]) => r.type === ENV_TYPE);
  expect(envs).toHaveLength(1);
  return envs[0][1];
}

/** Synthesizes a stack with one environment built by `build`, in a fresh app. */
function synthWith(build: (scope: TerraformStack, workspace: IWorkspace) => void): { text: string; json: any } {
  const { stack, workspace } = setup();
  build(stack, workspace);
  const text = Testing.synth(stack, true);
  return { text, json: JSON.parse(text) };
}

function md5(file: string): string {
  return createHash('md5').update(fs.readFileSync(file)).digest('hex');
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'env-test-'));
}

describeWithShared('the azureml-examples environment specs', () => {
  test('docker-image.yml: an image by URI, Linux, with its description', () => {
    const { stack, workspace } = setup();
    const env = new Environment(stack, 'DockerImage', {
      workspace,
      name: 'docker-image-example',
      image: EnvironmentImage.fromUri('pytorch/pytorch:latest'),
      description: 'Environment created from a Docker image.',
    });
    const json = synthJson(stack);
    const r = envVersion(json);
    expect(r.parent_id).toBe(`${WS_ID}/environments/docker-image-example`);
    expect(r.name).toMatch(/^[0-9a-f]{12}$/);
    expect(r.name).toBe(env.version);
    expect(r.body).toEqual({
      properties: {
        image: 'pytorch/pytorch:latest',
        osType: 'Linux',
        description: 'Environment created from a Docker image.',
      },
    });
    expect(r.lifecycle).toEqual({ create_before_destroy: true });
    expect(r.replace_triggers_external_values).toEqual({ content_sha256: env.contentHash });
    expect(env.reference).toBe(`azureml:docker-image-example:${env.version}`);
    expect(resolveValue(stack, env.assetId)).toMatch(/^\$\{azapi_resource\.DockerImage_[A-F0-9]+\.id\}$/);
    expectConformant(json);
  });

  test('docker-image-plus-conda.yaml: image plus the content of conda-yamls/pydata.yml (not its path)', () => {
    const { stack, workspace } = setup();
    const condaPath = path.join(casesDir(), 'conda-yamls', 'pydata.yml');
    new Environment(stack, 'DockerImagePlusConda', {
      workspace,
      name: 'docker-image-plus-conda-example',
      image: EnvironmentImage.fromUri(PYDATA_IMAGE),
      condaFile: CondaFile.fromFile(condaPath),
      description: 'Environment created from a Docker image plus Conda environment.',
    });
    const text = Testing.synth(stack, true);
    const json = JSON.parse(text);
    const r = envVersion(json);
    expect(r.parent_id).toBe(`${WS_ID}/environments/docker-image-plus-conda-example`);
    expect(r.body.properties).toEqual({
      image: PYDATA_IMAGE,
      condaFile: fs.readFileSync(condaPath, 'utf8'),
      osType: 'Linux',
      description: 'Environment created from a Docker image plus Conda environment.',
    });
    expect(r.body.properties.condaFile).toContain('- scikit-learn==0.24.2');
    expect(text).not.toContain(sharedDir()!);
    expectConformant(json);
  });

  test('docker-context.yml: the local python-and-pip folder is uploaded file by file and built from', () => {
    const { stack, workspace } = setup();
    const folder = path.join(casesDir(), 'docker-contexts', 'python-and-pip');
    const env = new Environment(stack, 'DockerContext', {
      workspace,
      name: 'docker-context-example',
      buildContext: BuildContext.fromLocalDirectory(folder),
    });
    const text = Testing.synth(stack, true);
    const json = JSON.parse(text);

    const blobs = resources(json, 'azurerm_storage_blob').map(([, b]) => b);
    expect(blobs).toHaveLength(2);
    const prefix = blobs[0].name.replace(/\/[^/]+$/, '');
    expect(prefix).toMatch(/^environments\/docker-context-example\/[0-9a-f]{16}$/);
    const byFile = Object.fromEntries(blobs.map(b => [b.name.slice(prefix.length + 1), b]));
    expect(Object.keys(byFile).sort()).toEqual(['Dockerfile', 'requirements.txt']);
    for (const file of ['Dockerfile', 'requirements.txt']) {
      const b = byFile[file];
      expect(b).toMatchObject({
        storage_account_name: 'stmldemo',
        storage_container_name: 'azureml',
        type: 'Block',
        content_md5: md5(path.join(folder, file)),
        lifecycle: { create_before_destroy: true },
      });
      // Relative to the stack's Terraform directory, where cdktf copies the folder: no machine path.
      expect(b.source).toMatch(new RegExp(`^assets/[A-Za-z0-9_]+/${prefix.split('/')[2]}/${file.replace('.', '\\.')}$`));
    }
    expect(text).not.toContain(sharedDir()!);

    const r = envVersion(json);
    expect(r.parent_id).toBe(`${WS_ID}/environments/docker-context-example`);
    expect(r.body).toEqual({
      properties: {
        build: { contextUri: `https://stmldemo.blob.core.windows.net/azureml/${prefix}/`, dockerfilePath: 'Dockerfile' },
        osType: 'Linux',
      },
    });
    expect(env.contextUri).toBe(`https://stmldemo.blob.core.windows.net/azureml/${prefix}/`);
    // The version waits for its files.
    const blobIds = resources(json, 'azurerm_storage_blob').map(([id]) => `azurerm_storage_blob.${id}`).sort();
    expect([...r.depends_on].sort()).toEqual(blobIds);
    expectConformant(json);
  });

  test('unchanged input re-synthesizes byte-identically (image + conda, and build context)', () => {
    const build = (stack: TerraformStack, workspace: IWorkspace) => {
      new Environment(stack, 'Conda', {
        workspace,
        image: EnvironmentImage.fromUri(PYDATA_IMAGE),
        condaFile: CondaFile.fromFile(path.join(casesDir(), 'conda-yamls', 'pydata.yml')),
      });
      new Environment(stack, 'Context', {
        workspace,
        buildContext: BuildContext.fromLocalDirectory(path.join(casesDir(), 'docker-contexts', 'python-and-pip')),
      });
    };
    const first = synthWith(build).text;
    expect(synthWith(build).text).toBe(first);
  });
});

describe('versioning', () => {
  /** Two synths of an image + conda environment whose conda file changes in between. */
  function twoSynthsWithCondaChange(version?: string): { before: any; after: any } {
    const dir = tmpDir();
    const conda = path.join(dir, 'conda.yml');
    const build = (stack: TerraformStack, workspace: IWorkspace) => {
      new Environment(stack, 'Train', {
        workspace,
        name: 'train',
        version,
        image: EnvironmentImage.fromUri(PYDATA_IMAGE),
        condaFile: CondaFile.fromFile(conda),
        description: 'training',
      });
      new Environment(stack, 'Other', { workspace, name: 'other', image: EnvironmentImage.fromUri('python:3.11') });
    };
    fs.writeFileSync(conda, 'name: train\ndependencies:\n  - python=3.10\n  - pip\n');
    const before = synthWith(build).json;
    fs.writeFileSync(conda, 'name: train\ndependencies:\n  - python=3.11\n  - pip\n');
    const after = synthWith(build).json;
    return { before, after };
  }

  /** Every resource address with its config, minus cdktf metadata. */
  function allResources(json: any): Record<string, any> {
    const out: Record<string, any> = {};
    for (const [type, byId] of Object.entries<any>(json.resource)) {
      for (const [id, config] of Object.entries<any>(byId)) out[`${type}.${id}`] = config;
    }
    return out;
  }

  test('changing the conda file changes the version; the new version replaces the old one create-before-destroy; nothing else changes', () => {
    const { before, after } = twoSynthsWithCondaChange();
    const b = allResources(before);
    const a = allResources(after);
    // Same addresses: nothing removed, so nothing else is destroyed.
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    const changed = Object.keys(a).filter(k => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    expect(changed).toHaveLength(1);
    const [address] = changed;
    expect(a[address].parent_id).toBe(`${WS_ID}/environments/train`);
    // The version is the name: a new name is a new Azure resource, created before the old one is deleted.
    expect(a[address].name).not.toBe(b[address].name);
    expect(a[address].lifecycle).toEqual({ create_before_destroy: true });
    expect(a[address].body.properties.condaFile).toContain('python=3.11');
    expect(b[address].body.properties.condaFile).toContain('python=3.10');
    expect(a[address].body.properties.description).toBe(b[address].body.properties.description);
    expectConformant(after);
  });

  test('with an explicit version, a content change keeps the name but changes the replace trigger (no silent update)', () => {
    const { before, after } = twoSynthsWithCondaChange('7');
    const b = envVersionNamed(before, 'train');
    const a = envVersionNamed(after, 'train');
    expect(b.name).toBe('7');
    expect(a.name).toBe('7');
    expect(a.replace_triggers_external_values.content_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.replace_triggers_external_values.content_sha256).not.toBe(b.replace_triggers_external_values.content_sha256);
    expect(a.lifecycle).toEqual({ create_before_destroy: true });
  });

  function envVersionNamed(json: any, name: string): any {
    return resources(json, 'azapi_resource').map(([, r]) => r).find(r => r.parent_id.endsWith(`/environments/${name}`));
  }

  test('description and tags are not part of the version (they are mutable in Azure)', () => {
    const make = (description: string, tags: Record<string, string>) => synthWith((stack, workspace) => {
      new Environment(stack, 'Env', { workspace, image: EnvironmentImage.fromUri(PYDATA_IMAGE), description, tags });
    }).json;
    const one = envVersion(make('first', { team: 'a' }));
    const two = envVersion(make('second', { team: 'b' }));
    expect(two.name).toBe(one.name);
    expect(two.replace_triggers_external_values).toEqual(one.replace_triggers_external_values);
    expect(two.body.properties.tags).toEqual({ team: 'b' });
  });

  test('OS type, auto-rebuild and inference routes are part of the version', () => {
    const make = (extra: Partial<EnvironmentProps>) => envVersion(synthWith((stack, workspace) => {
      new Environment(stack, 'Env', { workspace, image: EnvironmentImage.fromUri(PYDATA_IMAGE), ...extra });
    }).json).name;
    const base = make({});
    expect(make({ osType: OperatingSystem.WINDOWS })).not.toBe(base);
    expect(make({ autoRebuild: AutoRebuild.ON_BASE_IMAGE_UPDATE })).not.toBe(base);
    expect(make({ inference: { scoring: { path: '/score', port: 5001 } } })).not.toBe(base);
    expect(make({ osType: OperatingSystem.LINUX })).toBe(base);
  });

  test('changing a file of a local build context gives new blob names and a new version at the same addresses', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM python:3.11\nCOPY requirements.txt .\n');
    fs.writeFileSync(path.join(dir, 'requirements.txt'), 'numpy==1.26\n');
    const build = (stack: TerraformStack, workspace: IWorkspace) => {
      new Environment(stack, 'Ctx', { workspace, name: 'ctx', buildContext: BuildContext.fromLocalDirectory(dir) });
    };
    const before = synthWith(build).json;
    fs.writeFileSync(path.join(dir, 'requirements.txt'), 'numpy==2.0\n');
    const after = synthWith(build).json;
    const names = (json: any) => resources(json, 'azurerm_storage_blob').map(([id, b]) => [id, b.name]);
    expect(names(after).map(([id]) => id)).toEqual(names(before).map(([id]) => id));
    for (const [i, [, name]] of names(after).entries()) expect(name).not.toBe(names(before)[i][1]);
    expect(envVersion(after).name).not.toBe(envVersion(before).name);
    expect(envVersion(after).body.properties.build.contextUri).not.toBe(envVersion(before).body.properties.build.contextUri);
  });

  test('an explicit version with invalid characters is rejected with the rule', () => {
    const { stack, workspace } = setup();
    expect(() => new Environment(stack, 'Env', { workspace, version: '1.0 beta/2', image: EnvironmentImage.fromUri(PYDATA_IMAGE) }))
      .toThrow("platform/Env: environment version '1.0 beta/2' is invalid: it must be 1-255 letters, digits, dots, hyphens and underscores, starting with a letter or digit");
  });

  test('a valid explicit version is used as the resource name', () => {
    const { stack, workspace } = setup();
    const env = new Environment(stack, 'Env', { workspace, name: 'sklearn', version: '2024.10-rc_1', image: EnvironmentImage.fromUri(PYDATA_IMAGE) });
    const json = synthJson(stack);
    expect(envVersion(json).name).toBe('2024.10-rc_1');
    expect(env.reference).toBe('azureml:sklearn:2024.10-rc_1');
    expectConformant(json);
  });
});

describe('images', () => {
  test('a registry image by digest; AcrPull is granted to the workspace identity; grantPull adds other pullers', () => {
    const { stack, workspace } = setup();
    const registry = ContainerRegistry.fromContainerRegistryId(stack, 'Registry', ACR_ID);
    const env = new Environment(stack, 'Env', {
      workspace,
      image: EnvironmentImage.fromRegistry(registry, 'training/sklearn', { digest: DIGEST }),
    });
    env.grantPull(Principal.servicePrincipal('22222222-2222-2222-2222-222222222222', { key: 'cluster' }));
    const json = synthJson(stack);
    expect(envVersion(json).body.properties.image).toBe(`acrmldemo.azurecr.io/training/sklearn@${DIGEST}`);
    const grants = resources(json, 'azurerm_role_assignment').map(([, g]) => g);
    expect(grants.map(g => [g.role_definition_name, g.principal_id, g.scope]).sort()).toEqual([
      ['AcrPull', WS_PRINCIPAL, ACR_ID],
      ['AcrPull', '22222222-2222-2222-2222-222222222222', ACR_ID],
    ]);
    expectConformant(json);
  });

  test('a registry image with a tag; the default tag is latest', () => {
    const { stack, workspace } = setup();
    const registry = ContainerRegistry.fromContainerRegistryId(stack, 'Registry', ACR_ID);
    const tagged = new Environment(stack, 'Tagged', { workspace, image: EnvironmentImage.fromRegistry(registry, 'base', { tag: '1.2.3' }) });
    const latest = new Environment(stack, 'Latest', { workspace, image: EnvironmentImage.fromRegistry(registry, 'base') });
    expect(tagged.imageUri).toBe('acrmldemo.azurecr.io/base:1.2.3');
    expect(latest.imageUri).toBe('acrmldemo.azurecr.io/base:latest');
  });

  test('an unpinned image gets a warning that says how to pin it', () => {
    const { stack, workspace } = setup();
    const env = new Environment(stack, 'Env', { workspace, image: EnvironmentImage.fromUri('python:3.11') });
    expect(warningsOf(env)).toEqual([expect.stringContaining("[AZML-ENV-001] image 'python:3.11' is not pinned by digest")]);
  });

  test('invalid registry repository or digest, and grantPull without a registry, are rejected', () => {
    const { stack, workspace } = setup();
    const registry = ContainerRegistry.fromContainerRegistryId(stack, 'Registry', ACR_ID);
    expect(() => new Environment(stack, 'BadRepo', { workspace, image: EnvironmentImage.fromRegistry(registry, 'Training/SKLearn') }))
      .toThrow(/platform\/BadRepo: image repository 'Training\/SKLearn' is invalid: it must be lowercase/);
    expect(() => new Environment(stack, 'BadDigest', { workspace, image: EnvironmentImage.fromRegistry(registry, 'base', { digest: 'abc' }) }))
      .toThrow("image digest 'abc' is invalid: it must be sha256:<64 lowercase hex characters>");
    const env = new Environment(stack, 'ByUri', { workspace, image: EnvironmentImage.fromUri('python:3.11') });
    expect(() => env.grantPull(Principal.servicePrincipal('33333333-3333-3333-3333-333333333333')))
      .toThrow("platform/ByUri: grantPull needs an image from EnvironmentImage.fromRegistry; this environment's image 'python:3.11' is given by URI");
  });

  test('inline conda, auto-rebuild, Windows and inference routes reach the body', () => {
    const { stack, workspace } = setup();
    new Environment(stack, 'Serve', {
      workspace,
      image: EnvironmentImage.fromUri(PYDATA_IMAGE),
      condaFile: CondaFile.fromInline('name: serve\r\ndependencies:\r\n  - python=3.10\r\n'),
      osType: OperatingSystem.WINDOWS,
      autoRebuild: AutoRebuild.ON_BASE_IMAGE_UPDATE,
      inference: {
        liveness: { path: '/live', port: 5001 },
        readiness: { path: '/ready', port: 5001 },
        scoring: { path: '/score', port: 5001 },
      },
      tags: { team: 'serving' },
    });
    const json = synthJson(stack);
    expect(envVersion(json).body.properties).toEqual({
      image: PYDATA_IMAGE,
      condaFile: 'name: serve\ndependencies:\n  - python=3.10\n',
      osType: 'Windows',
      autoRebuild: 'OnBaseImageUpdate',
      inferenceConfig: {
        livenessRoute: { path: '/live', port: 5001 },
        readinessRoute: { path: '/ready', port: 5001 },
        scoringRoute: { path: '/score', port: 5001 },
      },
      tags: { team: 'serving' },
    });
    expectConformant(json);
  });

  test('a remote build context is used as given, with its Dockerfile path', () => {
    const { stack, workspace } = setup();
    const uri = 'https://stmldemo.blob.core.windows.net/azureml/DockerBuildContext/abc/';
    new Environment(stack, 'Remote', { workspace, buildContext: BuildContext.fromUri(uri, { dockerfilePath: 'prod/Dockerfile' }) });
    const json = synthJson(stack);
    expect(envVersion(json).body.properties.build).toEqual({ contextUri: uri, dockerfilePath: 'prod/Dockerfile' });
    expect(resources(json, 'azurerm_storage_blob')).toEqual([]);
    expectConformant(json);
  });
});

describe('curated environments', () => {
  test('by version or label, creating nothing', () => {
    const stack = providerStack();
    expect(Environment.curated(stack, 'sklearn-1.5', { version: '20' }).reference)
      .toBe('azureml://registries/azureml/environments/sklearn-1.5/versions/20');
    expect(Environment.curated(stack, 'sklearn-1.5').reference)
      .toBe('azureml://registries/azureml/environments/sklearn-1.5/labels/latest');
    expect(() => Environment.curated(stack, 'sklearn-1.5', { version: '20', label: 'latest' }))
      .toThrow("platform: curated environment 'sklearn-1.5': both version '20' and label 'latest' were given; pass only one of them.");
  });

  test('a bad name is a ValidationError naming the construct, the value, the rule and the fix', () => {
    const stack = providerStack();
    expect(() => Environment.curated(stack, 'bad name!'))
      .toThrow("platform: curated environment name 'bad name!' is invalid: it must be 1-255 letters, digits, '.', '-' and '_', "
        + "starting with a letter or digit. Pass the name as the azureml registry lists it, e.g. 'sklearn-1.5'.");
  });
});

describe('bad input', () => {
  const image = () => EnvironmentImage.fromUri(PYDATA_IMAGE);

  test('both image and build', () => {
    const { stack, workspace } = setup();
    expect(() => new Environment(stack, 'Env', { workspace, image: image(), buildContext: BuildContext.fromUri('https://x.blob.core.windows.net/c/ctx/') }))
      .toThrow('platform/Env: environment has both `image` and `buildContext`; pass exactly one');
  });

  test('neither image nor build', () => {
    const { stack, workspace } = setup();
    expect(() => new Environment(stack, 'Env', { workspace }))
      .toThrow('platform/Env: environment has neither `image` nor `buildContext`; pass exactly one');
  });

  test('a conda file without an image', () => {
    const { stack, workspace } = setup();
    expect(() => new Environment(stack, 'Env', {
      workspace,
      buildContext: BuildContext.fromUri('https://x.blob.core.windows.net/c/ctx/'),
      condaFile: CondaFile.fromInline('dependencies: [python]'),
    })).toThrow('platform/Env: environment has a `condaFile` but no `image`');
  });

  test('a missing conda file', () => {
    const { stack, workspace } = setup();
    expect(() => new Environment(stack, 'Env', { workspace, image: image(), condaFile: CondaFile.fromFile('does/not/exist.yml') }))
      .toThrow("platform/Env: conda file 'does/not/exist.yml' does not exist");
  });

  test('a malformed conda file: the message points at the line', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'broken.yml');
    fs.writeFileSync(file, 'name: broken\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.10\n  pip: 21.2\n');
    const { stack, workspace } = setup();
    const attempt = () => new Environment(stack, 'Env', { workspace, image: image(), condaFile: CondaFile.fromFile(file) });
    expect(attempt).toThrow(`platform/Env: conda file '${file}' is not valid YAML at line 6, column 1: `
      + "All mapping items must start at the same column (line 6: 'pip: 21.2'). Fix the YAML");
  });

  test('a malformed inline conda file with a tab indent names line 3', () => {
    const { stack, workspace } = setup();
    expect(() => new Environment(stack, 'Env', {
      workspace, image: image(), condaFile: CondaFile.fromInline('name: x\ndependencies:\n\t- python\n'),
    })).toThrow(/inline conda file is not valid YAML at line 3, column 1: Tabs are not allowed as indentation \(line 3: '- python'\)/);
  });

  test('a conda file that is not an environment (no dependencies list)', () => {
    const { stack, workspace } = setup();
    expect(() => new Environment(stack, 'A', { workspace, image: image(), condaFile: CondaFile.fromInline('- python\n- pip\n') }))
      .toThrow('inline conda file is not a conda environment at line 1');
    expect(() => new Environment(stack, 'B', { workspace, image: image(), condaFile: CondaFile.fromInline('name: x\ndependencies: python\n') }))
      .toThrow("inline conda file is not a conda environment at line 2: 'dependencies' must be a list");
  });

  test('a build folder without its Dockerfile', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'requirements.txt'), 'numpy\n');
    const { stack, workspace } = setup();
    expect(() => new Environment(stack, 'Env', { workspace, buildContext: BuildContext.fromLocalDirectory(dir) }))
      .toThrow(`platform/Env: build context folder '${displayPath(dir)}' has no Dockerfile at 'Dockerfile' (it holds: requirements.txt)`);
    expect(() => new Environment(stack, 'Env2', { workspace, buildContext: BuildContext.fromLocalDirectory(dir, { dockerfilePath: 'docker/Dockerfile' }) }))
      .toThrow("has no Dockerfile at 'docker/Dockerfile'");
  });

  test('a local build context for a workspace whose storage account is unknown', () => {
    const stack = providerStack();
    const workspace = Workspace.fromWorkspaceId(stack, 'Workspace', WS_ID);
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM python:3.11\n');
    expect(() => new Environment(stack, 'Env', { workspace, buildContext: BuildContext.fromLocalDirectory(dir) }))
      .toThrow("platform/Env: a local build context is uploaded to the workspace's storage account, which is unknown");
  });

  test('a reserved name and a bad inference port', () => {
    const { stack, workspace } = setup();
    expect(() => new Environment(stack, 'Reserved', { workspace, name: 'AzureML-sklearn', image: image() }))
      .toThrow("environment name 'AzureML-sklearn' is invalid: names starting with 'AzureML-' are reserved for curated environments");
    expect(() => new Environment(stack, 'Port', { workspace, image: image(), inference: { scoring: { path: '/score', port: 70000 } } }))
      .toThrow('scoring route port is 70000; it must be a whole number from 1 to 65535');
  });
});

describe('workspace.addEnvironment', () => {
  test('registers a version as a child of the workspace construct', () => {
    const { stack, workspace } = setup();
    const env = workspace.addEnvironment('Train', { name: 'train', image: EnvironmentImage.fromUri(PYDATA_IMAGE) });
    expect(env.node.path).toBe('platform/Workspace/Train');
    const json = synthJson(stack);
    expect(envVersion(json).parent_id).toBe(`${WS_ID}/environments/train`);
    expectConformant(json);
  });
});
