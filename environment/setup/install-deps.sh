#!/usr/bin/env bash
# Install what Phasebook needs beyond a JDK and Maven, on Debian 12 (bookworm):
#   - Jupyter and its Python tools from Debian packages (PyPI is not used);
#   - Chromium and a font for the browser test and for figures;
#   - Node.js and npm if missing, then playwright-core (pinned in
#     environment/tests/browser/package-lock.json) into environment/tests/browser/node_modules;
#   - only with PHASEBOOK_BENCH=1: Debian's PyTorch (python3-torch), which the benchmark that
#     times a training step against PyTorch needs. It is large (about 140 MB to download and
#     560 MB installed without recommended packages: libtorch 1.13 brings OpenCV, Qt 5, GDAL
#     and FFmpeg libraries), so nothing else installs it.
# Idempotent: what is already there is left alone, and apt is not touched when every package is
# installed. Never downloads a browser: playwright-core drives Debian's /usr/bin/chromium.
#
# Environment: PHASEBOOK_SKIP_APT=1 skips the Debian packages (report only),
#              PHASEBOOK_SKIP_NPM=1 skips playwright-core,
#              PHASEBOOK_BENCH=1 also installs the benchmark's python3-torch.
set -euo pipefail

cd "$(dirname "$0")/../.."
BROWSER_DIR=environment/tests/browser
PACKAGES=(jupyter-notebook jupyter-nbconvert python3-nbclient python3-jupyter-kernel-test
          python3-ipykernel chromium fonts-dejavu-core)
BENCH_PACKAGES=(python3-torch)

say() { printf 'install-deps: %s\n' "$*"; }
fail() { printf 'install-deps: error: %s\n' "$*" >&2; exit 1; }

# --- JDK and Maven: required, not installed here --------------------------------------------
command -v java >/dev/null || fail "java not found. Install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)."
command -v mvn >/dev/null || fail "mvn not found. Install Maven (Debian: apt-get install maven)."
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[[ "${java_major:-0}" =~ ^[0-9]+$ ]] && (( java_major >= 17 )) \
    || fail "Java 17 or newer is needed; 'java' is version ${java_major:-unknown} ($(command -v java)). Set JAVA_HOME/PATH to a JDK 17."

# --- Debian packages -------------------------------------------------------------------------
installed() { dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null | grep -qx installed; }

missing=()
want=("${PACKAGES[@]}")
# npm comes from Debian only when no Node.js is on the PATH (a newer one may be installed already).
command -v node >/dev/null || want+=(nodejs)
command -v npm >/dev/null || want+=(npm)
if command -v dpkg-query >/dev/null; then
    for p in "${want[@]}"; do installed "$p" || missing+=("$p"); done
else
    say "dpkg-query not found (not Debian?); checking commands only"
    for p in "${want[@]}"; do
        case $p in
            chromium) [[ -x /usr/bin/chromium ]] || missing+=("$p") ;;
            nodejs) command -v node >/dev/null || missing+=("$p") ;;
            npm) command -v npm >/dev/null || missing+=("$p") ;;
        esac
    done
fi

if (( ${#missing[@]} == 0 )); then
    say "Debian packages present: ${want[*]}"
elif [[ "${PHASEBOOK_SKIP_APT:-}" == 1 ]]; then
    fail "missing Debian packages: ${missing[*]} (PHASEBOOK_SKIP_APT=1 set; install them yourself)"
else
    if (( EUID == 0 )); then
        as_root=()
    elif command -v sudo >/dev/null; then
        as_root=(sudo)
        say "installing ${missing[*]} with sudo (you may be asked for your password)"
    else
        fail "missing Debian packages: ${missing[*]}. You are not root and sudo is not installed; ask an administrator to run:
    apt-get install ${missing[*]}"
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get update -qq \
        || fail "apt-get update failed (no network, or no permission). Run: sudo apt-get update"
    "${as_root[@]}" apt-get install -y -qq "${missing[@]}" \
        || fail "could not install: ${missing[*]}. Run: sudo apt-get install ${missing[*]}"
    say "installed ${missing[*]}"
fi

# The tools must be Debian's, run by Debian's Python (a pyenv or venv python3 lacks them).
/usr/bin/python3 -c 'import nbclient, nbformat, notebook, jupyter_client, jupyter_kernel_test' 2>/dev/null \
    || fail "/usr/bin/python3 cannot import nbclient/nbformat/notebook/jupyter_client/jupyter_kernel_test although the packages are installed"
[[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium is missing (Debian package chromium)"

# --- PyTorch for the benchmark (opt-in) ------------------------------------------------------
# Debian's python3-torch (1.13) only times a training step beside DJL's libtorch 2.7.1; the
# library and its tests never need it. Recommended packages are left out: they add another
# 40-odd media and GIS packages and nothing the benchmark uses.
if [[ "${PHASEBOOK_BENCH:-}" == 1 ]]; then
    bench_missing=()
    if command -v dpkg-query >/dev/null; then
        for p in "${BENCH_PACKAGES[@]}"; do installed "$p" || bench_missing+=("$p"); done
    else
        /usr/bin/python3 -c 'import torch' 2>/dev/null || bench_missing+=("${BENCH_PACKAGES[@]}")
    fi
    if (( ${#bench_missing[@]} == 0 )); then
        say "benchmark packages present: ${BENCH_PACKAGES[*]}"
    elif [[ "${PHASEBOOK_SKIP_APT:-}" == 1 ]]; then
        fail "missing benchmark packages: ${bench_missing[*]} (PHASEBOOK_SKIP_APT=1 set; install them yourself)"
    else
        if (( EUID == 0 )); then
            as_root=()
        elif command -v sudo >/dev/null; then
            as_root=(sudo)
            say "installing ${bench_missing[*]} with sudo (you may be asked for your password)"
        else
            fail "missing benchmark packages: ${bench_missing[*]}. You are not root and sudo is not installed; ask an administrator to run:
    apt-get install --no-install-recommends ${bench_missing[*]}"
        fi
        export DEBIAN_FRONTEND=noninteractive
        "${as_root[@]}" apt-get update -qq \
            || fail "apt-get update failed (no network, or no permission). Run: sudo apt-get update"
        "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${bench_missing[@]}" \
            || fail "could not install: ${bench_missing[*]}. Run: sudo apt-get install --no-install-recommends ${bench_missing[*]}"
        say "installed ${bench_missing[*]}"
    fi
    /usr/bin/python3 -c 'import torch' 2>/dev/null \
        || fail "/usr/bin/python3 cannot import torch although python3-torch is installed"
fi

# --- playwright-core for the browser test ----------------------------------------------------
if [[ "${PHASEBOOK_SKIP_NPM:-}" == 1 ]]; then
    say "PHASEBOOK_SKIP_NPM=1: not installing playwright-core"
    exit 0
fi
command -v npm >/dev/null || fail "npm not found after installing; install Node.js 18+ and npm"
node_major=$(node -p 'process.versions.node.split(".")[0]')
(( node_major >= 18 )) || fail "Node.js 18 or newer is needed for playwright-core; found $(node --version)"

wanted=$(node -p "require('./$BROWSER_DIR/package-lock.json').packages['node_modules/playwright-core'].version")
have=$(node -p "try { require('./$BROWSER_DIR/node_modules/playwright-core/package.json').version } catch (e) { '' }")
if [[ "$have" == "$wanted" ]]; then
    say "playwright-core $have present"
else
    say "installing playwright-core $wanted into $BROWSER_DIR/node_modules (npm ci)"
    # No browser download: the test launches /usr/bin/chromium.
    ( cd "$BROWSER_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error ) \
        || fail "npm ci failed in $BROWSER_DIR (is the npm registry reachable? proxy settings: npm config get proxy)"
fi
