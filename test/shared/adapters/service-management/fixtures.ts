/** Reading the recorded Service Management samples and unwrapping adapter results in tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  type ParseDocumentOptions,
  type ParsedServiceManagementDocument,
  parseServiceManagementDocument,
} from '../../../../shared/adapters/service-management/parse-service-management-document';
import type { Result } from '../../../../shared/adapters/service-management/result';
import type { ServiceManagementError } from '../../../../shared/adapters/service-management/service-management-error';

export const sampleFiles = {
  hostedService: 'hostedservice-embed-detail-2vms.xml',
  reservedIpDeployment: 'deployment-2vms-reservedip-novnet.xml',
  extensionDeployment: 'deployment-vnet-staticip-extension.xml',
  multiNicDeployment: 'deployment-vnet-multinic-ipforwarding.xml',
  probeDeployment: 'deployment-lb-endpointset-probe.xml',
  netcfg: 'netcfg-vnets-gateway-localsites.xml',
} as const;

/** The cloud service each bare Deployment sample was recorded from (see the fixtures' README). */
export const cloudServiceOfSample: Readonly<Record<string, string>> = {
  [sampleFiles.reservedIpDeployment]: 'ClitestVm8667',
  [sampleFiles.extensionDeployment]: 'clitestvm5533',
  [sampleFiles.multiNicDeployment]: 'ClitestVmVnet7436',
  [sampleFiles.probeDeployment]: 'ClitestVm8365',
};

export function readSample(file: string): string {
  return readFileSync(join(__dirname, '../../../fixtures/classic', file), 'utf8');
}

export function valueOf<T>(result: Result<T, ServiceManagementError>): T {
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export function errorOf<T>(result: Result<T, ServiceManagementError>): ServiceManagementError {
  if (result.ok) throw new Error('Expected an error, got success');
  return result.error;
}

export function parseSample(
  file: string,
  options: ParseDocumentOptions = {},
): ParsedServiceManagementDocument {
  const cloudServiceName = cloudServiceOfSample[file];
  return valueOf(
    parseServiceManagementDocument(readSample(file), {
      ...(cloudServiceName === undefined ? {} : { cloudServiceName }),
      ...options,
    }),
  );
}

/** Element paths (no positions) in document order: `/Deployment/RoleList/Role/RoleName`, … */
export function elementPaths(xml: string): string[] {
  const paths: string[] = [];
  const stack: string[] = [];
  for (const match of xml.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (closing) {
      stack.pop();
      continue;
    }
    stack.push(name ?? '');
    paths.push(`/${stack.join('/')}`);
    if (selfClosing) stack.pop();
  }
  return paths;
}

/** True when `needle` appears in `haystack` in the same relative order (gaps allowed). */
export function isSubsequence(needle: readonly string[], haystack: readonly string[]): boolean {
  let at = 0;
  for (const item of haystack) if (item === needle[at]) at++;
  return at === needle.length;
}
