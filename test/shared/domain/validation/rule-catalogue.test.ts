import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { scopeKinds } from '../../../../shared/domain/scope/scope';
import { ruleByCode, ruleCatalogue } from '../../../../shared/domain/validation/rule-catalogue';
import { validationProfiles } from '../../../../shared/domain/validation/validation-profile';

const rulesDir = join(__dirname, '../../../../shared/domain/validation/rules');

describe('ruleCatalogue', () => {
  it('When the codes are listed, then they are unique and SCREAMING_SNAKE', () => {
    const codes = ruleCatalogue.map((rule) => rule.code);

    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  it('When the rule modules on disk are counted, then the catalogue holds every one of them', () => {
    const modules = readdirSync(rulesDir).filter((file) => file.endsWith('.rule.ts'));

    expect(ruleCatalogue).toHaveLength(modules.length);
  });

  it('When each rule is inspected, then its metadata is complete and consistent', () => {
    for (const rule of ruleCatalogue) {
      expect(rule.title.length, rule.code).toBeGreaterThan(0);
      expect(rule.messageTemplate.length, rule.code).toBeGreaterThan(0);
      expect(rule.recommendation.length, rule.code).toBeGreaterThan(0);
      expect(rule.sources.length, rule.code).toBeGreaterThan(0);
      expect(rule.scopeKinds.length, rule.code).toBeGreaterThan(0);
      expect(rule.profiles.length, rule.code).toBeGreaterThan(0);
      for (const kind of rule.scopeKinds) expect(scopeKinds).toContain(kind);
      for (const profile of rule.profiles) expect(validationProfiles).toContain(profile);
      for (const profile of Object.keys(rule.severityByProfile ?? {}))
        expect(rule.profiles).toContain(profile);
    }
  });

  it('When the Azure-text rules are listed, then they are exactly the ones whose text Azure published', () => {
    const azure = ruleCatalogue.filter((rule) => rule.azureText).map((rule) => rule.code);

    expect(azure.sort()).toEqual(
      [
        'DEPLOYMENT_NOT_FOUND',
        'STORAGE_ACCOUNT_NOT_FOUND',
        'VIRTUAL_NETWORK_NOT_FOUND',
        'DEPLOYMENT_PAAS',
        'VNET_PAAS_DEPLOYMENTS',
        'DEPLOYMENT_MULTIPLE_AVAILABILITY_SETS',
        'DEPLOYMENT_MIXED_AVAILABILITY_SET',
        'DEPLOYMENT_NOT_IN_REGIONAL_SCOPE',
        'VM_STATE_NOT_MIGRATABLE',
        'VM_PROVISIONING_TIMEOUT',
        'VM_XML_EXTENSION',
        'VM_SNAPSHOT_EXTENSION',
        'VM_EXTENSION_STATUS_NOT_REPORTED',
        'VM_EXTENSION_HANDLER_NOT_READY',
        'VM_AGENT_NOT_READY',
        'VM_DISK_BLOB_NAME_WITH_SLASH',
        'VM_DATA_DISK_SIZE_MISMATCH',
        'VM_DATA_DISK_INACCESSIBLE',
        'DESTINATION_VIRTUAL_NETWORK_NOT_FOUND',
      ].sort(),
    );
  });

  it("When Azure's templates are read, then they keep its typos: rule 11's missing brace and rule 2's double space", () => {
    expect(ruleByCode('DEPLOYMENT_MIXED_AVAILABILITY_SET')?.messageTemplate).toContain(
      'HostedService {hosted-service-name because it has VMs',
    );
    expect(ruleByCode('DEPLOYMENT_PAAS')?.messageTemplate).toContain('{deployment-name}  in HostedService');
    expect(ruleByCode('VM_DISK_BLOB_NAME_WITH_SLASH')?.messageTemplate).toContain('{vhd-blob-name}  that');
  });

  it('When a code is looked up that does not exist, then there is no rule', () => {
    expect(ruleByCode('NO_SUCH_RULE')).toBeUndefined();
  });
});
