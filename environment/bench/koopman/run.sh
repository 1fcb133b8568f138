#!/usr/bin/env bash
# The Duffing pseudospectrum benchmark (brief on arXiv:2407.06312, example D1): Phasebook's
# Java pipeline stage by stage beside NumPy/SciPy on the same data, in one command.
#
#   environment/bench/koopman/run.sh [--scale small|full] [--skip-build]
#
# full  (default): M = 5e4 snapshots (1e4 initial points x 5 steps of dt = 0.3, alpha = 0),
#       N = 500 radial basis functions, 61 x 31 grid; several minutes, most of them NumPy's grid.
# small: M = 5000, N = 100, 16 x 8 grid; seconds, to check the script.
#
# Builds the project (mvn package into the build folder $PHASEBOOK_TARGET, default target) unless
# --skip-build, compiles PseudospectrumBench against the kernel's jar folder, runs it (it writes
# the data, the centres and its results as .npy files to a temporary folder), then runs
# pseudospectrum_numpy.py with Debian's /usr/bin/python3, which repeats the stages, checks that
# both agree to 1e-8 and prints the table. Exit status 1 if they disagree. The short stages
# (G, A, L; eigen; residuals after the first call) run 5 times on both sides and their medians
# are compared.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
target=${PHASEBOOK_TARGET:-target}
scale=full
build=1
while (($#)); do
    case $1 in
        --scale) scale=$2; shift 2 ;;
        --skip-build) build=0; shift ;;
        -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "run.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
done
case $scale in small|full) ;; *) echo "run.sh: --scale must be small or full, got $scale" >&2; exit 2 ;; esac

jars=$root/environment/kernel/$target/jupyter/kernels/phasebook/jars
if ((build)); then
    echo "building Phasebook (mvn package, build folder $target)..." >&2
    (cd "$root" && mvn ${MVN_FLAGS:--B -q} -Dphasebook.target="$target" package -DskipTests)
fi
if [[ ! -d $jars ]]; then
    echo "run.sh: $jars is missing; run without --skip-build" >&2
    exit 1
fi

classes=$here/$target/classes
rm -rf "$classes"
mkdir -p "$classes"
javac -d "$classes" -cp "$jars/*" "$here/src/org/phasebook/koopman/PseudospectrumBench.java"

work=$(mktemp -d "${TMPDIR:-/tmp}/phasebook-koopman-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "Java pipeline ($scale scale)..." >&2
java -cp "$classes:$jars/*" org.phasebook.koopman.PseudospectrumBench --scale "$scale" --out "$work"
echo "NumPy/SciPy pipeline ($scale scale)..." >&2
/usr/bin/python3 "$here/pseudospectrum_numpy.py" "$work"
