import { describe, expect, it } from 'vitest';

import { renderTemplate } from '../../../../shared/domain/validation/message-template';

describe('renderTemplate', () => {
  it('When placeholders have values, then each is replaced and the rest is kept verbatim (double spaces included)', () => {
    expect(
      renderTemplate('Deployment {deployment-name}  in HostedService {hosted-service-name}.', {
        'deployment-name': 'dep1',
        'hosted-service-name': 'svc1',
      }),
    ).toBe('Deployment dep1  in HostedService svc1.');
  });

  it("When a placeholder lacks its closing brace, as in Azure's rule 11, then the value is still filled in", () => {
    expect(
      renderTemplate('in HostedService {hosted-service-name because it has VMs', {
        'hosted-service-name': 'svc1',
      }),
    ).toBe('in HostedService svc1 because it has VMs');
  });

  it('When a placeholder repeats with a list value, then successive occurrences take successive items', () => {
    expect(renderTemplate('Status: {s}. Should be {s}. Really {s}.', { s: ['NotReady', 'Ready'] })).toBe(
      'Status: NotReady. Should be Ready. Really Ready.',
    );
  });

  it('When placeholder names hold spaces or share a prefix, then the longest name wins', () => {
    expect(
      renderTemplate('{data disk name} / {data disk Uri} / {vm} / {vm-name}', {
        'data disk name': 'd0',
        'data disk Uri': 'https://x',
        vm: 'short',
        'vm-name': 'long',
      }),
    ).toBe('d0 / https://x / short / long');
  });

  it('When a value contains braces, then it is not re-read as a placeholder', () => {
    expect(renderTemplate('{a} {b}', { a: '{b}', b: 'B' })).toBe('{b} B');
  });

  it('When a placeholder has no value, then it stays as it is', () => {
    expect(renderTemplate('The {missing} and {x}', { x: 1 })).toBe('The {missing} and 1');
  });

  it('When an unterminated brace is followed by a longer word, then it is not taken for a placeholder', () => {
    expect(renderTemplate('{vm-names}', { 'vm-name': 'x' })).toBe('{vm-names}');
  });
});
