// Secret-leak scanner for synthesized Terraform JSON: no fixture secret may appear anywhere in it,
// in plain text or in the obvious encodings (JSON-escaped, URL-encoded, base64).

/** Where each secret appears in `json` (as JSON paths), empty when none does. */
export function findSecrets(json: unknown, secrets: readonly string[]): string[] {
  const hits: string[] = [];
  const forms = secrets.map(secret => ({
    secret,
    encodings: [...new Set([
      secret,
      JSON.stringify(secret).slice(1, -1),
      encodeURIComponent(secret),
      Buffer.from(secret, 'utf8').toString('base64'),
    ])],
  }));
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      for (const { secret, encodings } of forms) {
        if (encodings.some(e => value.includes(e))) hits.push(`${path} contains fixture secret '${secret.slice(0, 12)}…'`);
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        for (const { secret, encodings } of forms) {
          if (encodings.some(e => k.includes(e))) hits.push(`${path} has a key containing fixture secret '${secret.slice(0, 12)}…'`);
        }
        visit(v, `${path}.${k}`);
      }
    }
  };
  visit(typeof json === 'string' ? JSON.parse(json) : json, '$');
  return hits;
}

/**
 * Fails the test when any of `secrets` appears in the synthesized JSON (an object or its text),
 * naming each place it appears.
 */
export function expectNoSecrets(json: unknown, secrets: readonly string[]): void {
  if (secrets.length === 0 || secrets.some(s => s.length < 8)) {
    throw new Error('expectNoSecrets needs distinctive fixture secrets of at least 8 characters');
  }
  expect(findSecrets(json, secrets)).toEqual([]);
}

/**
 * The fixture secrets tests hand to constructs (account key, SAS token, client secret, passwords).
 * `synthJson` scans every stack it synthesizes for them, so a leak fails whichever test causes it.
 */
export const FIXTURE_SECRETS: readonly string[] = [
  'FixtureAcctKey+q7Zp3WvN8sLk2Rt5Yx9Hb4Mc6Df1Gj0==',
  '?sv=2024-11-04&ss=b&srt=co&sp=rl&sig=FixtureSasSig7Qw3Er9Ty',
  'FixtureClientSecret~Xk4.Vb8_Nm2-Pq6Lz',
  'FIXTURE-SECRET',
  'example-password',
];
