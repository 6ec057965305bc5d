/**
 * The namer: applies a naming policy to name requests, remembers every name it gave (an object asked for
 * twice gets the same name, so IDs computed in different places agree) and collects naming errors. One
 * namer lives for one translation; it is the only mutable thing in it. Pure (no I/O, no clock).
 */
import { checkArmName } from './arm-name-rules';
import { fitDefaultName, sanitizeNameValue } from './name-sanitizer';
import type { NamingError } from './naming-error';
import {
  type NamedObjectKind,
  namedObjectKindInfo,
  type NameToken,
  type NameTokens,
  nameTokens,
  type NamingPolicy,
} from './naming-policy';

export interface NameRequest {
  kind: NamedObjectKind;
  /** The Classic resource the object comes from (for generated objects: the one it is generated for). */
  classicId: string;
  /** True when this object is what the Classic resource turns into, so its bare Classic id may override it. */
  principal?: boolean;
  tokens: NameTokens;
}

export interface Namer {
  /** The name of an object; the same request always gets the same name. */
  nameOf(request: NameRequest): string;
  /** Naming errors found so far (rule and template errors; duplicates are found after translation). */
  readonly errors: readonly NamingError[];
}

/** `<classicId>#<kind>`: the stable key of a named object, used by overrides and errors. */
export function objectKeyOf(request: Pick<NameRequest, 'kind' | 'classicId'>): string {
  return `${request.classicId}#${request.kind}`;
}

/** Creates a namer for one translation. */
export function createNamer(policy: NamingPolicy): Namer {
  const overrides = new Map(Object.entries(policy.overrides).map(([key, name]) => [key.toLowerCase(), name]));
  const given = new Map<string, string>();
  const errors: NamingError[] = [];

  function render(request: NameRequest, objectKey: string): string {
    const info = namedObjectKindInfo[request.kind];
    const override =
      overrides.get(objectKey.toLowerCase()) ??
      (request.principal ? overrides.get(request.classicId.toLowerCase()) : undefined);
    if (override !== undefined) return override;
    const userTemplate = policy.templates[request.kind];
    const template = userTemplate ?? info.defaultTemplate;
    const rendered = template.replace(/\{([A-Za-z]+)\}/g, (whole, token: string) => {
      const value = isNameToken(token) ? request.tokens[token] : undefined;
      if (value === undefined) {
        const offered = Object.keys(request.tokens)
          .map((t) => `{${t}}`)
          .join(', ');
        errors.push({
          code: 'NAME_TEMPLATE_UNKNOWN_TOKEN',
          message: `Template '${template}' for ${request.kind} uses ${whole}, which this object does not offer (it offers ${offered})`,
          object: objectKey,
          proposedName: template,
          rule: `tokens of ${request.kind}: ${offered}`,
        });
        return '';
      }
      return sanitizeNameValue(String(value), info.armType);
    });
    return userTemplate === undefined ? fitDefaultName(rendered, info.armType) : rendered;
  }

  return {
    nameOf(request) {
      const objectKey = objectKeyOf(request);
      const known = given.get(objectKey);
      if (known !== undefined) return known;
      const name = render(request, objectKey);
      const armType = namedObjectKindInfo[request.kind].armType;
      const violation = checkArmName(armType, name);
      if (violation)
        errors.push({
          code: 'NAME_INVALID',
          message: violation.message,
          object: objectKey,
          proposedName: name,
          rule: violation.rule,
        });
      given.set(objectKey, name);
      return name;
    },
    get errors() {
      return errors;
    },
  };
}

function isNameToken(token: string): token is NameToken {
  return (nameTokens as readonly string[]).includes(token);
}
