/** Findings as replies show them: errors first, each with its resource and recommendation. Pure. */
import type { Finding } from '../validation/finding';
import type { ChatReply, ReplyFinding } from './chat-reply';

/** How many findings a reply carries at most; renderers may cut further to fit their platform. */
export const maxReplyFindings = 20;

const order = { Error: 0, Warning: 1, Information: 2 } as const;

export function replyFindings(
  findings: readonly Finding[],
  total = findings.length,
): NonNullable<ChatReply['findings']> | undefined {
  if (findings.length === 0) return undefined;
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return {
    items: sorted.slice(0, maxReplyFindings).map((finding): ReplyFinding => ({
      severity: finding.severity,
      code: finding.code,
      resource: [
        finding.resourceType,
        finding.resourceName,
        finding.virtualMachineName ? `VM ${finding.virtualMachineName}` : undefined,
      ]
        .filter(Boolean)
        .join(' '),
      message: finding.message,
      recommendation: finding.recommendation,
    })),
    total: Math.max(total, findings.length),
  };
}

/** `2 errors, 1 warning, 0 information`. */
export function findingCounts(counts: { errors: number; warnings: number; information: number }): string {
  const errors = `${counts.errors} ${counts.errors === 1 ? 'error' : 'errors'}`;
  const warnings = `${counts.warnings} ${counts.warnings === 1 ? 'warning' : 'warnings'}`;
  return `${errors}, ${warnings}, ${counts.information} information`;
}

export function countFindings(findings: readonly Finding[]) {
  return {
    errors: findings.filter((finding) => finding.severity === 'Error').length,
    warnings: findings.filter((finding) => finding.severity === 'Warning').length,
    information: findings.filter((finding) => finding.severity === 'Information').length,
  };
}
