/**
 * The portal: reads its settings, signs in when the API wants a token, then shows the estate and one scope
 * at a time (Classic and Resource Manager side by side), the batches and the import.
 *
 * No framework (our choice): one screen of a few panels, where the hard part is updating a 1,000-row list
 * and a progress bar in place — done directly with keyed rows — and a framework would add a runtime and a
 * build for little. Every element is built with `h()` from text, never from HTML strings.
 */
import { ApiClient } from './api/client';
import { type Auth, noAuth, type SignIn, signIn } from './auth/auth';
import { BatchesView } from './batches/batches-view';
import { byId, h, replaceChildren } from './dom/h';
import { EstateView } from './estate/estate-view';
import { importView } from './import/import-view';
import { OperationTracker } from './operations';
import { parseRoute, type Route } from './router';
import { isLocked } from './scope/action-rules';
import { ScopeView } from './scope/scope-view';

interface PortalSettings {
  defaultSubscriptionId: string;
  authRequired: boolean;
  signIn?: SignIn;
  signInProblem?: string;
}

async function main(): Promise<void> {
  const response = await fetch('/portal/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The portal's settings could not be read (HTTP ${response.status}).`);
  const settings = (await response.json()) as PortalSettings;
  const auth: Auth = settings.signIn ? await signIn(settings.signIn) : noAuth;
  if (settings.signInProblem) banner(settings.signInProblem);

  const query = new URLSearchParams(window.location.search);
  const api = new ApiClient(auth, query.get('subscriptionId')?.trim() || settings.defaultSubscriptionId);
  const tracker = new OperationTracker(api);
  const estate = new EstateView(api);
  const scope = new ScopeView(api, tracker, {
    statusRead: (status) => estate.update(status.scope.key, { state: status.state, locked: status.locked }),
  });
  tracker.onChange((key, record, ended) => {
    estate.setRunning(key, ended ? undefined : record.operation);
    if (ended && record.resultingState)
      estate.update(key, { state: record.resultingState, locked: isLocked(record.resultingState) });
  });
  const batches = new BatchesView(api);
  const views = {
    scopes: h('div', { class: 'scopes-layout', id: 'view-scopes' }, estate.element, scope.element),
    batches: h('div', { id: 'view-batches', hidden: true }, batches.element),
    import: h(
      'div',
      { id: 'view-import', hidden: true },
      importView(api, () => void estate.load()),
    ),
  };
  replaceChildren(byId('main'), views.scopes, views.batches, views.import);
  navigation();
  userLine(auth);
  subscriptionForm(api.subscriptionId, (subscriptionId) => {
    api.subscriptionId = subscriptionId;
    const url = new URL(window.location.href);
    url.searchParams.set('subscriptionId', subscriptionId);
    url.hash = '#/';
    window.history.replaceState(null, '', url);
    tracker.clear();
    estate.clear();
    scope.close();
    void estate.load().then(() => route(false));
  });

  let current: Route['view'] | undefined;
  const route = (focus: boolean) => {
    const next = parseRoute(window.location.hash);
    for (const [name, element] of Object.entries(views)) element.hidden = name !== next.view;
    for (const link of document.querySelectorAll<HTMLAnchorElement>('#views a')) {
      if (link.dataset.view === next.view) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    if (current !== next.view) batches.setVisible(next.view === 'batches');
    current = next.view;
    if (next.view !== 'scopes') return;
    if (!next.scope) {
      scope.close();
      estate.select(undefined);
      return;
    }
    const row = estate.find(next.scope.kindPath, next.scope.name);
    estate.select(row?.scopeKey);
    void scope.open(next.scope.kindPath, next.scope.name, focus).then(() => estate.select(scope.openKey));
  };
  window.addEventListener('hashchange', () => route(true));
  await estate.load();
  route(false);
}

function navigation(): void {
  replaceChildren(
    byId('views'),
    h(
      'ul',
      null,
      h('li', null, h('a', { href: '#/', 'data-view': 'scopes' }, 'Scopes')),
      h('li', null, h('a', { href: '#/batches', 'data-view': 'batches' }, 'Batches')),
      h('li', null, h('a', { href: '#/import', 'data-view': 'import' }, 'Import')),
    ),
  );
}

function subscriptionForm(initial: string, change: (subscriptionId: string) => void): void {
  const form = byId<HTMLFormElement>('subscription-form');
  const input = byId<HTMLInputElement>('subscription');
  input.value = initial;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (value) change(value);
  });
}

function userLine(auth: Auth): void {
  const user = auth.user();
  if (!user) return;
  replaceChildren(
    byId('user'),
    h('span', null, `Signed in as ${user}`),
    h('button', { type: 'button', class: 'small', onclick: () => void auth.signOut() }, 'Sign out'),
  );
}

function banner(message: string): void {
  byId('main').before(h('p', { class: 'banner error', role: 'alert' }, message));
}

main().catch((error: unknown) => {
  const root = document.getElementById('main');
  if (root)
    replaceChildren(
      root,
      h(
        'p',
        { class: 'banner error', role: 'alert' },
        `The portal could not start: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
});
