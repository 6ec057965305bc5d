/**
 * Turning Classic names into ARM names. Classic allowed characters ARM rejects — portal-created VNets are
 * really named `Group <rg> <vnet>`, and netcfg accepts `"my vnet quoted"` — so values substituted into a
 * name template are sanitised, and the default policy also fits the whole name to the type's rule. Pure.
 *
 * Our rule (Azure never documented one for IaaS; the CSES analogue writes `group-<rg>-<vnet>`):
 * 1. every run of characters the target type does not allow becomes one `-` (or nothing, for types
 *    without hyphens such as storage accounts), and storage names are lower-cased;
 * 2. hyphens at either end of a substituted value are dropped;
 * 3. default names only: leading characters the type may not start with and trailing characters it may
 *    not end with are dropped, `--` is collapsed where the type forbids it, and the name is cut to the
 *    type's maximum length. A user's template or override is checked, never silently changed.
 */
import { armNameRules, type NamedArmType } from './arm-name-rules';

/** Sanitises one value substituted into a name template (steps 1 and 2). */
export function sanitizeNameValue(value: string, type: NamedArmType): string {
  const rule = armNameRules[type];
  const replacement = rule.hyphenAllowed ? '-' : '';
  let out = '';
  let inBadRun = false;
  for (const ch of rule.lowerCaseOnly ? value.toLowerCase() : value) {
    if (rule.allowedCharacter.test(ch)) {
      out += ch;
      inBadRun = false;
    } else if (!inBadRun) {
      out += replacement;
      inBadRun = true;
    }
  }
  return trimHyphens(out);
}

/** Fits a rendered default name to its type's rule (step 3). May return '' when nothing is left. */
export function fitDefaultName(name: string, type: NamedArmType): string {
  const rule = armNameRules[type];
  let characters = [...name];
  if (rule.noConsecutiveHyphens) characters = [...characters.join('').replace(/-{2,}/g, '-')];
  while (characters.length > 0 && !rule.firstCharacter.test(characters[0] ?? '')) characters.shift();
  characters = characters.slice(0, rule.maxLength);
  while (characters.length > 0 && !rule.lastCharacter.test(characters[characters.length - 1] ?? ''))
    characters.pop();
  return characters.join('');
}

/**
 * The default name of an object whose default template is the Classic name alone (`{vnet}`, `{subnet}`,
 * `{vm}`…): the name sanitised and fitted. Equal to `name` when ARM accepts the Classic name as it is.
 */
export function defaultNameFromClassicName(name: string, type: NamedArmType): string {
  return fitDefaultName(sanitizeNameValue(name, type), type);
}

function trimHyphens(value: string): string {
  return value.replace(/^-+/, '').replace(/-+$/, '');
}
