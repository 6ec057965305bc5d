import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { renderValidationRulesDoc, validationRulesDocPath } from '../../../../scripts/validation-rules-doc';
import { ruleCatalogue } from '../../../../shared/domain/validation/rule-catalogue';

const projectRoot = join(__dirname, '../../../..');

describe('docs/validation-rules.md', () => {
  it('When the committed doc is compared with the generator output, then they are identical (regenerate with `node dist/scripts/generate-rules-doc.js`)', () => {
    const committed = readFileSync(join(projectRoot, validationRulesDocPath), 'utf8');

    expect(committed).toBe(renderValidationRulesDoc());
  });

  it("When the doc is rendered, then every rule has one row with its verbatim template and Azure's or our marking", () => {
    const doc = renderValidationRulesDoc();
    const rulesSection = doc.slice(doc.indexOf('## Rules'), doc.indexOf('## Extension patterns'));

    for (const rule of ruleCatalogue) {
      const rows = rulesSection.split('\n').filter((line) => line.startsWith(`| \`${rule.code}\` |`));
      expect(rows, rule.code).toHaveLength(1);
      expect(rows[0]).toContain(`\`${rule.messageTemplate.replace(/\|/g, '\\|')}\``);
      expect(rows[0]).toContain(rule.azureText ? '| Azure |' : '| ours |');
    }
  });

  it('When a rule has a profile-specific severity, then the doc says so', () => {
    expect(renderValidationRulesDoc()).toContain('| `VM_XML_EXTENSION` | Warning (preview-2016: Error) |');
  });
});
