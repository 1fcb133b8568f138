#!/usr/bin/env bash
# One training step of LangevinFlow (brief shared/papers/langevin-flow.md §2, §3, §9) in DJL
# (libtorch 2.7.1, one thread) beside the same step written in PyTorch (Debian's python3-torch,
# one thread), in one command: coordinated dropout, GRU-cell encoder with state dropout, the
# posterior heads, the Langevin recursion with the coupled-oscillator potential, the post-norm
# transformer decoder and readout, the Poisson NLL with the CD gradient mask and the release's
# KL terms, backward, and Adam with coupled weight decay. PyTorch runs it twice: with the
# potential's gradient written explicitly (S = Q + Q^T, one matmul per step, as Phasebook) and
# as the release computes it (autograd.grad with create_graph on U by conv1d). Prints the
# medians side by side with the ratio, the parity of one step on identical weights, batch and
# noise (dropout 0, CD keep 1), and an estimate of a full run at the size's schedule. DJL's
# step draws its noise in Java, ahead on a second thread as LatentTrainer does (TensorNoise
# #beginPass); PyTorch's draws its masks and noise with torch's generator inside the step.
#
#   environment/bench/latent/run.sh [--quick] [--skip-build] [SIZE...]
#
# SIZE: default (lorenz-v1 default data: T_o = 40, T_f = 10, N_in = 24, N = 32;
#       LangevinFlowParameters.defaults(): H = 64, d = 192, 2 heads, FF 512; batch 64, CD keep
#       0.5, dropout 0.05, KL weight 0.1, lr 3e-3, wd 2e-5; run estimate 200 epochs x 17 steps)
#       and/or quick (the quick scale: H = 32, d = 96, FF 128, batch 32; 5 epochs x 3 steps);
#       both when none is given.
# --quick       2 warm-up and 5 timed steps (default 5 and 20)
# --skip-build  use the classes already in lib/$PHASEBOOK_TARGET
#
# Needs /usr/bin/python3 with torch (apt-get install python3-torch). Builds the library
# (mvn compile -pl lib into the build folder $PHASEBOOK_TARGET, default target) unless
# --skip-build, compiles LangevinStepBench against it, runs it, then langevin_step_torch.py.
# Threads: OMP_NUM_THREADS=1, DJL with one intra-op and one inter-op thread,
# torch.set_num_threads(1).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
target=${PHASEBOOK_TARGET:-target}
warmup=5
steps=20
build=1
sizes=()
while (($#)); do
    case $1 in
        --quick) warmup=2; steps=5; shift ;;
        --skip-build) build=0; shift ;;
        default|quick) sizes+=("$1"); shift ;;
        -h|--help) sed -n '2,28p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "run.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
done
((${#sizes[@]})) || sizes=(default quick)
source "$here/../torch-bench.sh"
prepare_torch_bench "$here/src/org/phasebook/bench/latent/LangevinStepBench.java"

work=$(mktemp -d "${TMPDIR:-/tmp}/phasebook-latent-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "load before: $(uptime)"
echo "DJL ($warmup warm-up, $steps timed steps per size)..." >&2
java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
    -cp "$bench_classes:$cp" org.phasebook.bench.latent.LangevinStepBench "$work" "$warmup" \
    "$steps" "${sizes[@]}"
echo "PyTorch..." >&2
/usr/bin/python3 "$here/langevin_step_torch.py" "$work" "$warmup" "$steps" "${sizes[@]}"
echo "load after: $(uptime)"
