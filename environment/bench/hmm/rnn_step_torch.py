#!/usr/bin/python3
"""One training step of the HMM-emulating RNN (brief hmm-rnn.md §3-§5) in PyTorch on one
thread, beside the DJL figures that RnnStepBench wrote, in one table.

    rnn_step_torch.py WORK_DIR WARMUP STEPS SIZE...

WORK_DIR holds RnnStepBench's results.txt and, per size, the inputs of one step (initial
weights, noise, HMM batch) with DJL's loss and gradient norm on them: this script recomputes
both first (same algorithm, written in torch) and prints the differences, then times its own
steps. Same algorithm as Phasebook: explicit ReLU recurrence without biases, hard
Gumbel-softmax with the straight-through estimator, geomloss's debiased Sinkhorn divergence
(tensorized, p = 2, blur 0.2, scaling 0.5, the same epsilon schedule and final extrapolation),
global-norm clipping and Adam(betas=(0.9, 0.9)). Timed four ways: the same step-by-step loop,
the same loop on row states (B x H), the loop with the input drive and the logits as
whole-sequence products (same values), and the authors' nn.RNN module; the ratio is taken to the
fastest of the four.
"""
import math
import os
import statistics
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
DTYPE = torch.float32
BLUR, SCALING = 0.2, 0.5


def epsilon_schedule(diameter):
    d = diameter if diameter > 0 else BLUR
    return ([d * d]
            + [math.exp(e) for e in np.arange(2 * math.log(d), 2 * math.log(BLUR),
                                              2 * math.log(SCALING))]
            + [BLUR * BLUR])


def cost(x, y):
    xx = (x * x).sum(1)[:, None]
    yy = (y * y).sum(1)[None, :]
    return (xx - 2 * x @ y.T + yy) / 2


def softmin(eps, c, h):
    return -eps * torch.logsumexp(h[None, :] - c / eps, dim=1)


def sinkhorn(x, y):
    """geomloss' legacy symmetric loop with debiasing; gradient only through the last step."""
    n, m = x.shape[0], y.shape[0]
    la, lb = -math.log(n), -math.log(m)
    xd, yd = x.detach(), y.detach()
    with torch.no_grad():
        cxy, cyx, cxx, cyy = cost(xd, yd), cost(yd, xd), cost(xd, xd), cost(yd, yd)
        lo = torch.minimum(xd.min(0).values, yd.min(0).values)
        hi = torch.maximum(xd.max(0).values, yd.max(0).values)
        schedule = epsilon_schedule(float((hi - lo).norm()))
        e0 = schedule[0]
        zx, zy = torch.zeros(n, dtype=x.dtype), torch.zeros(m, dtype=x.dtype)
        fab = softmin(e0, cxy, zy / e0 + lb)
        gab = softmin(e0, cyx, zx / e0 + la)
        faa = softmin(e0, cxx, zx / e0 + la)
        gbb = softmin(e0, cyy, zy / e0 + lb)
        for eps in schedule:
            fab_n = softmin(eps, cxy, gab / eps + lb)
            gab_n = softmin(eps, cyx, fab / eps + la)
            faa_n = softmin(eps, cxx, faa / eps + la)
            gbb_n = softmin(eps, cyy, gbb / eps + lb)
            fab, gab = 0.5 * (fab + fab_n), 0.5 * (gab + gab_n)
            faa, gbb = 0.5 * (faa + faa_n), 0.5 * (gbb + gbb_n)
        eps = schedule[-1]
        g_ab = softmin(eps, cyx, fab / eps + la)
        g_bb = softmin(eps, cyy, gbb / eps + lb)
    f_ab = softmin(eps, cost(x, yd), gab / eps + lb)
    f_aa = softmin(eps, cost(x, xd), faa / eps + la)
    return (f_ab - f_aa).mean() + (g_ab - g_bb).mean()


def forward(wih, whh, a, normals, gumbels, layout='columns'):
    """normals T x B x d, gumbels T x B x K; returns the B x (K T) straight-through outputs.

    layout 'columns': as NoiseDrivenRnn computes it, the states as H x B columns,
    h_t = relu(W_ih X_t + W_hh h_{t-1}) and l_t = A h_t, one product per step, the noise
    transposed once to T x d x B; the softmax over the symbols as the outer dimension, the
    sample the argmax of z. 'rows': the same loop on B x H row states (NoiseDrivenRnn before
    2026-11-30, second version). 'whole': row states, with the drive and the logits each as
    one product over all T B rows and the softmax over the last dimension (Phasebook's loop
    before 2026-11-30)."""
    t, b, _ = normals.shape
    h = None
    states = []
    if layout == 'columns':
        # one copy makes each step's X_t a contiguous d x B block; X_t needs no gradient
        for x in normals.transpose(1, 2).contiguous().unbind(0):
            pre = wih @ x if h is None else wih @ x + whh @ h
            h = torch.relu(pre)
            states.append(a @ h)
        z = gumbels + torch.stack(states).transpose(1, 2)
    elif layout == 'rows':
        # the normals need no gradient, so unbinding them costs nothing backward
        for x in normals.unbind(0):
            pre = x @ wih.T if h is None else x @ wih.T + h @ whh.T
            h = torch.relu(pre)
            states.append(h @ a.T)
        z = torch.stack(states) + gumbels
    else:
        # unbind, not drive[s]: the backward of T index operations builds T zero-padded
        # T x B x H gradients (six times slower at the mechanism size); that of unbind stacks.
        drive = (normals @ wih.T).unbind(0)
        for s in range(t):
            pre = drive[s] if h is None else drive[s] + h @ whh.T
            h = torch.relu(pre)
            states.append(h)
        z = torch.stack(states) @ a.T + gumbels
    if layout != 'whole':
        # as NoiseDrivenRnn: the softmax with the K symbols as the outer dimension (a softmax
        # over a last dimension of 3 runs as a scalar loop), the sample the argmax of z
        soft = torch.softmax(z.permute(2, 0, 1), dim=0).permute(1, 2, 0)
        hard = torch.nn.functional.one_hot(z.detach().argmax(2), a.shape[0]).to(soft.dtype)
    else:
        soft = torch.softmax(z, dim=2)
        hard = torch.nn.functional.one_hot(soft.detach().argmax(2), a.shape[0]).to(soft.dtype)
    y = hard + (soft - soft.detach())
    return y.transpose(0, 1).reshape(b, -1)


def forward_module(rnn, fc, normals, gumbels):
    """The authors' modules: nn.RNN(relu, no bias, batch_first) and nn.Linear(no bias)."""
    out, _ = rnn(normals.transpose(0, 1).contiguous(), torch.zeros(1, normals.shape[1],
                                                                      rnn.hidden_size))
    logits = fc(out)
    soft = torch.softmax(logits + gumbels.transpose(0, 1), dim=2)
    hard = torch.nn.functional.one_hot(soft.detach().argmax(2), fc.out_features).to(soft.dtype)
    return (hard + (soft - soft.detach())).reshape(normals.shape[1], -1)


def read_f32(path, shape):
    return torch.from_numpy(np.fromfile(path, dtype='>f4').astype(np.float32).reshape(shape))


def read_weights(path):
    header = np.fromfile(path, dtype='>i4', count=6)
    h, d, k = (int(v) for v in header[3:6])
    v = np.fromfile(path, dtype='>f4', offset=24).astype(np.float32)
    wih = torch.from_numpy(v[:h * d].reshape(h, d).copy())
    whh = torch.from_numpy(v[h * d:h * d + h * h].reshape(h, h).copy())
    a = torch.from_numpy(v[h * d + h * h:].reshape(k, h).copy())
    return wih, whh, a


def one_hot_targets(symbols, k):
    b, t = symbols.shape
    return torch.nn.functional.one_hot(torch.from_numpy(symbols.astype(np.int64)), k) \
        .to(DTYPE).reshape(b, t * k)


def check(work, key, config):
    t, h, d, b = config['T'], config['H'], config['d'], config['B']
    wih, whh, a = read_weights(os.path.join(work, key + '.weights'))
    normals = read_f32(os.path.join(work, key + '.normals.f32'), (t, b, d))
    gumbels = read_f32(os.path.join(work, key + '.gumbels.f32'), (t, b, 3))
    symbols = np.fromfile(os.path.join(work, key + '.targets.i8'), dtype=np.int8).reshape(b, t)
    params = [p.requires_grad_() for p in (wih, whh, a)]
    loss = sinkhorn(forward(*params, normals, gumbels), one_hot_targets(symbols, 3))
    loss.backward()
    norm = float(torch.nn.utils.clip_grad_norm_(params, 0.9))
    return float(loss), norm, wih.grad


def median_ms(times):
    return 1000 * statistics.median(times)


def time_steps(config, warmup, steps, module, layout='columns'):
    t, h, d, b = config['T'], config['H'], config['d'], config['B']
    torch.manual_seed(0)
    rng = np.random.default_rng(1)
    symbols = rng.integers(0, 3, size=(b, t))  # timing only: any one-hot batch
    targets = one_hot_targets(symbols, 3)
    bound = 1 / math.sqrt(h)
    if module:
        rnn = torch.nn.RNN(d, h, nonlinearity='relu', bias=False, batch_first=True)
        fc = torch.nn.Linear(h, 3, bias=False)
        params = list(rnn.parameters()) + list(fc.parameters())
        run = lambda n, g: forward_module(rnn, fc, n, g)
    else:
        params = [torch.empty(h, d).uniform_(-bound, bound).requires_grad_(),
                  torch.empty(h, h).uniform_(-bound, bound).requires_grad_(),
                  torch.empty(3, h).uniform_(-bound, bound).requires_grad_()]
        run = lambda n, g: forward(*params, n, g, layout)
    opt = torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.9))
    step_times, loss_times = [], []
    for i in range(warmup + steps):
        normals = torch.randn(t, b, d)
        gumbels = -torch.empty(t, b, 3).exponential_().log()
        t0 = time.perf_counter()
        opt.zero_grad()
        loss = sinkhorn(run(normals, gumbels), targets)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 0.9)
        opt.step()
        t1 = time.perf_counter()
        with torch.no_grad():
            sinkhorn(run(normals, gumbels), targets)
        t2 = time.perf_counter()
        if i >= warmup:
            step_times.append(t1 - t0)
            loss_times.append(t2 - t1)
    return median_ms(step_times), median_ms(loss_times)


def main():
    work, warmup, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    sizes = sys.argv[4:]
    results = {}
    with open(os.path.join(work, 'results.txt')) as f:
        for line in f:
            key, name, *values = line.split()
            results.setdefault(key, {})[name] = values
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} thread(s); "
          f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}")
    for key in sizes:
        r = results[key]
        config = dict(v.split('=') for v in r['config'])
        config = {k: int(v) for k, v in config.items()}
        loss, norm, _ = check(work, key, config)
        djl_loss, djl_norm = float(r['djl_check'][0]), float(r['djl_check'][1])
        variants = [('torch, same loop', dict(module=False, layout='columns')),
                    ('torch, row states', dict(module=False, layout='rows')),
                    ('torch, whole-T products', dict(module=False, layout='whole')),
                    ('torch, nn.RNN', dict(module=True))]
        timed = [(name, *time_steps(config, warmup, steps, **kw)) for name, kw in variants]
        djl_step, djl_loss_only = float(r['djl_step_ms'][0]), float(r['djl_loss_only_ms'][0])
        print()
        print(f"{key}: T={config['T']} H={config['H']} d={config['d']} B={config['B']}, "
              f"median of {steps} steps after {warmup} warm-up")
        print(f"  same inputs, one step:  loss DJL {djl_loss:.6f}  torch {loss:.6f}  "
              f"(rel. diff {abs(loss - djl_loss) / abs(loss):.1e});  grad norm DJL "
              f"{djl_norm:.6f}  torch {norm:.6f}  (rel. diff {abs(norm - djl_norm) / norm:.1e})")
        widths = [max(len(name) + 2, 12) for name, _, _ in timed]
        print(f"  {'':34s}{'DJL (libtorch 2.7.1)':>22s}"
              + ''.join(f"{name:>{w}s}" for (name, _, _), w in zip(timed, widths)))
        print(f"  {'training step (ms)':34s}{djl_step:22.1f}"
              + ''.join(f"{step:{w}.1f}" for (_, step, _), w in zip(timed, widths)))
        print(f"  {'validation batch, no grad (ms)':34s}{djl_loss_only:22.1f}"
              + ''.join(f"{val:{w}.1f}" for (_, _, val), w in zip(timed, widths)))
        fastest_name, torch_step, torch_loss = min(timed, key=lambda v: v[1])
        print(f"  {'ratio DJL / fastest torch step':34s}{djl_step / torch_step:22.2f}"
              f"  ({fastest_name})")
        fastest_val = min(val for _, _, val in timed)
        print(f"  {'ratio DJL / fastest torch batch':34s}{djl_loss_only / fastest_val:22.2f}")
        print(f"  {'Java noise per batch (ms)':34s}{float(r['java_noise_ms'][0]):22.1f}")
        if 'train_seconds' in r:
            print(f"  measured DJL training run: {' '.join(r['train_seconds'])}")
        # The default schedule: 1,500 steps, 20 batches of 512 per epoch (75 epochs), each
        # epoch validated on 10,000 sequences (20 batches). RnnTrainer draws a training batch's
        # noise in Java on a second thread while the step before computes, so a training step
        # takes the longer of the two; validation batches draw theirs inline.
        noise = float(r['java_noise_ms'][0])
        epochs, val_batches = 75, 20
        train_step = max(djl_step, noise)
        djl_total = (1500 * train_step + epochs * val_batches * (djl_loss_only + noise)) / 1000
        torch_total = (1500 * torch_step + epochs * val_batches * torch_loss) / 1000
        print(f"  estimated 1,500-step run with 10,000 validation sequences per epoch: "
              f"DJL {djl_total / 60:.1f} min, torch {torch_total / 60:.1f} min "
              f"(training steps alone: DJL {1500 * train_step / 60000:.1f} min)")


if __name__ == '__main__':
    main()
