import { CodeAsset } from '../assets/code-asset';

/** Scoring code of a deployment. */
export interface DeploymentCode {
  /** The code asset with the scoring script. */
  readonly code: CodeAsset;
  /** Path of the scoring script inside the code, e.g. `score.py`. */
  readonly scoringScript: string;
}
