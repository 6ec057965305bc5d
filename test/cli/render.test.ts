/** What people read: padded tables, durations, and progress as a bar on a terminal or plain lines in a pipe. */
import { PassThrough } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { duration } from '../../cli/render/format';
import { progressDisplay } from '../../cli/render/progress';
import { table } from '../../cli/render/table';

describe('rendering', () => {
  it('When rows are tabulated, then columns are padded, empty cells show -, and no line ends in spaces', () => {
    expect(
      table(
        ['kind', 'name', 'note'],
        [
          ['virtualNetworks', 'Prod-VNet', undefined],
          ['cs', 'contoso-ftp', 'two\nlines'],
        ],
      ),
    ).toBe(
      [
        'KIND             NAME         NOTE',
        'virtualNetworks  Prod-VNet    -',
        'cs               contoso-ftp  two lines',
      ].join('\n'),
    );
  });

  it('When durations are shown, then they read as s, m ss, h mm', () => {
    expect([duration(4.4), duration(65), duration(3 * 3600 + 7 * 60 + 5)]).toEqual([
      '4s',
      '1m 05s',
      '3h 07m',
    ]);
  });

  it('When progress goes to a pipe, then each change is one plain line and a repeated poll writes nothing', () => {
    let written = '';
    const display = progressDisplay({ write: (text: string) => (written += text), isTTY: false });
    const progress = {
      label: 'prepare virtualNetworks/Prod-VNet',
      step: 'writeArm',
      done: 1,
      total: 4,
      etaSeconds: 90,
    };
    display.line('prepare virtualNetworks/Prod-VNet: InProgress');
    display.update(progress);
    display.update(progress);
    display.update({ ...progress, done: 2, etaSeconds: undefined });
    display.stop();
    expect(written).toBe(
      [
        'prepare virtualNetworks/Prod-VNet: InProgress',
        'prepare virtualNetworks/Prod-VNet: 1/4 (25%) writeArm, ETA 1m 30s',
        'prepare virtualNetworks/Prod-VNet: 2/4 (50%) writeArm, ETA ?',
        '',
      ].join('\n'),
    );
  });

  it('When progress goes to a terminal, then it is a bar with counts, step and ETA, redrawn in place', () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
    let written = '';
    stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const display = progressDisplay(stream);
    display.update({
      label: 'commit cloudServices/contoso-ftp',
      step: 'removeClassic',
      done: 3,
      total: 4,
      etaSeconds: 5,
    });
    display.line('state Committing');
    display.stop();
    expect(written).toMatch(
      /commit cloudServices\/contoso-ftp \[[█░]+\] 75% \| 3\/4 \| removeClassic \| ETA 5s/,
    );
    expect(written).toContain('state Committing');
    // Redrawn in place: cursor movements, not one line per update.
    expect(written).toContain('\u001b[');
  });
});
