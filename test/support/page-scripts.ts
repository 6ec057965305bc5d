/**
 * Scripts the portal tests run inside the page, as source text: the test project compiles without the DOM
 * library (it is Node code), so what runs in the browser is written here as JavaScript and evaluated there.
 * Each returns an expression for `page.evaluate` / `page.waitForFunction`.
 */
const json = (value: unknown) => JSON.stringify(value);

/** True once the element's text is exactly `text`. */
export const textIs = (id: string, text: string) =>
  `document.getElementById(${json(id)})?.textContent === ${json(text)}`;

/** True once the element's text contains `text`. */
export const textHas = (selector: string, text: string) =>
  `(document.querySelector(${json(selector)})?.textContent ?? '').includes(${json(text)})`;

/** True once the element's text differs from `text`. */
export const textIsNot = (id: string, text: string | null) =>
  `document.getElementById(${json(id)})?.textContent !== ${json(text)}`;

/** Records, under `name`, the row (its `attribute`) of every mutation inside `selector` from now on. */
export const watchRows = (name: string, selector: string, attribute: string) => `(() => {
  const seen = (window[${json(name)}] = new Set());
  new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target instanceof Element ? record.target : record.target.parentElement;
      seen.add(node?.closest('tr')?.getAttribute(${json(attribute)}) ?? 'outside a row');
    }
  }).observe(document.querySelector(${json(selector)}), { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

export const watched = (name: string) => `[...window[${json(name)}]]`;

/** Tags an element with a property: still there later means it is the same element (not re-created). */
export const mark = (selector: string) => `void (document.querySelector(${json(selector)}).__portalMark = 1)`;
export const isMarked = (selector: string) => `document.querySelector(${json(selector)})?.__portalMark === 1`;

/** The id of the focused element, its text, or whether it matches a selector. */
export const activeId = `(document.activeElement?.id ?? '')`;
export const activeText = `document.activeElement?.textContent ?? ''`;
export const activeMatches = (selector: string) =>
  `document.activeElement?.matches(${json(selector)}) ?? false`;

/** Milliseconds from typing `text` in the search field to the next frame (the list filtered and drawn). */
export const timeSearch = (id: string, text: string) => `(async () => {
  const input = document.getElementById(${json(id)});
  const start = performance.now();
  input.value = ${json(text)};
  input.dispatchEvent(new Event('input'));
  await new Promise(requestAnimationFrame);
  return performance.now() - start;
})()`;

/** A DataTransfer holding files, as a drop of files from the desktop carries them. */
export const dataTransfer = (files: { name: string; content: string }[]) => `(() => {
  const transfer = new DataTransfer();
  for (const file of ${json(files)}) transfer.items.add(new File([file.content], file.name, { type: 'application/xml' }));
  return transfer;
})()`;
