import { ITerraformDependable, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ComponentInput, ComponentIoType, ComponentOutput } from './component-io';
import { readComponentYaml } from './component-yaml';
import { assetContainer } from '../assets/asset-container';
import { referenceAsset } from '../assets/asset-reference';
import { CodeAsset } from '../assets/code-asset';
import { DataPath } from '../assets/data-path';
import { VersionedAsset } from '../assets/versioned-asset';
import { STRING_VERSION_RULE } from '../assets/versioning';
import { displayPath } from '../core/local-path';
import { NAME_RULES, resolvePhysicalName } from '../core/naming';
import { isResolved, ValidationError } from '../core/validation';
import { Environment, IEnvironmentReference } from '../environment/environment';
import type { IRegistry } from '../registry/registry';
import { IWorkspace } from '../workspace/workspace-ref';

/** Options of a command component, without the workspace. */
export interface ComponentOptions {
  /**
   * An Azure ML CLI v2 command component YAML file (`$schema: .../commandComponent.schema.json`). It is
   * checked at synth (unknown keys, input and output types, a missing command, placeholders naming
   * nothing declared; errors give the line). Its local `code` folder (relative to the file) becomes a code
   * asset; its `environment: azureml:<name>:<version>` (or `@latest`) resolves to an `Environment` of the
   * same workspace declared earlier in the stack, when one matches; other references are sent as written.
   * The typed spec props (`command`, `inputs`, `outputs`, `code`, `isDeterministic`) must then be left out.
   * @default - the spec comes from the typed props
   */
  readonly yamlFile?: string;
  /**
   * Component name; overrides the file's `name`.
   * @default - the file's `name`, else generated from the construct path
   */
  readonly name?: string;
  /**
   * Version; overrides the file's `version`. Versions are immutable: with an explicit version, bump it
   * with every change of the spec, code or environment.
   * @default - the file's `version`, else the first 12 hex characters of the SHA-256 of the spec
   */
  readonly version?: string;
  /**
   * Display name.
   * @default - the file's `display_name`, else none
   */
  readonly displayName?: string;
  /**
   * Command line, with `${{inputs.<name>}}` and `${{outputs.<name>}}` placeholders.
   * @default - from `yamlFile`; required without it
   */
  readonly command?: string;
  /**
   * Inputs by name.
   * @default - none
   */
  readonly inputs?: { [name: string]: ComponentInput };
  /**
   * Outputs by name.
   * @default - none
   */
  readonly outputs?: { [name: string]: ComponentOutput };
  /**
   * Environment the command runs in: an `Environment` of the same workspace, or a registry reference
   * (`Environment.curated(...)`). Overrides the file's `environment`.
   * @default - the file's `environment`; required without a file
   */
  readonly environment?: IEnvironmentReference;
  /**
   * Code: a local folder (`DataPath.fromLocalPath('./src')`, registered as a code asset) or a remote URI.
   * @default - the file's `code`, else none
   */
  readonly code?: DataPath;
  /**
   * Whether the same inputs give the same outputs (lets pipelines reuse results).
   * @default - Azure ML's default (true)
   */
  readonly isDeterministic?: boolean;
  /**
   * Description (mutable: changing it updates the version in place).
   * @default - the file's `description`, else none
   */
  readonly description?: string;
  /**
   * Asset tags (mutable: changing them updates the version in place).
   * @default - the file's `tags`, else none
   */
  readonly tags?: { [key: string]: string };
}

/** Properties of a command component. */
export interface ComponentProps extends ComponentOptions {
  /**
   * Workspace the version is registered in. Exactly one of `workspace` and `registry`.
   * @default - none: `registry` is required
   */
  readonly workspace?: IWorkspace;
  /**
   * Registry the version is registered in, to share it across workspaces and regions. Exactly one of
   * `workspace` and `registry`.
   * @default - none: `workspace` is required
   */
  readonly registry?: IRegistry;
}

/**
 * A command component version (`Microsoft.MachineLearningServices/workspaces/components/versions`),
 * from a CLI v2 YAML file or typed props: inputs, outputs, a command, an environment and code.
 */
export class Component extends VersionedAsset {
  /** Workspace the version is registered in (undefined for a registry asset). */
  public readonly workspace?: IWorkspace;
  /** Registry the version is registered in (undefined for a workspace asset). */
  public readonly registry?: IRegistry;
  /** The code asset created for a local `code` folder, if any. */
  public readonly codeAsset?: CodeAsset;
  /** The `componentSpec` sent to Azure (without name and version). */
  public readonly spec: { [key: string]: any };

  constructor(scope: Construct, id: string, props: ComponentProps) {
    super(scope, id);
    const container = assetContainer(this, 'component', props.workspace, props.registry);
    this.workspace = props.workspace;
    this.registry = props.registry;
    const deps: ITerraformDependable[] = [];
    const file = props.yamlFile !== undefined ? readComponentYaml(this, props.yamlFile) : undefined;
    if (file) {
      const typed = (['command', 'inputs', 'outputs', 'code', 'isDeterministic'] as const).filter(k => props[k] !== undefined);
      if (typed.length > 0) {
        throw new ValidationError(this, `component has both \`yamlFile\` '${displayPath(props.yamlFile ?? '')}' and ${typed.map(k => `\`${k}\``).join(', ')}; `
          + 'edit the YAML file, or leave out `yamlFile` and pass the whole spec as props.');
      }
    }
    const fromFile = file?.spec ?? {};
    const name = resolvePhysicalName(this, NAME_RULES.asset, props.name ?? (fromFile.name !== undefined ? String(fromFile.name) : undefined));
    const command = file ? fromFile.command : props.command;
    if (!file) this.checkTyped(props);

    // Code: a local folder becomes a code asset; anything else is sent as written.
    let code: string | undefined = typeof fromFile.code === 'string' ? fromFile.code : undefined;
    const codePath = file?.localCode !== undefined ? DataPath.fromLocalPath(file.localCode) : props.code;
    if (codePath && (file?.localCode !== undefined || codePath.localPath !== undefined)) {
      this.codeAsset = new CodeAsset(this, 'Code', { workspace: props.workspace, registry: props.registry, path: codePath });
      code = props.registry ? this.codeAsset.reference : `azureml:${this.codeAsset.versionId}`;
      deps.push(this.codeAsset.resource);
    } else if (codePath) {
      code = codePath._bind(this, 'component code', true);
    }

    const environment = this.resolveEnvironment(props, fromFile.environment, deps);
    const spec: { [key: string]: any } = {
      display_name: props.displayName ?? fromFile.display_name,
      type: 'command',
      is_deterministic: file ? fromFile.is_deterministic : props.isDeterministic,
      inputs: file ? fromFile.inputs : this.typedInputs(props.inputs),
      outputs: file ? fromFile.outputs : this.typedOutputs(props.outputs),
      command,
      code,
      environment,
      resources: fromFile.resources,
      distribution: fromFile.distribution,
    };
    for (const key of Object.keys(spec)) if (spec[key] === undefined) delete spec[key];
    this.spec = spec;
    const description = props.description ?? fromFile.description;
    const tags = props.tags ?? stringTags(fromFile.tags);
    const givenVersion = props.version ?? (fromFile.version !== undefined ? String(fromFile.version) : undefined);
    this._registerVersion({
      kind: 'component',
      collection: 'components',
      container,
      assetName: name,
      version: givenVersion,
      versionRule: STRING_VERSION_RULE,
      immutable: { componentSpec: spec },
      description,
      tags,
      propertiesFor: version => ({
        componentSpec: { name, version, ...spec, description, tags },
        description,
        tags,
      }),
      dependsOn: deps,
    });
  }

  private checkTyped(props: ComponentProps): void {
    if (props.command === undefined || (isResolved(props.command) && props.command.trim() === '')) {
      throw new ValidationError(this, 'component has no `command`; pass the command line it runs, e.g. '
        + '\'python train.py --data ${{inputs.data}}\', or a `yamlFile`.');
    }
    if (!props.environment) {
      throw new ValidationError(this, 'component has no `environment`; pass an Environment of the workspace or Environment.curated(...).');
    }
    const declared: { [kind: string]: string[] } = { inputs: Object.keys(props.inputs ?? {}), outputs: Object.keys(props.outputs ?? {}) };
    if (isResolved(props.command)) {
      for (const m of props.command.matchAll(/\$\{\{\s*(inputs|outputs)\.([A-Za-z0-9_]+)\s*\}\}/g)) {
        if (!declared[m[1]].includes(m[2])) {
          throw new ValidationError(this, `the command uses \${{${m[1]}.${m[2]}}}, but the component declares no ${m[1].slice(0, -1)} `
            + `'${m[2]}'; add it to \`${m[1]}\` or fix the name.`);
        }
      }
    }
  }

  private typedInputs(inputs?: { [name: string]: ComponentInput }): { [name: string]: any } | undefined {
    if (!inputs) return undefined;
    const out: { [name: string]: any } = {};
    for (const [name, input] of Object.entries(inputs)) {
      checkIoType(this, `input '${name}'`, input.type);
      const numeric = input.type === ComponentIoType.INTEGER || input.type === ComponentIoType.NUMBER;
      if ((input.min !== undefined || input.max !== undefined) && !numeric) {
        throw new ValidationError(this, `input '${name}' of type ${input.type} has min/max; only integer and number inputs take them.`);
      }
      let def: any = input.default;
      if (def !== undefined && isResolved(def)) {
        if (numeric) {
          def = Number(def);
          if (Number.isNaN(def) || (input.type === ComponentIoType.INTEGER && !Number.isInteger(def))) {
            throw new ValidationError(this, `input '${name}' default '${input.default}' is not ${input.type === ComponentIoType.INTEGER ? 'a whole number' : 'a number'}.`);
          }
        } else if (input.type === ComponentIoType.BOOLEAN) {
          if (!['true', 'false'].includes(def)) throw new ValidationError(this, `input '${name}' default '${input.default}' must be 'true' or 'false'.`);
          def = def === 'true';
        }
      }
      out[name] = {
        type: input.type, description: input.description, optional: input.optional, default: def, min: input.min, max: input.max, enum: input.enum,
      };
    }
    return out;
  }

  private typedOutputs(outputs?: { [name: string]: ComponentOutput }): { [name: string]: any } | undefined {
    if (!outputs) return undefined;
    const out: { [name: string]: any } = {};
    for (const [name, output] of Object.entries(outputs)) {
      checkIoType(this, `output '${name}'`, output.type);
      out[name] = { type: output.type, description: output.description };
    }
    return out;
  }

  /** The environment reference: an app Environment (by object or by `azureml:<name>:<version>`) becomes its ARM ID. */
  private resolveEnvironment(props: ComponentProps, fromFile: string | undefined, deps: ITerraformDependable[]): string | undefined {
    if (props.environment) {
      if (props.environment instanceof Environment) return this.environmentId(props, props.environment, deps);
      return props.environment.reference;
    }
    if (fromFile === undefined) return undefined;
    const m = /^azureml:([^:@/]+)(?::([^:@]+)|@([A-Za-z0-9._-]+))?$/.exec(fromFile);
    if (!m) return fromFile;
    const [, envName, version, label] = m;
    const candidates = TerraformStack.of(this).node.findAll()
      .filter((c): c is Environment => c instanceof Environment)
      .filter(e => (props.workspace ? e.workspace === props.workspace : e.registry === props.registry)
        && e.environmentName === envName && (version === undefined || e.version === version));
    if (candidates.length === 0) return fromFile;
    if (candidates.length > 1 && (label !== undefined || version === undefined)) {
      throw new ValidationError(this, `environment '${fromFile}' matches ${candidates.length} Environments of the app `
        + `(${candidates.map(c => c.node.path).join(', ')}); name the version: azureml:${envName}:<version>.`);
    }
    return this.environmentId(props, candidates[0], deps);
  }

  /** How the spec names an app Environment: its ARM ID in a workspace, its registry reference in a registry. */
  private environmentId(props: ComponentProps, env: Environment, deps: ITerraformDependable[]): string {
    if (!props.workspace) {
      if (env.registry !== props.registry) {
        throw new ValidationError(this, `environment '${env.node.path}' (${env.reference}) is not in registry '${props.registry!.registryName}'; `
          + 'a registry component can only use environments of the same registry (or curated ones).');
      }
      deps.push(env.resource);
      return env.reference;
    }
    const ref = referenceAsset(this, 'environment', env, props.workspace);
    deps.push(ref.dependsOn!);
    return ref.id.startsWith('azureml://') ? ref.id : `azureml:${ref.id}`;
  }
}

function checkIoType(scope: Construct, what: string, type: ComponentIoType): void {
  if (!Object.values(ComponentIoType).includes(type)) {
    throw new ValidationError(scope, `${what} type '${type}' is not supported; use ${Object.values(ComponentIoType).join(', ')}.`);
  }
}

function stringTags(tags: any): { [key: string]: string } | undefined {
  if (tags === undefined || tags === null) return undefined;
  return Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, String(v)]));
}
