/**
 * Commit cannot be undone, so it asks for a typed confirmation as Azure's tooling did ("Type yes to
 * confirm"): a modal dialog (focus stays in it; Escape cancels) whose Commit button is enabled only once
 * the field says `yes`.
 */
import { h } from '../dom/h';

export function confirmCommit(scopeName: string): Promise<boolean> {
  return new Promise((resolve) => {
    const input = h('input', {
      id: 'commit-confirm',
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': 'commit-warning',
    });
    const confirm = h(
      'button',
      { type: 'submit', value: 'commit', class: 'danger', disabled: true },
      'Commit',
    );
    const cancel = h('button', { type: 'button', onclick: () => dialog.close('cancel') }, 'Cancel');
    const dialog = h(
      'dialog',
      { class: 'confirm', 'aria-labelledby': 'commit-title' },
      h(
        'form',
        { method: 'dialog' },
        h('h2', { id: 'commit-title' }, `Commit ${scopeName}?`),
        h(
          'p',
          { id: 'commit-warning' },
          'Commit makes Resource Manager the owner of these resources and removes them from Classic. It cannot be aborted or undone.',
        ),
        h('label', { for: 'commit-confirm' }, 'Type yes to confirm'),
        input,
        h('div', { class: 'dialog-buttons' }, confirm, cancel),
      ),
    );
    input.addEventListener('input', () => (confirm.disabled = input.value.trim().toLowerCase() !== 'yes'));
    dialog.addEventListener('close', () => {
      const confirmed = dialog.returnValue === 'commit' && input.value.trim().toLowerCase() === 'yes';
      dialog.remove();
      resolve(confirmed);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}
