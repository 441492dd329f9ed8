/** Type of a component input or output. */
export enum ComponentIoType {
  /** A string. */
  STRING = 'string',
  /** A whole number. */
  INTEGER = 'integer',
  /** A number. */
  NUMBER = 'number',
  /** `true` or `false`. */
  BOOLEAN = 'boolean',
  /** A file. */
  URI_FILE = 'uri_file',
  /** A folder. */
  URI_FOLDER = 'uri_folder',
  /** A folder with an MLTable file. */
  MLTABLE = 'mltable',
  /** An MLflow model folder. */
  MLFLOW_MODEL = 'mlflow_model',
  /** A custom model. */
  CUSTOM_MODEL = 'custom_model',
  /** A Triton model repository. */
  TRITON_MODEL = 'triton_model',
}

/** An input of a component. */
export interface ComponentInput {
  /** Type of the input. */
  readonly type: ComponentIoType;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Whether the input may be left out (wrap its part of the command in `$[[ ... ]]`).
   * @default false
   */
  readonly optional?: boolean;
  /**
   * Default value, as text; sent as a number or boolean for those types.
   * @default - none
   */
  readonly default?: string;
  /**
   * Smallest value (integer and number inputs).
   * @default - none
   */
  readonly min?: number;
  /**
   * Largest value (integer and number inputs).
   * @default - none
   */
  readonly max?: number;
  /**
   * Allowed values (string inputs).
   * @default - any
   */
  readonly enum?: string[];
}

/** An output of a component. */
export interface ComponentOutput {
  /** Type of the output (a file, folder, table or model type). */
  readonly type: ComponentIoType;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
}
