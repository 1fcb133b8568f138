#!/usr/bin/env bash
# JMH benchmarks of the lattice engine: attempted updates per second per core for the
# site-restricted Lotka–Volterra and May–Leonard models at 256^2 and 1024^2, and the aggregate
# throughput of a two-replica ensemble on one and two threads, each beside a plain reference
# implementation (one object per site, java.util.Random) measured in the same run.
#
#   environment/bench/lattice/run.sh [--quick] [--skip-build] [-- JMH options]
#
# --quick      1 warm-up and 2 measurement iterations of 1 s (about a minute; to check the script)
# --skip-build use the library jar already in lib/$PHASEBOOK_TARGET
# Anything after -- goes to JMH (e.g. -- EngineBench.phasebook -p side=256).
#
# Builds the library jar (mvn package -pl lib into the build folder $PHASEBOOK_TARGET, default
# target) unless --skip-build, compiles this separate Maven project against it (its pom.xml is
# not a module of the Phasebook reactor, so `make build` and `make test` never touch it), and
# runs JMH's main class on the result, then CpuTimeThroughput (the same single-thread cases in
# attempts per second of CPU time). The machine's load (uptime) is printed before and after:
# JMH's wall-clock rates are per core only on an otherwise idle machine.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
target=${PHASEBOOK_TARGET:-target}
build=1
jmh=()
while (($#)); do
    case $1 in
        --quick) jmh+=(-wi 1 -i 2 -w 1s -r 1s); shift ;;
        --skip-build) build=0; shift ;;
        --) shift; jmh+=("$@"); break ;;
        -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "run.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
done

jar=$root/lib/$target/phasebook-lib-0.1.0-SNAPSHOT.jar
mvn_flags=${MVN_FLAGS:--B -q}
if ((build)); then
    echo "building the Phasebook library (mvn package -pl lib, build folder $target)..." >&2
    (cd "$root" && mvn $mvn_flags -Dphasebook.target="$target" -pl lib package -DskipTests)
fi
if [[ ! -f $jar ]]; then
    echo "run.sh: $jar is missing; run without --skip-build" >&2
    exit 1
fi

echo "compiling the benchmarks..." >&2
(cd "$here" && mvn $mvn_flags -Dphasebook.target="$target" -Dlib.jar="$jar" package \
    dependency:build-classpath -Dmdep.outputFile="$here/$target/classpath.txt")
cp="$here/$target/classes:$(cat "$here/$target/classpath.txt")"

echo "load before: $(uptime)"
java -cp "$cp" org.openjdk.jmh.Main -foe true "${jmh[@]}"
echo "load after: $(uptime)"
echo "single-thread rates per CPU-second (independent of the core share the scheduler gave):"
java -cp "$cp" org.phasebook.bench.lattice.CpuTimeThroughput 5
