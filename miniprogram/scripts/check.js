#!/usr/bin/env node
// Compile check of the whole mini-program with Tencent's own tools, offline:
//   0. release settings      -> app/env.js: release and trial must be an https:// domain phones can
//                               reach (never localhost, 127.0.0.1, a LAN address or plain http)
//   1. miniprogram-ci packNpm       -> builds app/miniprogram_npm (TDesign) like 工具 > 构建 npm
//   2. miniprogram-ci analyseCode   -> every require / usingComponents / page path must resolve
//   3. miniprogram-ci getCompiledResult -> full compile (app.json schema, pages, JSON, JS, WXML, WXSS)
//   4. wcc / wcsc (miniprogram-compiler) -> WXML / WXSS compilers again; wcc catches some broken
//      templates (e.g. an unclosed root tag) that getCompiledResult lets through
// Any problem -> exit code 1. Usage: node scripts/check.js [projectDir] [--settings-only]
// (--settings-only stops after step 0.)
//
// getCompiledResult normally fetches project attributes from WeChat; giving the project
// `attr: async () => ci.DefaultProjectAttr` keeps it offline. It also forks a child process
// and leaves an empty hex-named folder in the working directory: we run from a temp dir and
// always end with process.exit().

const fs = require('fs');
const os = require('os');
const path = require('path');
const ci = require('miniprogram-ci');
const wcc = require('miniprogram-compiler/src/wcc');
const wcsc = require('miniprogram-compiler/src/wcsc');
const { releaseConfigProblems } = require('./release-config');

const args = process.argv.slice(2);
const settingsOnly = args.includes('--settings-only');
const projectDir = path.resolve(args.find((a) => !a.startsWith('--')) || path.join(__dirname, '..'));
const problems = [];

function problem(stage, message) {
  problems.push(`[${stage}] ${message}`);
}

function listFiles(dir, ext, base = dir, out = []) {
  fs.readdirSync(dir, { withFileTypes: true }).forEach((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') listFiles(full, ext, base, out);
    } else if (entry.name.endsWith(ext)) {
      out.push(path.relative(base, full).split(path.sep).join('/'));
    }
  });
  return out;
}

async function main() {
  const config = JSON.parse(fs.readFileSync(path.join(projectDir, 'project.config.json'), 'utf8'));
  const appRoot = path.join(projectDir, config.miniprogramRoot || '');

  // 0. Release settings first: cheap, and the one mistake that reaches every resident.
  // eslint-disable-next-line global-require, import/no-dynamic-require
  const env = require(path.join(appRoot, 'env.js'));
  const settings = releaseConfigProblems(env);
  settings.forEach((p) => problem('release settings', p));
  console.log(`release settings: release ${env.apiBaseUrls.release}, trial ${env.apiBaseUrls.trial}${settings.length ? ' — NOT OK' : ''}`);
  if (settingsOnly) return;

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-mp-check-'));
  process.chdir(workDir);

  // 1. npm build into the app root, as project.config.json's packNpmRelationList says.
  const pack = await ci.packNpmManually({
    packageJsonPath: path.join(projectDir, 'package.json'),
    miniprogramNpmDistDir: appRoot,
  });
  (pack.warnList || []).forEach((w) => problem('packNpm', JSON.stringify(w)));
  if (!pack.miniProgramPackNum) problem('packNpm', 'no mini-program npm package was built (tdesign-miniprogram?)');
  console.log(`packNpm: ${pack.miniProgramPackNum} mini-program package(s) built`);

  const project = new ci.Project({
    appid: config.appid,
    type: 'miniProgram',
    projectPath: projectDir,
    privateKey: 'dummy',
    attr: async () => ci.DefaultProjectAttr,
    ignores: ['node_modules/**/*'],
  });

  // 2. Dependency analysis never throws: the errors are in deps[].error.
  const analysis = await ci.analyseCode(project, { silent: true });
  if (!analysis || !Array.isArray(analysis.modules)) {
    problem('analyseCode', 'no analysis result');
  } else {
    analysis.modules.forEach((m) =>
      (m.deps || [])
        .filter((d) => d.error)
        .forEach((d) => problem('analyseCode', `${m.path || m.id} -> ${d.request}: ${JSON.stringify(d.error)}`)),
    );
    console.log(`analyseCode: ${analysis.modules.length} modules`);
  }

  // 3. Full compile.
  try {
    const result = await ci.getCompiledResult({
      project,
      version: '0.0.0',
      setting: { es6: true, enhance: true, minifyWXML: true, minifyWXSS: true, minifyJS: false },
    });
    const files = Object.keys(result || {});
    if (!files.length) problem('compile', 'compiler produced no files');
    ['app.js', 'app.json'].forEach((f) => {
      if (!files.includes(f)) problem('compile', `${f} missing from compiled output`);
    });
    console.log(`getCompiledResult: ${files.length} files`);
  } catch (err) {
    problem('compile', (err && (err.stack || err.message)) || String(err));
  }

  // 4. wcc needs every .wxml and .wxs (TDesign templates import their .wxs modules).
  const wxml = listFiles(appRoot, '.wxml').map((f) => f.slice(0, -'.wxml'.length));
  const wxs = listFiles(appRoot, '.wxs');
  try {
    wcc(appRoot, wxml, wxs, { maxBuffer: 128 * 1024 * 1024 });
    console.log(`wcc: ${wxml.length} wxml + ${wxs.length} wxs compiled`);
  } catch (err) {
    problem('wcc', err.message);
  }
  const wxss = listFiles(appRoot, '.wxss').map((f) => f.slice(0, -'.wxss'.length));
  // This wcsc wrapper returns (rather than throws) its Error.
  const css = wcsc(appRoot, wxss, { maxBuffer: 128 * 1024 * 1024 });
  if (css instanceof Error) problem('wcsc', css.message);
  else console.log(`wcsc: ${wxss.length} wxss compiled`);

  fs.rmSync(workDir, { recursive: true, force: true });
}

main()
  .then(() => {
    if (problems.length) {
      console.error(`\nmini-program check FAILED (${problems.length} problem(s)):`);
      problems.forEach((p) => console.error(`  ${p}`));
      process.exit(1);
    }
    console.log('\nmini-program check passed');
    process.exit(0);
  })
  .catch((err) => {
    console.error('mini-program check crashed:', err);
    process.exit(1);
  });
