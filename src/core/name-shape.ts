/** The parts of a naming rule that shape a generated name. Internal. */
export interface NameShape {
  readonly maxLength: number;
  /** Characters a generated name may use besides letters and digits. */
  readonly separator: string;
  readonly lowercase: boolean;
}

/**
 * Joins `fixed` words, then as many of the last `words` as fit, then `suffix`, within `maxLength`.
 * Words are cleaned to letters, digits and the separator; whole leading `words` are dropped before
 * anything is cut (the last ids of a construct path say the most about the resource), and the
 * name starts with a letter (`fallback` stands in when no word is left). `suffixLength` is the
 * length of the suffix in the plan: a Terraform expression is longer in the JSON than its value. Internal.
 */
export function shapeName(
  shape: NameShape, fixed: readonly string[], words: readonly string[], suffix: string, suffixLength: number, fallback: string,
): string {
  const sep = shape.separator;
  const disallowed = sep ? new RegExp(`[^a-zA-Z0-9\\${sep}]+`, 'g') : /[^a-zA-Z0-9]+/g;
  const clean = (list: readonly string[]) => list
    .map(part => (shape.lowercase ? part.toLowerCase() : part).replace(disallowed, sep))
    .flatMap(part => (sep ? part.split(sep) : [part]))
    .filter(word => word.length > 0);
  const head = clean(fixed);
  let tail = clean(words);
  const room = shape.maxLength - suffixLength - sep.length;
  const minimum = head.length > 0 ? 0 : 1;
  while (tail.length > minimum && [...head, ...tail].join(sep).length > room) tail = tail.slice(1);
  let human = [...head, ...tail].join(sep).slice(0, Math.max(room, 0));
  human = human.replace(/^[^a-zA-Z]+/, '');
  if (sep) human = human.replace(new RegExp(`^\\${sep}+|\\${sep}+$`, 'g'), '');
  if (!human) human = fallback;
  return human ? `${human}${sep}${suffix}` : suffix;
}
