#!/usr/bin/env bash
# One training step of the HMM-emulating RNN (brief shared/papers/hmm-rnn.md §3-§5) in DJL
# (libtorch 2.7.1, one thread) beside the same step written in PyTorch (Debian's python3-torch,
# one thread), in one command: forward pass over B sequences, hard Gumbel-softmax with the
# straight-through estimator, geomloss's debiased Sinkhorn divergence, backward, global-norm
# clipping and Adam. Prints the medians side by side, the loss and gradient norm that both
# compute on the same inputs, and an estimate of a default 1,500-step run.
#
#   environment/bench/hmm/run.sh [--quick|--long] [--skip-build] [--train STEPS] [SIZE...]
#
# SIZE: default (3-state chain, T = 30, H = 50, d = 10, B = 512) and/or mechanism (2-state
#       chain, T = 100, H = 150, d = 100, B = 512); both when none is given.
# --quick       2 warm-up and 5 timed steps (default 5 and 20)
# --long        20 warm-up and 60 timed steps: steadier medians on a shared machine
# --skip-build  use the classes already in lib/$PHASEBOOK_TARGET
# --train STEPS also run a real training of STEPS steps per size (RnnTrainer with the scale's
#               parameters: 10,000 training and 10,000 validation sequences, batch 512) and
#               report its wall time; 1500 is the default scale's full run (minutes).
#
# Needs /usr/bin/python3 with torch (apt-get install python3-torch). Builds the library
# (mvn compile -pl lib into the build folder $PHASEBOOK_TARGET, default target) unless
# --skip-build, compiles RnnStepBench against it, runs it, then rnn_step_torch.py. Threads:
# OMP_NUM_THREADS=1, DJL with one intra-op and one inter-op thread, torch.set_num_threads(1).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
target=${PHASEBOOK_TARGET:-target}
warmup=5
steps=20
train=0
build=1
sizes=()
while (($#)); do
    case $1 in
        --quick) warmup=2; steps=5; shift ;;
        --long) warmup=20; steps=60; shift ;;
        --skip-build) build=0; shift ;;
        --train) train=$2; shift 2 ;;
        default|mechanism) sizes+=("$1"); shift ;;
        -h|--help) sed -n '2,23p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "run.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
done
((${#sizes[@]})) || sizes=(default mechanism)
source "$here/../torch-bench.sh"
prepare_torch_bench "$here/src/org/phasebook/bench/hmm/RnnStepBench.java"

work=$(mktemp -d "${TMPDIR:-/tmp}/phasebook-hmm-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "load before: $(uptime)"
echo "DJL ($warmup warm-up, $steps timed steps per size)..." >&2
java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
    -cp "$bench_classes:$cp" org.phasebook.bench.hmm.RnnStepBench "$work" "$warmup" "$steps" \
    "$train" "${sizes[@]}"
echo "PyTorch..." >&2
/usr/bin/python3 "$here/rnn_step_torch.py" "$work" "$warmup" "$steps" "${sizes[@]}"
echo "load after: $(uptime)"
