/** Resolves `%Setting%` references in binding properties from app settings (environment variables), as the host does. */
export function resolveAppSettingReferences(text: string, env: NodeJS.ProcessEnv = process.env): string {
  return text.replace(/%([^%]+)%/g, (_whole, name: string) => {
    const value = env[name];
    if (value === undefined) throw new Error(`The app setting '${name}' referenced by a binding is not set.`);
    return value;
  });
}
