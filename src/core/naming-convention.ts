// The naming hook: an organisation's convention applied to every name the library generates.
import { IConstruct } from 'constructs';
import { shapeName } from './name-shape';
import { hasGeneratedName, setConvention } from './naming-registry';
import { ValidationError } from './validation';

/** What a naming convention knows about the name to generate. */
export interface NamingContext {
  /** The resource type in words, e.g. `storage account`. */
  readonly resourceType: string;
  /**
   * The Cloud Adoption Framework abbreviation of the type (e.g. `st`, `kv`, `cr`, `mlw`).
   * @default - none: the type has no Azure resource abbreviation (datastores, assets, containers)
   */
  readonly abbreviation?: string;
  /** The construct ids below the stack that the name is computed from (the path before any declared move). */
  readonly constructPath: string[];
  /** The name the library generates without a convention. */
  readonly defaultName: string;
  /**
   * A short suffix that makes the name unique: for types whose names are unique across Azure, a
   * Terraform expression over the subscription, the resource group and the construct path (8
   * lowercase hex characters in the plan); for the others, a hash of the construct path.
   */
  readonly uniqueSuffix: string;
  /** Length of `uniqueSuffix` in the plan. */
  readonly uniqueSuffixLength: number;
  /** Whether names of this type are unique across Azure (then keep `uniqueSuffix` in the name). */
  readonly globallyUnique: boolean;
  /** Longest name the type allows. */
  readonly maxLength: number;
  /** The separator the type allows besides letters and digits (`-`, `_` or none). */
  readonly separator: string;
  /** Whether generated names are lowercase. */
  readonly lowercase: boolean;
}

/**
 * A naming convention: the physical name of every resource the library generates a name for.
 * Names you pass as `name` are not passed through it. Returned names are checked against the
 * type's rule at synth.
 */
export interface INamingConvention {
  /** The name for the resource described by `context`; return `context.defaultName` to keep it. */
  physicalName(context: NamingContext): string;
}

/** Options of the Cloud Adoption Framework naming convention. */
export interface CloudAdoptionFrameworkNamingOptions {
  /** Workload or application name, e.g. `mlplatform`. */
  readonly workload: string;
  /**
   * Environment, e.g. `prod`.
   * @default - none
   */
  readonly environment?: string;
  /**
   * Region abbreviation, e.g. `weu`.
   * @default - none
   */
  readonly region?: string;
}

/** Built-in naming conventions. */
export class NamingConvention {
  /**
   * Puts `prefix` in front of every generated name, e.g. `contoso-ml-workspace-k3x9a2bq`; the
   * construct-path part is shortened to make room.
   */
  public static prefixed(prefix: string): INamingConvention {
    return { physicalName: ctx => shapeName(ctx, [prefix], ctx.constructPath, ctx.uniqueSuffix, ctx.uniqueSuffixLength, '') };
  }

  /**
   * Cloud Adoption Framework style names, `<abbreviation>-<workload>-<environment>-<region>-<path>-<suffix>`
   * (e.g. `kv-mlplatform-prod-weu-8f3a1c2e`, `stmlplatformprod8f3a1c2e`), for Azure resources
   * (types with an abbreviation); datastores, assets and containers keep their default names.
   */
  public static cloudAdoptionFramework(options: CloudAdoptionFrameworkNamingOptions): INamingConvention {
    const fixed = [options.workload, options.environment, options.region].filter((w): w is string => !!w);
    return {
      physicalName: ctx => (ctx.abbreviation
        ? shapeName(ctx, [ctx.abbreviation, ...fixed], ctx.constructPath, ctx.uniqueSuffix, ctx.uniqueSuffixLength, '')
        : ctx.defaultName),
    };
  }

  private constructor() {}
}

/** Where naming conventions are set. */
export class Naming {
  /** The naming settings of `scope`. */
  public static of(scope: IConstruct): Naming {
    return new Naming(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Applies `convention` to every name generated for constructs created below this scope afterwards
   * (set it on the stack, or on a parent construct, before creating the constructs).
   */
  public useConvention(convention: INamingConvention): void {
    if (this.scope.node.findAll().some(hasGeneratedName)) {
      throw new ValidationError(this.scope, 'Naming.of(scope).useConvention() comes after names were generated below this scope. '
        + 'Set the convention before creating the constructs (e.g. right after creating the stack).');
    }
    setConvention(this.scope, convention);
  }
}
