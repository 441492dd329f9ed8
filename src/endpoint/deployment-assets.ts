import { ITerraformDependable } from 'cdktf';
import { IConstruct } from 'constructs';
import { DeploymentCode } from './deployment-code';
import { referenceAsset } from '../assets/asset-reference';
import { Model } from '../assets/model';
import { VersionedAsset } from '../assets/versioned-asset';
import { Environment, IEnvironmentReference } from '../environment/environment';
import { IWorkspace } from '../workspace/workspace-ref';

/** The asset IDs a deployment body refers to, and what it waits for. Internal. */
export interface DeploymentAssetIds {
  readonly model?: string;
  readonly environmentId?: string;
  readonly codeConfiguration?: { codeId: string; scoringScript: string };
  readonly dependsOn: ITerraformDependable[];
}

/**
 * ARM IDs of a deployment's model, environment and code. App assets must belong to the deployment's
 * workspace; other environment references (curated, registry) are sent as written.
 */
export function deploymentAssetIds(scope: IConstruct, workspace: IWorkspace, model?: Model, environment?: IEnvironmentReference,
  code?: DeploymentCode): DeploymentAssetIds {
  const dependsOn: ITerraformDependable[] = [];
  const ref = (what: string, asset: VersionedAsset) => {
    const r = referenceAsset(scope, what, asset, workspace);
    if (r.dependsOn) dependsOn.push(r.dependsOn);
    return r.id;
  };
  let environmentId: string | undefined;
  if (environment instanceof Environment) environmentId = ref('environment', environment);
  else if (environment) environmentId = environment.reference;
  return {
    model: model ? ref('model', model) : undefined,
    environmentId,
    codeConfiguration: code ? { codeId: ref('code', code.code), scoringScript: code.scoringScript } : undefined,
    dependsOn,
  };
}
