/**
 * A form creating a batch plan (`POST /api/batches`): a selector (kind and name pattern) resolved by the
 * service when the plan is created, the phases, auto-commit, and a window opening at a local time. The
 * service checks everything and answers every problem at once; they are listed as it says them.
 */
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/client';
import { type Batch, scopeKindPaths } from '../api/types';
import { h, replaceChildren } from '../dom/h';
import { kindLabels } from '../format';

export function batchForm(api: ApiClient, created: (batch: Batch) => void): HTMLElement {
  const errors = h('div', { class: 'form-errors', role: 'alert' });
  const name = h('input', { id: 'batch-name', required: true, maxlength: 100 });
  const kind = h(
    'select',
    { id: 'batch-kind' },
    h('option', { value: '' }, 'Any kind'),
    scopeKindPaths.map((k) => h('option', { value: k }, kindLabels[k])),
  );
  const pattern = h('input', { id: 'batch-pattern', placeholder: 'contoso-* (empty: every scope)' });
  const phases = (['validate', 'prepare', 'commit'] as const).map((phase) =>
    h('input', { type: 'checkbox', id: `batch-phase-${phase}`, value: phase, checked: phase === 'validate' }),
  );
  const autoCommit = h('input', { type: 'checkbox', id: 'batch-autocommit' });
  const start = h('input', { type: 'datetime-local', id: 'batch-start', required: true, value: localNow() });
  const duration = h('input', {
    type: 'number',
    id: 'batch-duration',
    min: 15,
    max: 1440,
    value: 60,
    required: true,
  });
  const concurrent = h('input', {
    type: 'number',
    id: 'batch-concurrent',
    min: 1,
    max: 100,
    value: 1,
    required: true,
  });
  const onFailure = h(
    'select',
    { id: 'batch-onfailure' },
    h('option', { value: 'stop' }, 'stop the batch'),
    h('option', { value: 'continue' }, 'continue with the others'),
  );

  const form = h(
    'form',
    {
      class: 'batch-form',
      'aria-labelledby': 'batch-form-title',
      onsubmit: (event) => {
        event.preventDefault();
        void submit();
      },
    },
    h('h3', { id: 'batch-form-title' }, 'New batch'),
    field('batch-name', 'Name', name),
    h(
      'div',
      { class: 'filter-row' },
      field('batch-kind', 'Kind', kind),
      field('batch-pattern', 'Name pattern', pattern),
    ),
    h(
      'fieldset',
      null,
      h('legend', null, 'Phases'),
      phases.map((box) => h('span', { class: 'check' }, box, h('label', { for: box.id }, box.value))),
      h(
        'span',
        { class: 'check' },
        autoCommit,
        h('label', { for: 'batch-autocommit' }, 'commit automatically where validation found no error'),
      ),
    ),
    h(
      'div',
      { class: 'filter-row' },
      field('batch-start', 'Window opens (your time)', start),
      field('batch-duration', 'Minutes open', duration),
      field('batch-concurrent', 'At once', concurrent),
      field('batch-onfailure', 'On failure', onFailure),
    ),
    h('button', { type: 'submit', class: 'primary' }, 'Create batch'),
    errors,
  );

  async function submit(): Promise<void> {
    replaceChildren(errors);
    const startAt = new Date(start.value);
    const body = {
      name: name.value,
      selector: {
        ...(kind.value ? { kind: kind.value } : {}),
        ...(pattern.value.trim() ? { namePattern: pattern.value.trim() } : {}),
      },
      phases: phases.filter((box) => box.checked).map((box) => box.value),
      autoCommit: autoCommit.checked,
      // The local time the user typed, as an instant (the service also takes a time zone; the browser's is implied).
      window: {
        start: Number.isNaN(startAt.getTime()) ? start.value : startAt.toISOString(),
        durationMinutes: Number(duration.value),
      },
      maxConcurrent: Number(concurrent.value),
      onFailure: onFailure.value,
    };
    try {
      const batch = await api.json<Batch>('POST', '/api/batches', { body: JSON.stringify(body) });
      form.reset();
      start.value = localNow();
      created(batch);
    } catch (error) {
      const problems = error instanceof ApiError ? [error.message, ...error.details] : [String(error)];
      replaceChildren(
        errors,
        h('p', null, 'The batch was not created:'),
        h(
          'ul',
          null,
          problems.map((problem) => h('li', null, problem)),
        ),
      );
    }
  }
  return form;
}

function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}
