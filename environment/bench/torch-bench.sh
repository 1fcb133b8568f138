# Shared set-up of the benchmarks that time a DJL training step beside the same step in PyTorch
# (environment/bench/hmm, environment/bench/latent). Sourced, not run:
#
#   source "$here/../torch-bench.sh"
#   prepare_torch_bench BENCH_JAVA_FILE
#
# Needs $root (repository root), $here (the bench's folder), $target (build folder name) and
# $build (1: build the library first). Checks that /usr/bin/python3 has torch, sets
# OMP_NUM_THREADS=1 and GLIBC_TUNABLES (unless set), builds the library and its classpath file
# unless $build is 0, compiles the bench class, and leaves $cp (library classpath) and
# $bench_classes (compiled bench) set.

prepare_torch_bench() {
    local source_file=$1
    if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
        echo "run.sh: /usr/bin/python3 has no torch; install it with apt-get install python3-torch" >&2
        exit 1
    fi
    export OMP_NUM_THREADS=1
    # The notebook kernel's malloc setting (see environment/kernel/src/kernelspec/phasebook-kernel),
    # for both sides: without it libtorch's temporaries come back as fresh pages every step in
    # the JVM (10-20 % of a DJL step); PyTorch gains 0-7 % from it.
    export GLIBC_TUNABLES=${GLIBC_TUNABLES:-glibc.malloc.arena_max=1:glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=1073741824}
    echo "GLIBC_TUNABLES=$GLIBC_TUNABLES" >&2
    local mvn_flags=${MVN_FLAGS:--B -q}
    local classes=$root/lib/$target/classes
    local cpfile=$here/$target/classpath.txt
    mkdir -p "$here/$target"
    if ((build)); then
        echo "building the Phasebook library (mvn compile -pl lib, build folder $target)..." >&2
        (cd "$root" && mvn $mvn_flags -Dphasebook.target="$target" -pl lib compile \
            dependency:build-classpath -Dmdep.outputFile="$cpfile")
    fi
    if [[ ! -d $classes || ! -f $cpfile ]]; then
        echo "run.sh: $classes or $cpfile is missing; run without --skip-build" >&2
        exit 1
    fi
    bench_classes=$here/$target/classes
    rm -rf "$bench_classes"
    mkdir -p "$bench_classes"
    cp="$classes:$(cat "$cpfile")"
    javac -d "$bench_classes" -cp "$cp" "$source_file"
}
