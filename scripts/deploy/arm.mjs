/**
 * Reading Azure Resource Manager from azure.yaml's hooks, with the deployer's own sign-in: azd's
 * (`azd auth token`, which the hooks run under), else the Azure CLI's. No SDK, no extra package.
 */
import { execFileSync } from 'node:child_process';

const shell = process.platform === 'win32';
const armEndpoint = (process.env.AZURE_RESOURCE_MANAGER_ENDPOINT ?? 'https://management.azure.com').replace(
  /\/$/,
  '',
);

/** An ARM access token, or undefined when neither azd nor the Azure CLI can give one. */
export function armToken() {
  const attempts = [
    () => JSON.parse(run('azd', ['auth', 'token', '--output', 'json'])).token,
    () =>
      JSON.parse(
        run('az', ['account', 'get-access-token', '--resource', `${armEndpoint}/`, '--output', 'json']),
      ).accessToken,
  ];
  for (const attempt of attempts) {
    try {
      const token = attempt();
      if (typeof token === 'string' && token !== '') return token;
    } catch {
      // try the next sign-in
    }
  }
  return undefined;
}

function run(command, args) {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], shell });
}

/** GET an ARM path (`/subscriptions/…?api-version=…`); the parsed body, or an Error with the status. */
export async function armGet(path, token) {
  const response = await fetch(`${armEndpoint}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** Every item of a paged ARM list. */
export async function armList(path, token) {
  const items = [];
  let next = path;
  while (next) {
    const page = await armGet(next, token);
    items.push(...(page.value ?? []));
    next = page.nextLink ? page.nextLink.replace(armEndpoint, '') : undefined;
  }
  return items;
}

/** A required environment variable (azd passes its environment's values, outputs included, to hooks). */
export function required(name) {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(
      `${name} is not set: run this from an azd hook (azd passes its environment's values).\n`,
    );
    process.exit(1);
  }
  return value;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
