import type * as Yaml from 'yaml';

// `yaml` is loaded on first use: most apps read no YAML, and it is over half the modules the library loads.
let yamlModule: typeof Yaml | undefined;

/** The `yaml` module, loaded on first use. Internal. */
export function loadYaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yamlModule ??= require('yaml') as typeof Yaml;
  return yamlModule;
}
