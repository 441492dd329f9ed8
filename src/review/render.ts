// Rendering reviews: Markdown for a pull-request comment, or JSON for machines.

import { Finding, PlanReview, REFACTOR_NOTE } from './review';

/** Version of the JSON report's shape; bumped on incompatible changes. */
export const REPORT_VERSION = 1;

/** The whole report: every plan reviewed, and whether the review blocks. */
export interface Report {
  readonly plans: PlanReview[];
  /** `--allow` addresses that matched no finding (likely a typo). */
  readonly unusedAllows: string[];
}

/** Exit code of a report: 2 when any finding blocks, else 0. */
export function exitCodeOf(report: Report): number {
  return report.plans.some(p => p.blocking > 0) ? 2 : 0;
}

/** The JSON report (stable shape, see docs/review.md). */
export function renderJson(report: Report): string {
  const blocking = report.plans.reduce((n, p) => n + p.blocking, 0);
  return `${JSON.stringify({
    tool: 'cdktf-azureml review',
    reportVersion: REPORT_VERSION,
    verdict: blocking > 0 ? 'block' : 'pass',
    exitCode: exitCodeOf(report),
    blocking,
    allowed: report.plans.reduce((n, p) => n + p.allowed, 0),
    unusedAllows: report.unusedAllows,
    plans: report.plans.map(p => ({
      source: p.source,
      stack: p.stack,
      formatVersion: p.formatVersion,
      terraformVersion: p.terraformVersion,
      complete: p.complete,
      verdict: p.blocking > 0 ? 'block' : 'pass',
      summary: p.summary,
      counts: p.counts,
      blocking: p.blocking,
      allowed: p.allowed,
      findings: p.findings,
      replacements: p.replacements,
      moves: p.moves,
    })),
  }, null, 2)}\n`;
}

/** Markdown fit for a pull-request comment. */
export function renderMarkdown(report: Report): string {
  const blocking = report.plans.reduce((n, p) => n + p.blocking, 0);
  const lines: string[] = [];
  lines.push(blocking > 0
    ? `## cdktf-azureml review: ${blocking} blocking finding${blocking === 1 ? '' : 's'}`
    : '## cdktf-azureml review: nothing blocks');
  lines.push('');
  for (const p of report.plans) lines.push(`- ${blocking > 0 && p.blocking > 0 ? '**' : ''}${escape(p.summary)}${blocking > 0 && p.blocking > 0 ? '**' : ''}`);

  for (const p of report.plans) {
    lines.push('', `### ${escape(p.stack)}`, '');
    if (p.complete === false) {
      lines.push('> The plan is incomplete (Terraform deferred some changes): review it again after those are planned.', '');
    }
    const total = p.counts.create + p.counts.update + p.counts.replace + p.counts.destroy + p.counts.forget + p.counts.move + p.counts.import;
    if (total === 0) {
      lines.push('No changes: the plan leaves every resource as it is.');
      continue;
    }
    if (p.findings.length === 0) {
      lines.push('No stateful resource is destroyed or replaced, and no security setting is weakened.');
    } else {
      lines.push('| | resource | change | finding |', '| --- | --- | --- | --- |');
      for (const f of p.findings) lines.push(findingRow(f));
      const hints = p.findings.filter(f => f.hint);
      if (hints.length > 0) {
        lines.push('', '**What to do**', '');
        for (const f of hints) lines.push(`- \`${f.address}\`: ${f.hint}`);
        if (hints.some(f => f.hint!.includes('`moved'))) lines.push('', REFACTOR_NOTE);
      }
      if (p.blocking > 0) {
        lines.push('', 'If a finding is intended, accept it with `--allow <address>` (repeatable); it stays listed as allowed.');
      }
    }
    if (p.replacements.length > 0) {
      lines.push('', `<details><summary>${p.replacements.length} other replacement${p.replacements.length === 1 ? '' : 's'} (no data held, not blocking)</summary>`, '');
      for (const r of p.replacements) {
        lines.push(`- \`${r.address}\`${r.replacePaths.length ? `: forced by ${r.replacePaths.map(x => `\`${x}\``).join(', ')}` : ''}`);
      }
      lines.push('', '</details>');
    }
    if (p.moves.length > 0) {
      lines.push('', `<details><summary>${p.moves.length} moved (no change in Azure)</summary>`, '');
      for (const m of p.moves) lines.push(`- \`${m.from}\` → \`${m.to}\``);
      lines.push('', '</details>');
    }
  }
  if (report.unusedAllows.length > 0) {
    lines.push('', `> \`--allow\` matched no finding: ${report.unusedAllows.map(a => `\`${a}\``).join(', ')}.`);
  }
  return `${lines.join('\n')}\n`;
}

function findingRow(f: Finding): string {
  const mark = f.allowed ? 'allowed' : '**blocks**';
  const change = f.change === 'replace' && f.actions[0] === 'create' ? 'replace (create first)' : f.change;
  return `| ${mark} | \`${f.address}\` | ${change} | **${escape(f.title)}**: ${escape(f.message)} |`;
}

/** Keeps a table cell in one cell. */
function escape(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
