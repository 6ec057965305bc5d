import { describe, expect, it } from 'vitest';

import { maxRecordedFindings, recordableFindings } from '../../../shared/contracts/operation-record';
import type { Finding } from '../../../shared/domain/validation/finding';

const finding = (i: number): Finding => ({
  code: i === 0 ? 'BLOCKER' : 'NOTE',
  severity: i === 0 ? 'Error' : 'Warning',
  stage: 'classic',
  resourceType: 'Deployment',
  resourceName: `d${i}`,
  message: `m${i}`,
  recommendation: 'r',
});

describe('recordableFindings', () => {
  it('When there are few findings, then all are kept', () => {
    const findings = [finding(0), finding(1)];
    expect(recordableFindings(findings)).toEqual({ findings });
  });

  it('When a huge scope yields thousands of findings, then the first (Errors first) are kept and the rest counted', () => {
    const findings = Array.from({ length: 5000 }, (_, i) => finding(i));
    const recorded = recordableFindings(findings);
    expect(recorded.findings).toHaveLength(maxRecordedFindings);
    expect(recorded.findings?.[0]?.code).toBe('BLOCKER');
    expect(recorded.findingsOmitted).toBe(5000 - maxRecordedFindings);
  });

  it('When there are no findings at all, then nothing is recorded', () => {
    expect(recordableFindings(undefined)).toEqual({});
  });
});
