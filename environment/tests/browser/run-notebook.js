#!/usr/bin/env node
// End-to-end test: run a notebook in classic Jupyter Notebook through headless Chromium, the way a
// student would, and check that it draws its figure without errors.
//
//   node environment/tests/browser/run-notebook.js [--notebook 00-tour.ipynb]
//       [--notebooks-dir notebooks] [--kernel NAME] [--timeout SECONDS] [--artifacts DIR]
//
// Options may also come from the environment: BROWSER_NOTEBOOK, BROWSER_NOTEBOOKS_DIR,
// BROWSER_KERNEL, BROWSER_TIMEOUT, BROWSER_ARTIFACTS; JUPYTER_PATH is passed on to the server
// (default: the kernelspec that Maven built in environment/kernel/target/jupyter).
//
// It serves a temporary copy of the notebooks folder (nothing committed is modified) on
// 127.0.0.1 with a random token, with PHASEBOOK_SCALE=quick and PHASEBOOK_FIGURES_DIR in a
// temporary folder; opens the notebook, waits for the kernel, runs Cell > Run All, waits for every
// cell, then requires a visible PNG output and no error output. A full-page screenshot and the
// server's log are left in the artifacts folder. The server and its kernels are always stopped.
'use strict';

const childProcess = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..', '..');
const PYTHON = '/usr/bin/python3';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// An object printed by Object.toString, e.g. XYChart@791d73c5: a missing renderer.
const IDENTITY_HASH = /[A-Za-z_$][\w$.]*@[0-9a-f]{6,8}\b/;

function parseArgs(argv) {
  const options = {
    notebook: process.env.BROWSER_NOTEBOOK || '00-tour.ipynb',
    notebooksDir: process.env.BROWSER_NOTEBOOKS_DIR || path.join(REPO, 'notebooks'),
    kernel: process.env.BROWSER_KERNEL || '',
    timeout: Number(process.env.BROWSER_TIMEOUT || 600),
    artifacts: process.env.BROWSER_ARTIFACTS || path.join(__dirname, 'artifacts'),
  };
  const names = { '--notebook': 'notebook', '--notebooks-dir': 'notebooksDir', '--kernel': 'kernel',
    '--timeout': 'timeout', '--artifacts': 'artifacts' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = names[argv[i]];
    if (!key || argv[i + 1] === undefined) {
      throw new Error(`usage: run-notebook.js [--notebook NAME.ipynb] [--notebooks-dir DIR] [--kernel NAME] `
        + `[--timeout SECONDS] [--artifacts DIR]; got ${argv[i]}`);
    }
    options[key] = key === 'timeout' ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!(options.timeout > 0)) throw new Error(`--timeout must be > 0 seconds, got ${options.timeout}`);
  options.notebooksDir = path.resolve(options.notebooksDir);
  options.artifacts = path.resolve(options.artifacts);
  return options;
}

function log(message) {
  process.stdout.write(`browser: ${message}\n`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function request(method, url) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A copy of the notebooks folder, with the notebook's kernel replaced when one was asked for. */
function prepareNotebooks(options, work) {
  const served = path.join(work, 'notebooks');
  fs.cpSync(options.notebooksDir, served, { recursive: true });
  const notebookPath = path.join(served, options.notebook);
  if (!fs.existsSync(notebookPath)) {
    throw new Error(`notebook ${options.notebook} not found in ${options.notebooksDir}`);
  }
  if (options.kernel) {
    const nb = JSON.parse(fs.readFileSync(notebookPath, 'utf8'));
    nb.metadata.kernelspec = { name: options.kernel, display_name: options.kernel, language: '' };
    fs.writeFileSync(notebookPath, JSON.stringify(nb, null, 1));
  }
  return served;
}

class NotebookServer {
  constructor(served, work, options) {
    this.served = served;
    this.work = work;
    this.options = options;
    this.token = crypto.randomBytes(24).toString('hex');
    this.logPath = path.join(options.artifacts, 'server.log');
  }

  async start() {
    this.port = await freePort();
    this.base = `http://127.0.0.1:${this.port}`;
    const builtKernels = path.join(REPO, 'environment', 'kernel', 'target', 'jupyter');
    const figures = path.join(this.work, 'figures');
    fs.mkdirSync(figures, { recursive: true });
    const env = {
      ...process.env,
      JUPYTER_PATH: process.env.JUPYTER_PATH || builtKernels,
      // A private configuration and runtime folder: the user's settings must not change the test.
      JUPYTER_CONFIG_DIR: path.join(this.work, 'jupyter-config'),
      JUPYTER_RUNTIME_DIR: path.join(this.work, 'jupyter-runtime'),
      PHASEBOOK_SCALE: 'quick',
      PHASEBOOK_FIGURES_DIR: figures,
      PYDEVD_DISABLE_FILE_VALIDATION: '1',
    };
    const args = ['-m', 'notebook', '--no-browser', '--ip=127.0.0.1', `--port=${this.port}`,
      '--NotebookApp.port_retries=0', `--NotebookApp.token=${this.token}`,
      `--notebook-dir=${this.served}`, '--NotebookApp.open_browser=False'];
    if (process.getuid && process.getuid() === 0) args.push('--allow-root');
    const logFile = fs.openSync(this.logPath, 'w');
    this.process = childProcess.spawn(PYTHON, args, {
      env, cwd: this.served, stdio: ['ignore', logFile, logFile], detached: true,
    });
    fs.closeSync(logFile);
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
    this.process.on('exit', () => { this.done = true; });
    log(`server pid ${this.process.pid} on ${this.base} serving ${this.served} (JUPYTER_PATH=${env.JUPYTER_PATH})`);

    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.done) throw new Error(`jupyter notebook exited at start; see ${this.logPath}`);
      try {
        const res = await request('GET', `${this.base}/api/status?token=${this.token}`);
        if (res.status === 200) return;
      } catch (e) { /* not listening yet */ }
      await sleep(250);
    }
    throw new Error(`jupyter notebook did not answer within 60 s; see ${this.logPath}`);
  }

  notebookUrl(name) {
    return `${this.base}/notebooks/${encodeURIComponent(name)}?token=${this.token}`;
  }

  /** Shut kernels down through the server, then the server; kill what is left. Safe to call twice. */
  stop() {
    if (!this.stopping) this.stopping = this.stopOnce();
    return this.stopping;
  }

  async stopOnce() {
    if (!this.process || this.done) return;
    try {
      const res = await request('GET', `${this.base}/api/kernels?token=${this.token}`);
      for (const kernel of JSON.parse(res.body)) {
        await request('DELETE', `${this.base}/api/kernels/${kernel.id}?token=${this.token}`).catch(() => {});
      }
    } catch (e) { /* the server may be gone already */ }
    const pid = this.process.pid;
    const signalGroup = (signal) => { try { process.kill(-pid, signal); } catch (e) { /* gone */ } };
    signalGroup('SIGTERM');  // the server stops its remaining kernels on SIGTERM
    const stopped = await Promise.race([this.exited.then(() => true), sleep(15_000).then(() => false)]);
    if (!stopped) {
      log(`server ${pid} ignored SIGTERM; killing it`);
      signalGroup('SIGKILL');
      await Promise.race([this.exited, sleep(5000)]);
    }
    log(`server ${pid} stopped`);
  }

  tail(lines = 40) {
    try {
      return fs.readFileSync(this.logPath, 'utf8').split('\n').slice(-lines).join('\n');
    } catch (e) {
      return '(no server log)';
    }
  }
}

/** Wait until the notebook's kernel answered kernel_info and shows idle. */
async function waitForKernel(page, timeoutMs) {
  await page.waitForFunction(() => {
    const J = window.Jupyter;
    return Boolean(J && J.notebook && J.notebook._fully_loaded && J.notebook.kernel
      && J.notebook.kernel.is_connected() && J.notebook.kernel.info_reply
      && J.notebook.kernel.info_reply.protocol_version
      && document.querySelector('#kernel_indicator_icon.kernel_idle_icon'));
  }, null, { timeout: timeoutMs, polling: 250 });
  return page.evaluate(() => {
    // From here on a dead or restarted kernel fails the test instead of leaving cells hanging.
    window.phasebookKernelTrouble = '';
    window.Jupyter.notebook.events.on('kernel_dead.Kernel kernel_restarting.Kernel kernel_killed.Kernel',
      (event) => { window.phasebookKernelTrouble = window.phasebookKernelTrouble || event.type; });
    const info = window.Jupyter.notebook.kernel.info_reply;
    return `${window.Jupyter.notebook.kernel.name}: ${info.implementation || '?'} `
      + `${info.implementation_version || ''} (${(info.language_info || {}).name || '?'})`;
  });
}

async function runAll(page) {
  // Cells show that they started by a running mark or a prompt number (the copy served is clean).
  const started = () => page.waitForFunction(() => window.Jupyter.notebook.get_cells().some(
    (c) => c.cell_type === 'code' && (c.element.hasClass('running') || typeof c.input_prompt_number === 'number')),
  null, { timeout: 10_000, polling: 100 }).then(() => true, () => false);
  // The way a reader does it: the Cell menu, then Run All. The notebook's JS API is the fallback
  // for a click that opened nothing (a menu still animating on a loaded machine).
  try {
    await page.click('#celllink', { timeout: 5000 });
    await page.click('#run_all_cells > a', { timeout: 5000 });
    if (await started()) return 'menu Cell > Run All';
    log('the menu click started no cell; running them through the notebook API');
  } catch (e) {
    log(`the Cell menu did not work (${e.message.split('\n')[0]}); running the cells through the notebook API`);
  }
  await page.evaluate(() => window.Jupyter.notebook.execute_all_cells());
  if (!(await started())) throw new Error('Run All started no cell');
  return 'Jupyter.notebook.execute_all_cells()';
}

/** Wait until no cell is queued or running and the kernel is idle; report progress. */
async function waitForCells(page, timeoutMs) {
  const started = Date.now();
  let lastReport = 0;
  for (;;) {
    const state = await page.evaluate(() => {
      const cells = window.Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
      return {
        total: cells.length,
        running: cells.filter((c) => c.element.hasClass('running') || c.input_prompt_number === '*').length,
        idle: Boolean(document.querySelector('#kernel_indicator_icon.kernel_idle_icon')),
        trouble: window.phasebookKernelTrouble
          || (document.querySelector('#kernel_indicator_icon.kernel_dead_icon') ? 'kernel_dead' : ''),
      };
    });
    const elapsed = (Date.now() - started) / 1000;
    if (state.trouble) throw new Error(`the kernel died or restarted (${state.trouble}) after ${elapsed.toFixed(0)} s`);
    if (state.running === 0 && state.idle) return { ...state, elapsed };
    if (elapsed - lastReport >= 15) {
      log(`  ${state.total - state.running}/${state.total} code cells done after ${elapsed.toFixed(0)} s`);
      lastReport = elapsed;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`${state.running} of ${state.total} code cells still queued or running after `
        + `${elapsed.toFixed(0)} s (raise --timeout)`);
    }
    await sleep(500);
  }
}

/** What the page shows: problems found, and the number of visible decoded PNG outputs. */
async function inspect(page) {
  return page.evaluate((hashSource) => {
    const hash = new RegExp(hashSource);
    const problems = [];
    const cells = window.Jupyter.notebook.get_cells();
    cells.forEach((cell, index) => {
      if (cell.cell_type !== 'code') return;
      const where = `cell ${index + 1} of ${cells.length}`;
      const root = cell.element[0];
      for (const error of root.querySelectorAll('.output_error')) {
        const lines = error.textContent.split('\n').map((l) => l.trim()).filter((l) => l.replace(/-/g, ''));
        problems.push(`${where}: error output: ${lines.slice(0, 4).join(' | ')}`);
      }
      for (const stderr of root.querySelectorAll('.output_stderr')) {
        const text = stderr.textContent;
        if (/Exception|Error\b|Traceback/.test(text)) {
          problems.push(`${where}: exception on stderr: ${text.trim().split('\n').slice(0, 4).join(' | ')}`);
        }
      }
      for (const text of root.querySelectorAll('.output_text, .output_html, .output_markdown')) {
        const match = hash.exec(text.textContent);
        if (match) problems.push(`${where}: identity hash '${match[0]}' in the output`);
      }
      if (cell.get_text().trim() && typeof cell.input_prompt_number !== 'number') {
        problems.push(`${where}: did not run (prompt ${JSON.stringify(cell.input_prompt_number)})`);
      }
    });
    const images = [...document.querySelectorAll('.output_png img, .output_subarea img')]
      .filter((img) => img.src.startsWith('data:image/png') && img.complete && img.naturalWidth > 0);
    const visible = images.filter((img) => {
      const box = img.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(img).visibility !== 'hidden';
    });
    return { problems, pngs: visible.length, sizes: visible.map((img) => `${img.naturalWidth}x${img.naturalHeight}`) };
  }, IDENTITY_HASH.source);
}

async function screenshot(page, file) {
  // Notebook 6 scrolls inside #site; let it grow so that a full-page shot holds every cell.
  await page.addStyleTag({ content: '#site { height: auto !important; overflow: visible !important; } '
    + 'html, body { height: auto !important; overflow: visible !important; }' });
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot: ${file}`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (e) {
    throw new Error('playwright-core is not installed: run environment/setup/install-deps.sh (or make install)');
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium package`);
  fs.mkdirSync(options.artifacts, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'phasebook-browser-'));
  const served = prepareNotebooks(options, work);
  const server = new NotebookServer(served, work, options);
  let context;
  let page;
  const consoleErrors = [];
  let failed = true;
  const shot = path.join(options.artifacts, `${path.basename(options.notebook, '.ipynb')}.png`);
  let shotTaken = false;
  const started = Date.now();
  // A last resort against a hang anywhere: the run has timeout + 3 minutes in all.
  // The server runs in its own process group, so Ctrl-C or a CI cancel does not reach it: pass it on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      log(`${signal}: closing the browser and stopping the server`);
      Promise.resolve(context && context.close()).catch(() => {})
        .then(() => server.stop()).finally(() => process.exit(130));
    });
  }
  const watchdog = setTimeout(() => {
    log('watchdog: the test hung; stopping the server');
    server.stop().finally(() => process.exit(1));
  }, (options.timeout + 180) * 1000);
  try {
    await server.start();
    context = await chromium.launchPersistentContext(path.join(work, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      // Signals are handled above, so that the server is stopped too, not only the browser.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      viewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
        '--no-first-run', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    page = context.pages()[0] || await context.newPage();
    page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`console: ${message.text()}`);
    });
    const agent = await page.evaluate(() => navigator.userAgent);
    log(`opening ${options.notebook} in ${(agent.match(/(HeadlessChrome|Chrome)\/[\d.]+/) || [agent])[0]}`);
    await page.goto(server.notebookUrl(options.notebook), { waitUntil: 'load', timeout: 60_000 });
    const kernel = await waitForKernel(page, 180_000);
    log(`kernel ready after ${((Date.now() - started) / 1000).toFixed(1)} s: ${kernel}`);
    log(`running all cells (${await runAll(page)})`);
    const done = await waitForCells(page, options.timeout * 1000);
    log(`all ${done.total} code cells finished in ${done.elapsed.toFixed(1)} s`);
    const result = await inspect(page);
    await screenshot(page, shot);
    shotTaken = true;
    if (result.pngs === 0) result.problems.push('no visible PNG image in any output');
    else log(`visible PNG outputs: ${result.pngs} (${result.sizes.join(', ')})`);
    if (result.problems.length) throw new Error(`notebook problems:\n  ${result.problems.join('\n  ')}`);
    failed = false;
    log(`PASSED ${options.notebook} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    if (page && !shotTaken) await screenshot(page, shot).catch((e) => log(`no screenshot: ${e.message}`));
    process.stderr.write(`browser: FAILED ${options.notebook}: ${error.message}\n`);
    if (consoleErrors.length) process.stderr.write(`browser console:\n  ${consoleErrors.slice(0, 10).join('\n  ')}\n`);
    process.stderr.write(`server log (last lines of ${server.logPath}):\n${server.tail()}\n`);
  } finally {
    if (context) await context.close().catch(() => {});
    await server.stop();
    clearTimeout(watchdog);
    fs.rmSync(work, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (error) => {
  process.stderr.write(`browser: ${error.message}\n`);
  process.exit(2);
});
