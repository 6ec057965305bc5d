/**
 * The migration API's own response bodies, exactly as Azure returned them (C2, C5).
 */
import { describe, expect, it } from 'vitest';

import { serializeError } from '../../../../shared/adapters/service-management/serialize/serialize-error';
import { serializeOperation } from '../../../../shared/adapters/service-management/serialize/serialize-operation';
import {
  serializeValidationMessages,
  validationMessageFromFinding,
} from '../../../../shared/adapters/service-management/serialize/serialize-validation-messages';

const open =
  '<ValidationMessages xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">';

describe('When validation found nothing', () => {
  it('then the body is the recorded empty ValidationMessages element', () => {
    expect(serializeValidationMessages([])).toBe(
      '<ValidationMessages xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"/>',
    );
  });
});

describe('When validation found messages', () => {
  it('then each is a ValidationMessage in the SDK order, VirtualMachine only for VM messages', () => {
    const xml = serializeValidationMessages([
      {
        resourceType: 'Deployment',
        resourceName: '123',
        category: 'Error',
        message: "The deployment name '123' does not exist.",
      },
      {
        resourceType: 'VirtualMachine',
        resourceName: 'svc1',
        category: 'Warning',
        message:
          'VM vm1 in HostedService svc1 contains Extension BGInfo which is not supported in Azure Resource Manager. It is recommended to uninstall it from the VM before continuing with migration.',
        virtualMachineName: 'vm1',
      },
    ]);
    expect(xml).toBe(
      `${open}<ValidationMessage><ResourceType>Deployment</ResourceType><ResourceName>123</ResourceName>` +
        "<Category>Error</Category><Message>The deployment name '123' does not exist.</Message></ValidationMessage>" +
        '<ValidationMessage><ResourceType>VirtualMachine</ResourceType><ResourceName>svc1</ResourceName><Category>Warning</Category>' +
        '<Message>VM vm1 in HostedService svc1 contains Extension BGInfo which is not supported in Azure Resource Manager. It is recommended to uninstall it from the VM before continuing with migration.</Message>' +
        '<VirtualMachine>vm1</VirtualMachine></ValidationMessage></ValidationMessages>',
    );
  });

  it('then a finding maps to a message, its severity as the Category, and markup is escaped', () => {
    const message = validationMessageFromFinding({
      code: 'VNET_NOT_FOUND',
      severity: 'Error',
      stage: 'classic',
      resourceType: 'VirtualNetwork',
      resourceName: 'a<b>&c',
      message: "Virtual network 'a<b>&c' not found.",
      recommendation: 'Check the name.',
    });
    expect(message).toEqual({
      resourceType: 'VirtualNetwork',
      resourceName: 'a<b>&c',
      category: 'Error',
      message: "Virtual network 'a<b>&c' not found.",
    });
    expect(serializeValidationMessages([message])).toContain(
      "<ResourceName>a&lt;b&gt;&amp;c</ResourceName><Category>Error</Category><Message>Virtual network 'a&lt;b&gt;&amp;c' not found.</Message>",
    );
  });
});

describe('When an operation is polled', () => {
  const ns =
    'xmlns="http://schemas.microsoft.com/windowsazure" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"';
  const id = '2af6c449-8d4f-8981-90fc-a4197e5dbcd3';

  it('then an operation in progress has ID and Status', () => {
    expect(serializeOperation({ id, status: 'InProgress' })).toBe(
      `<Operation ${ns}><ID>${id}</ID><Status>InProgress</Status></Operation>`,
    );
  });

  it('then a finished operation has its HttpStatusCode', () => {
    expect(serializeOperation({ id, status: 'Succeeded', httpStatusCode: 200 })).toBe(
      `<Operation ${ns}><ID>${id}</ID><Status>Succeeded</Status><HttpStatusCode>200</HttpStatusCode></Operation>`,
    );
  });

  it('then a failed operation carries its Error', () => {
    expect(
      serializeOperation({
        id,
        status: 'Failed',
        httpStatusCode: 400,
        error: { code: 'BadRequest', message: 'Subscription is not registered for migration.' },
      }),
    ).toBe(
      `<Operation ${ns}><ID>${id}</ID><Status>Failed</Status><HttpStatusCode>400</HttpStatusCode>` +
        '<Error><Code>BadRequest</Code><Message>Subscription is not registered for migration.</Message></Error></Operation>',
    );
  });
});

describe('When a request fails', () => {
  it('then the body is the Service Management Error element', () => {
    expect(
      serializeError({ code: 'ResourceNotFound', message: "The deployment name '123' does not exist." }),
    ).toBe(
      '<Error xmlns="http://schemas.microsoft.com/windowsazure"><Code>ResourceNotFound</Code>' +
        "<Message>The deployment name '123' does not exist.</Message></Error>",
    );
  });
});
