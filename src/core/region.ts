// Internal: checks Azure region names. Not exported from the package index.
import { IConstruct } from 'constructs';
import { isResolved, ValidationError } from './validation';
import { Warnings } from './warnings';

/**
 * Region names of the Azure public, US Government and China clouds as `az account list-locations` prints
 * them (`name`). azurerm accepts a display name too ("West Europe"): it compares lowercased without spaces.
 */
export const AZURE_REGIONS: readonly string[] = [
  // Americas
  'eastus', 'eastus2', 'centralus', 'northcentralus', 'southcentralus', 'westcentralus', 'westus', 'westus2', 'westus3',
  'canadacentral', 'canadaeast', 'brazilsouth', 'brazilsoutheast', 'mexicocentral', 'chilecentral',
  'centraluseuap', 'eastus2euap',
  // Europe
  'northeurope', 'westeurope', 'uksouth', 'ukwest', 'francecentral', 'francesouth', 'germanywestcentral', 'germanynorth',
  'swedencentral', 'swedensouth', 'norwayeast', 'norwaywest', 'switzerlandnorth', 'switzerlandwest', 'italynorth',
  'polandcentral', 'spaincentral', 'austriaeast', 'belgiumcentral', 'denmarkeast',
  // Asia Pacific
  'eastasia', 'southeastasia', 'japaneast', 'japanwest', 'koreacentral', 'koreasouth', 'centralindia', 'southindia',
  'westindia', 'jioindiacentral', 'jioindiawest', 'australiaeast', 'australiasoutheast', 'australiacentral',
  'australiacentral2', 'newzealandnorth', 'indonesiacentral', 'malaysiawest', 'taiwannorth', 'taiwannorthwest',
  // Middle East and Africa
  'uaenorth', 'uaecentral', 'qatarcentral', 'israelcentral', 'southafricanorth', 'southafricawest', 'saudiarabiacentral',
  // US Government
  'usgovvirginia', 'usgovarizona', 'usgovtexas', 'usdodcentral', 'usdodeast',
  // China (21Vianet)
  'chinaeast', 'chinaeast2', 'chinaeast3', 'chinanorth', 'chinanorth2', 'chinanorth3',
];

function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/** The known region closest to `name` (lowercased, without spaces, hyphens and underscores). */
export function closestRegion(name: string): { region: string; distance: number } {
  const key = name.toLowerCase().replace(/[\s_-]/g, '');
  return AZURE_REGIONS.map(region => ({ region, distance: distance(key, region) }))
    .reduce((best, next) => (next.distance < best.distance ? next : best));
}

/**
 * Checks a region name unless it is a reference. Empty, malformed (hyphens, underscores, other characters) and
 * misspelt names (close to a known region) are errors with "did you mean"; a well-formed name far from every
 * known region gets warning AZML-REGION-001, since Azure opens new regions.
 */
export function checkRegion(scope: IConstruct, what: string, location: string | undefined): void {
  if (location === undefined || !isResolved(location)) return;
  if (location.trim() === '') {
    throw new ValidationError(scope, `${what} is empty (''): Azure needs a region. Pass a region name such as 'westeurope', `
      + 'or leave it out to use the resource group\'s.');
  }
  const key = location.toLowerCase().replace(/\s/g, '');
  if (AZURE_REGIONS.includes(key)) return;
  const { region, distance: d } = closestRegion(location);
  if (!/^[a-z0-9]+$/.test(key) || d <= 3) {
    throw new ValidationError(scope, `${what} '${location}' is not an Azure region name${d <= 3 ? `; did you mean '${region}'?` : '.'} `
      + 'Region names are lowercase letters and digits without separators, as `az account list-locations -o table` lists them '
      + '(e.g. \'westeurope\', \'eastus2\').');
  }
  Warnings.of(scope).add('AZML-REGION-001', `${what} '${location}' is not a region this library knows; Azure refuses unknown regions `
    + `at apply (closest known: '${region}'). Check \`az account list-locations -o table\`; if it is a new region, acknowledge this warning.`);
}
