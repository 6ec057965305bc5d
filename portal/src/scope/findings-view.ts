/**
 * The validation findings of a scope, grouped by severity then by code (one rule, many resources), each
 * group with its recommendation; a blocking scope says so first, with the service's refusal if any.
 */
import type { Finding, ScopeStatus, Severity } from '../api/types';
import { h, replaceChildren } from '../dom/h';

const severities: Severity[] = ['Error', 'Warning', 'Information'];
const headings: Record<Severity, string> = {
  Error: 'Errors',
  Warning: 'Warnings',
  Information: 'Information',
};

export class FindingsView {
  readonly element = h('div', { class: 'findings' });

  /** Renders the findings; returns how many there are (for the tab's label). */
  show(validation: ScopeStatus['validation']): number {
    const findings = validation?.findings ?? [];
    const parts: (HTMLElement | null)[] = [];
    if (validation?.refusal) {
      parts.push(
        h(
          'p',
          { class: 'banner error', role: 'note' },
          h('strong', null, `${validation.refusal.code}: `),
          validation.refusal.message,
        ),
      );
    }
    if (validation?.blocking) {
      parts.push(
        h(
          'p',
          { class: 'banner error' },
          'Validation found errors: this scope cannot migrate until they are fixed.',
        ),
      );
    } else if (validation) {
      parts.push(h('p', { class: 'banner ok' }, 'No blocking error: the scope can be prepared.'));
    } else {
      parts.push(h('p', null, 'No validation result for this scope.'));
    }
    for (const severity of severities) {
      const ofSeverity = findings.filter((finding) => finding.severity === severity);
      if (ofSeverity.length === 0) continue;
      parts.push(
        h(
          'section',
          { class: `severity severity-${severity.toLowerCase()}`, 'aria-labelledby': `findings-${severity}` },
          h('h3', { id: `findings-${severity}` }, `${headings[severity]} (${ofSeverity.length})`),
          byCode(ofSeverity).map(([code, group]) => codeGroup(code, group)),
        ),
      );
    }
    replaceChildren(this.element, parts);
    return findings.length;
  }
}

function byCode(findings: Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) groups.set(finding.code, [...(groups.get(finding.code) ?? []), finding]);
  return [...groups];
}

function codeGroup(code: string, findings: Finding[]): HTMLElement {
  const recommendations = [...new Set(findings.map((finding) => finding.recommendation).filter(Boolean))];
  const shared = recommendations.length === 1 ? recommendations[0] : undefined;
  return h(
    'div',
    { class: 'finding-group', 'data-code': code },
    h('h4', null, h('code', null, code), ` (${findings.length})`),
    shared ? h('p', { class: 'recommendation' }, h('strong', null, 'Recommendation: '), shared) : null,
    h(
      'ul',
      null,
      findings.map((finding) =>
        h(
          'li',
          null,
          h(
            'span',
            { class: 'where' },
            [finding.resourceType, finding.resourceName, finding.virtualMachineName]
              .filter(Boolean)
              .join(' · '),
          ),
          h('span', { class: 'message' }, finding.message),
          !shared && finding.recommendation
            ? h(
                'span',
                { class: 'recommendation' },
                h('strong', null, 'Recommendation: '),
                finding.recommendation,
              )
            : null,
        ),
      ),
    ),
  );
}
