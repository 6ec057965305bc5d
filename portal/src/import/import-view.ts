/**
 * Import of Service Management XML (`POST /api/inventory/import`, `application/xml`, one document per
 * request): files dropped on the zone or chosen with the file picker (the keyboard way), sent one at a
 * time; each file's counts, or the service's error with the element path it names.
 */
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/client';
import type { ImportResult } from '../api/types';
import { h } from '../dom/h';

/** The service's limit (4 MiB); checked here too so a wrong file fails at once. */
const maxBytes = 4 * 1024 * 1024;

export function importView(api: ApiClient, imported: () => void): HTMLElement {
  const results = h('ul', { class: 'import-results', id: 'import-results', 'aria-live': 'polite' });
  const cloudService = h('input', { id: 'import-cloud-service', autocomplete: 'off' });
  const picker = h('input', {
    type: 'file',
    id: 'import-files',
    multiple: true,
    accept: '.xml,application/xml,text/xml',
    onchange: () => {
      void send([...(picker.files ?? [])]);
      picker.value = '';
    },
  });
  const zone = h(
    'div',
    { class: 'dropzone', id: 'dropzone' },
    h(
      'p',
      null,
      'Drop Service Management XML files here (HostedService, Deployment, NetworkConfiguration, ReservedIPs, NetworkSecurityGroups, RouteTables, StorageServices, Disks…), one document per file, or',
    ),
    h('label', { for: 'import-files', class: 'file-label' }, 'Choose files'),
    picker,
  );
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    void send([...(event.dataTransfer?.files ?? [])]);
  });

  async function send(files: File[]): Promise<void> {
    let any = false;
    for (const file of files) {
      const item = h('li', { class: 'pending' }, `${file.name}: importing…`);
      results.prepend(item);
      try {
        if (file.size > maxBytes)
          throw new ApiError(
            413,
            'TooLarge',
            `The file is ${Math.ceil(file.size / 1024)} KiB; a document may be 4 MiB at most.`,
          );
        const result = await api.json<ImportResult>('POST', '/api/inventory/import', {
          body: await file.text(),
          contentType: 'application/xml',
          query: { cloudService: cloudService.value.trim() || undefined },
        });
        const counts = Object.entries(result.counts)
          .filter(([, count]) => count > 0)
          .map(([what, count]) => `${count} ${what}`)
          .join(', ');
        item.className = 'ok';
        item.textContent = `${file.name}: ${result.kind} imported — ${counts || 'nothing new'}${result.notes.length > 0 ? `. ${result.notes.join(' ')}` : ''}`;
        any = true;
      } catch (error) {
        item.className = 'error';
        item.textContent = `${file.name}: ${error instanceof ApiError ? `${error.code}: ${error.message}` : String(error)}`;
      }
    }
    if (any) imported();
  }

  return h(
    'section',
    { class: 'import', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, 'Import Classic configuration'),
    zone,
    h(
      'div',
      { class: 'field' },
      h(
        'label',
        { for: 'import-cloud-service' },
        'Cloud service name for Deployment documents (they do not name theirs)',
      ),
      cloudService,
    ),
    h('h3', null, 'Results'),
    results,
  );
}
