/**
 * Inline route constraints (`{id:int}`, `{id:guid}`, `{name:alpha:minlength(2)}`) as ASP.NET Core routing
 * understands them, which is what the Functions host uses for HTTP trigger routes.
 */

export type RouteConstraint = (value: string) => boolean;

const int32 = { min: -2147483648, max: 2147483647 };
const hyphenatedGuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The formats .NET's Guid.TryParse accepts: N, D, B ({D}) and P ((D)). */
const guidPattern = new RegExp(
  `^(?:[0-9a-f]{32}|${hyphenatedGuid}|\\{${hyphenatedGuid}\\}|\\(${hyphenatedGuid}\\))$`,
  'i',
);

const numeric = (value: string): boolean => /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value);
const integer = (value: string): boolean => /^[-+]?\d+$/.test(value);

function argumentsOf(text: string, count: number, constraint: string): number[] {
  const parts = text.split(',').map((part) => Number(part.trim()));
  if (parts.length !== count || parts.some((part) => !Number.isFinite(part))) {
    throw new Error(`The route constraint '${constraint}' needs ${count} numeric argument(s).`);
  }
  return parts;
}

/** Builds the check for one constraint (name plus optional parenthesised argument). */
export function buildConstraint(name: string, argument: string | undefined): RouteConstraint {
  const constraint = argument === undefined ? name : `${name}(${argument})`;
  switch (name.toLowerCase()) {
    case 'int':
      return (v) => integer(v) && Number(v) >= int32.min && Number(v) <= int32.max;
    case 'long':
      return (v) => integer(v) && BigInt(v) >= -(2n ** 63n) && BigInt(v) < 2n ** 63n;
    case 'bool':
      return (v) => /^(true|false)$/i.test(v);
    case 'datetime':
      return (v) => !Number.isNaN(Date.parse(v));
    case 'decimal':
    case 'double':
    case 'float':
      return numeric;
    case 'guid':
      return (v) => guidPattern.test(v);
    case 'alpha':
      return (v) => /^[a-z]+$/i.test(v);
    case 'minlength': {
      const [min = 0] = argumentsOf(argument ?? '', 1, constraint);
      return (v) => v.length >= min;
    }
    case 'maxlength': {
      const [max = 0] = argumentsOf(argument ?? '', 1, constraint);
      return (v) => v.length <= max;
    }
    case 'length': {
      const parts = (argument ?? '').includes(',')
        ? argumentsOf(argument ?? '', 2, constraint)
        : argumentsOf(argument ?? '', 1, constraint);
      const [min = 0, max = min] = parts;
      return (v) => v.length >= min && v.length <= max;
    }
    case 'min': {
      const [min = 0] = argumentsOf(argument ?? '', 1, constraint);
      return (v) => integer(v) && Number(v) >= min;
    }
    case 'max': {
      const [max = 0] = argumentsOf(argument ?? '', 1, constraint);
      return (v) => integer(v) && Number(v) <= max;
    }
    case 'range': {
      const [min = 0, max = 0] = argumentsOf(argument ?? '', 2, constraint);
      return (v) => integer(v) && Number(v) >= min && Number(v) <= max;
    }
    case 'regex': {
      // ASP.NET evaluates route regexes case-insensitively and culture-invariantly.
      const pattern = new RegExp(argument ?? '', 'i');
      return (v) => pattern.test(v);
    }
    default:
      throw new Error(`The route constraint '${constraint}' is not supported by the dev host.`);
  }
}
