// Internal: checks 5-field NCrontab expressions (the format Azure ML compute schedules use). Not exported from src/index.ts.

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const FIELDS: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day of week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

function parseValue(text: string, field: CronField): number | string {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n < field.min || n > field.max) return `${field.name} value ${n} is out of range ${field.min}-${field.max}`;
    return n;
  }
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (index >= 0) return index + field.min;
  return `'${text}' is not a valid ${field.name}`;
}

function checkItem(item: string, field: CronField): string | undefined {
  const [range, step, ...extra] = item.split('/');
  if (extra.length > 0) return `'${item}' has more than one '/'`;
  if (step !== undefined && (!/^\d+$/.test(step) || Number(step) < 1)) return `step '${step}' in '${item}' must be a whole number, 1 or more`;
  if (range === '*') return undefined;
  const bounds = range.split('-');
  if (bounds.length > 2 || bounds.some(b => b === '')) return `'${item}' is not a value, a range a-b or *`;
  const values = bounds.map(b => parseValue(b, field));
  const problem = values.find(v => typeof v === 'string');
  if (problem !== undefined) return problem as string;
  if (values.length === 2 && (values[0] as number) > (values[1] as number)) return `range '${range}' runs backwards`;
  if (step !== undefined && values.length === 1) return `'${item}': a step needs * or a range before '/'`;
  return undefined;
}

/**
 * The problem with a cron expression, or undefined when it is a valid 5-field NCrontab expression
 * (`minute hour day-of-month month day-of-week`; `*`, values, ranges `a-b`, lists `a,b` and steps `/n`).
 */
export function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return `it has ${expression.trim() === '' ? 0 : fields.length} field(s); it needs 5: minute hour day-of-month month day-of-week`;
  }
  for (let i = 0; i < 5; i++) {
    for (const item of fields[i].split(',')) {
      const problem = item === '' ? `empty item in the ${FIELDS[i].name} field` : checkItem(item, FIELDS[i]);
      if (problem) return problem;
    }
  }
  return undefined;
}
