#!/usr/bin/env node
/**
 * Builds the deployment package for Flex Consumption, the same whatever azd version runs it: compiled code
 * and production dependencies only, nothing built remotely.
 *
 *   node scripts/deploy/package.mjs [--out <dir>] [--no-zip]
 *
 * 1. compiles functions/ and shared/ (scripts/deploy/tsconfig.json) into a temporary folder: the working
 *    tree's dist/ is neither read nor written;
 * 2. lays out <out>/api: dist/functions, dist/shared (+ the demo data files shared/demo reads at run time),
 *    host.json, package.json, package-lock.json;
 * 3. runs `npm ci --omit=dev` there, then trims package.json to what the host reads (no scripts, no dev
 *    dependencies);
 * 4. checks that every require() of the compiled code resolves inside the package and names a production
 *    dependency;
 * 5. zips it to <out>/api.zip (for `az functionapp deployment source config-zip` or `azd deploy
 *    --from-package`) and prints the sizes.
 *
 * azure.yaml's `prepackage` hook runs it; the api service deploys <out>/api (`dist`, `remoteBuild: false`).
 * Default <out>: .tmp/deploy (git-ignored).
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const outDir = resolve(root, valueOf('--out') ?? join('.tmp', 'deploy'));
if (root === outDir || root.startsWith(outDir + sep))
  throw new Error(`--out ${outDir} would replace the project`);
const bundle = join(outDir, 'api');
const zipPath = join(outDir, 'api.zip');
const shell = process.platform === 'win32';

function valueOf(flag) {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

function step(text) {
  process.stdout.write(`package: ${text}\n`);
}

// 1. Compile into a temporary folder.
const build = mkdtempSync(join(tmpdir(), 'classic-arm-build-'));
try {
  step(`compiling functions/ and shared/ into ${build}`);
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(root, 'scripts', 'deploy', 'tsconfig.json'),
      '--outDir',
      build,
      '--tsBuildInfoFile',
      join(build, '.tsbuildinfo'),
    ],
    { cwd: root, stdio: 'inherit' },
  );

  // 2. Lay out the package.
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(bundle, 'dist'), { recursive: true });
  for (const folder of ['functions', 'shared']) {
    cpSync(join(build, folder), join(bundle, 'dist', folder), {
      recursive: true,
      filter: (source) => !source.endsWith('.map') && !source.endsWith('.tsbuildinfo'),
    });
  }
} finally {
  rmSync(build, { recursive: true, force: true });
}
// shared/demo reads its XML and JSON next to its compiled code (shared/demo/demo-files.ts).
cpSync(join(root, 'shared', 'demo'), join(bundle, 'dist', 'shared', 'demo'), {
  recursive: true,
  filter: (source) => statSync(source).isDirectory() || !source.endsWith('.ts'),
});
for (const file of ['host.json', 'package.json', 'package-lock.json']) {
  cpSync(join(root, file), join(bundle, file));
}

// 3. Production dependencies, exactly as locked.
step('npm ci --omit=dev');
execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
  cwd: bundle,
  stdio: 'inherit',
  shell,
  env: { ...process.env, NODE_ENV: 'production' },
});
rmSync(join(bundle, 'node_modules', '.bin'), { recursive: true, force: true });
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const deployed = {
  name: manifest.name,
  version: manifest.version,
  private: true,
  description: manifest.description,
  license: manifest.license,
  main: manifest.main,
  engines: manifest.engines,
  dependencies: manifest.dependencies,
};
writeFileSync(join(bundle, 'package.json'), `${JSON.stringify(deployed, null, 2)}\n`);
// Read by azd when it zips this folder: with an ignore file present every azd version keeps node_modules.
writeFileSync(
  join(bundle, '.funcignore'),
  '# Deployed as built by scripts/deploy/package.mjs: nothing is left out and nothing is built remotely.\n',
);

// 4. Every require() resolves inside the package, to a production dependency or a built-in module.
const production = new Set(Object.keys(manifest.dependencies ?? {}));
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const problems = [];
let checked = 0;
for (const file of filesUnder(join(bundle, 'dist')).filter((path) => path.endsWith('.js'))) {
  const source = readFileSync(file, 'utf8');
  const resolveFrom = createRequire(file);
  for (const match of source.matchAll(/\brequire\("([^"]+)"\)/g)) {
    const specifier = match[1];
    checked += 1;
    if (builtins.has(specifier)) continue;
    if (!specifier.startsWith('.')) {
      const packageName = specifier.startsWith('@')
        ? specifier.split('/').slice(0, 2).join('/')
        : specifier.split('/')[0];
      if (!production.has(packageName))
        problems.push(`${relative(bundle, file)}: ${specifier} is not a production dependency`);
    }
    try {
      const target = resolveFrom.resolve(specifier);
      if (!target.startsWith(bundle + sep) && !builtins.has(target))
        problems.push(`${relative(bundle, file)}: ${specifier} resolves outside the package (${target})`);
    } catch {
      problems.push(`${relative(bundle, file)}: ${specifier} does not resolve`);
    }
  }
}
if (!existsSync(join(bundle, 'dist', 'functions', 'health.http.js')))
  problems.push('dist/functions is empty');
if (problems.length > 0) {
  process.stderr.write(`package: the package is incomplete:\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
step(`${checked} require() calls resolve inside the package`);

// 5. Zip and report.
const files = filesUnder(bundle);
const totalBytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
const moduleBytes = files
  .filter((file) => file.startsWith(join(bundle, 'node_modules') + sep))
  .reduce((sum, file) => sum + statSync(file).size, 0);
step(
  `${bundle}: ${files.length} files, ${mb(totalBytes)} (node_modules ${mb(moduleBytes)}, code and host.json ${mb(totalBytes - moduleBytes)})`,
);
if (!args.includes('--no-zip')) {
  writeZip(zipPath, bundle, files);
  step(`${zipPath}: ${mb(statSync(zipPath).size)}`);
}

function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Regular files under a folder (symbolic links are left out), in a stable order. */
function filesUnder(folder) {
  const found = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path));
    else if (entry.isFile() && !lstatSync(path).isSymbolicLink()) found.push(path);
  }
  return found;
}

/**
 * A plain ZIP (deflate, no ZIP64: fewer than 65,535 entries and 4 GB), with a fixed timestamp so that the
 * same input gives the same archive. Node has no zip writer built in, and `zip` is not on every machine.
 */
function writeZip(target, base, paths) {
  if (paths.length >= 0xffff) throw new Error(`too many files for a plain ZIP: ${paths.length}`);
  const chunks = [];
  const central = [];
  let offset = 0;
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (const path of paths) {
    const name = Buffer.from(relative(base, path).split(sep).join('/'), 'utf8');
    const data = readFileSync(path);
    const compressed = deflateRawSync(data, { level: 9 });
    const stored = compressed.length >= data.length;
    const body = stored ? data : compressed;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(stored ? 0 : 8, 10);
    header.writeUInt16LE(dosTime, 12);
    header.writeUInt16LE(dosDate, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(header, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(paths.length, 8);
  end.writeUInt16LE(paths.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  if (offset + directory.length >= 0xffffffff) throw new Error('package too large for a plain ZIP');
  writeFileSync(target, Buffer.concat([...chunks, directory, end]));
}
