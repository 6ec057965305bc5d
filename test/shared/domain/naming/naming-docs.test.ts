import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { namedObjectKindInfo, namedObjectKinds } from '../../../../shared/domain/naming/naming-policy';

const doc = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'naming.md'), 'utf8');

describe('docs/naming.md', () => {
  it.each(namedObjectKinds)(
    'When the default for %s is documented, then its row shows the same template, ARM type and evidence',
    (kind) => {
      const info = namedObjectKindInfo[kind];
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${kind}\``));
      expect(row, `no row for ${kind}`).toBeDefined();
      const cells = row!.split('|').map((cell) => cell.trim());
      expect(cells[3]).toBe(`\`${info.armType}\``);
      expect(cells[4]).toBe(`\`${info.defaultTemplate}\``);
      expect(cells[5]?.startsWith(info.evidence.source === 'azure' ? 'Azure' : 'ours')).toBe(true);
    },
  );
});
