import { describe, expect, it } from 'vitest';

import type { Finding } from '../../../../shared/domain/validation/finding';
import {
  toValidationMessage,
  toValidationMessages,
  validationFailedResult,
  validationResultText,
} from '../../../../shared/domain/validation/validation-message';

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  code: 'VM_XML_EXTENSION',
  severity: 'Warning',
  stage: 'classic',
  resourceType: 'Deployment',
  resourceName: 'dep1',
  virtualMachineName: 'vm1',
  message: 'VM vm1 in HostedService svc1 contains Extension BGInfo …',
  recommendation: 'Uninstall it.',
  ...overrides,
});

describe('ValidationMessage mapping', () => {
  it('When a VM-level finding is mapped, then it becomes a ValidationMessage with the VM in VirtualMachine', () => {
    expect(toValidationMessage(finding())).toEqual({
      ResourceType: 'Deployment',
      ResourceName: 'dep1',
      Category: 'Warning',
      Message: 'VM vm1 in HostedService svc1 contains Extension BGInfo …',
      VirtualMachine: 'vm1',
    });
  });

  it('When a finding names no VM, then the VirtualMachine element is left out', () => {
    const { virtualMachineName: _vm, ...withoutVm } = finding({
      severity: 'Error',
      resourceType: 'VirtualNetwork',
    });
    expect(toValidationMessage(withoutVm)).not.toHaveProperty('VirtualMachine');
  });

  it('When Information findings are mapped, then they are left out unless asked for', () => {
    const findings = [
      finding({ severity: 'Error' }),
      finding({ severity: 'Information', code: 'CLASSIC_ROLE_ASSIGNMENT' }),
    ];

    expect(toValidationMessages(findings).map((m) => m.Category)).toEqual(['Error']);
    expect(toValidationMessages(findings, { includeInformation: true }).map((m) => m.Category)).toEqual([
      'Error',
      'Information',
    ]);
  });

  it('When any message is returned, warnings included, then the PowerShell result is the failure text with two spaces', () => {
    const text = validationResultText(toValidationMessages([finding()]));

    expect(text).toBe('Validation failed.  Please see ValidationMessages for details');
    expect(text).toBe(validationFailedResult);
  });

  it('When no message is returned, then the result is the operation status', () => {
    expect(validationResultText([])).toBe('Succeeded');
    expect(validationResultText([], 'InProgress')).toBe('InProgress');
  });
});
