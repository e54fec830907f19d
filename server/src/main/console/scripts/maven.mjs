// The console's steps in the Maven build (`node scripts/maven.mjs build|test`, run by exec-maven-plugin).
// - checks the Node version and says in Chinese and English what is needed;
// - runs `npm ci` only when package.json or package-lock.json changed since the last install (stamp file in
//   node_modules), so a repeated build does not reinstall;
// - builds only when an input changed since the last build (stamp file in server/target), so a second
//   `spring-boot:test-run` or `verify` costs a hash of the sources, not a Vite build;
// - `test` runs the Vitest suite every time.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const MINIMUM = [18, 19];
const here = dirname(dirname(fileURLToPath(import.meta.url)));
const serverDir = join(here, '..', '..', '..');
const outputIndex = join(serverDir, 'target', 'classes', 'static', 'admin', 'index.html');
const buildStamp = join(serverDir, 'target', 'console-build.sha256');
const installStamp = join(here, 'node_modules', '.kepu-install.sha256');
const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function requireNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
    fail(`构建工作人员控制台需要 Node.js 20（最低 ${MINIMUM.join('.')}）和 npm，当前是 ${process.version}。`
      + `\nThe staff console build needs Node.js 20 (at least ${MINIMUM.join('.')}) and npm; found ${process.version}.`
      + '\nDebian/Ubuntu: apt-get install nodejs npm；或用 -Dconsole.skip=true 跳过控制台 (or skip the console).');
  }
}

function fail(message) {
  console.error(`\n[console] ${message}\n`);
  process.exit(1);
}

function npm(...args) {
  const result = spawnSync(npmCommand, args, { cwd: here, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) {
    fail(`无法运行 npm (cannot run npm): ${result.error.message}。请安装 npm (install npm, e.g. apt-get install npm)。`);
  }
  if (result.status !== 0) {
    fail(`npm ${args.join(' ')} 失败 (failed), exit ${result.status}`);
  }
}

function hashOf(paths) {
  const hash = createHash('sha256');
  for (const path of paths) {
    hash.update(relative(here, path));
    hash.update('\0');
    hash.update(readFileSync(path));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(dir) {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated') {
      return []; // made by the build from the OpenAPI snapshot, which is hashed itself
    }
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function installIfNeeded() {
  const wanted = hashOf([join(here, 'package.json'), join(here, 'package-lock.json')]);
  if (existsSync(installStamp) && readFileSync(installStamp, 'utf8') === wanted) {
    console.log('[console] node_modules is up to date with package-lock.json');
    return;
  }
  npm('ci', '--no-audit', '--no-fund');
  writeFileSync(installStamp, wanted);
}

function buildIfNeeded() {
  const inputs = [
    ...filesUnder(join(here, 'src')),
    ...filesUnder(join(here, 'public')),
    ...['index.html', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'].map((f) => join(here, f)),
    join(serverDir, 'api', 'openapi.json'),
  ];
  const wanted = hashOf(inputs);
  if (existsSync(outputIndex) && existsSync(buildStamp) && readFileSync(buildStamp, 'utf8') === wanted) {
    console.log('[console] the built console is up to date with its sources');
    return;
  }
  npm('run', 'build');
  mkdirSync(dirname(buildStamp), { recursive: true });
  writeFileSync(buildStamp, wanted);
}

requireNode();
const step = process.argv[2];
if (step === 'build') {
  installIfNeeded();
  buildIfNeeded();
} else if (step === 'test') {
  if ((process.argv[3] ?? '').replace('--skip=', '').split(',').includes('true')) {
    console.log('[console] tests skipped');
    process.exit(0);
  }
  installIfNeeded();
  npm('test');
} else {
  fail('usage: node scripts/maven.mjs build|test');
}
