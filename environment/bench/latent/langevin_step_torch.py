#!/usr/bin/python3
"""One training step of LangevinFlow (brief langevin-flow.md §2-§3, §9) in PyTorch on one
thread, beside the DJL figures that LangevinStepBench wrote, in one table.

    langevin_step_torch.py WORK_DIR WARMUP STEPS SIZE...

The model is written the way the released code is organised: nn.GRUCell looped over time with
nn.Dropout on the state (the dropped state recurs), four nn.Linear posterior heads, the
coupled-oscillator potential, nn.TransformerEncoderLayer(d, heads, ff, dropout,
batch_first=True) (post-norm, no mask, no positions), an nn.Linear readout, the Poisson NLL
with the coordinated-dropout gradient mask, the release's KL terms and torch.optim.Adam with
coupled weight decay. Noise and masks come from torch's own generator (timing only).

The potential's gradient is computed two ways:
  explicit  as Phasebook does: S = Q + Q^T with Q = sum_j kappa_j E_j (kappa from the
            normalised kernel, E a constant 0/1 basis), built once per pass, then one
            matrix product z S per Langevin step;
  autograd  as the release does: U(z) by conv1d, grad U = autograd.grad(U, z,
            create_graph=True) at every step (double back-propagation).

Parity: WORK_DIR holds, per size, the initial weights (WeightSnapshot files KEY.init.weights
with K = 0 and KEY.kernel.weights with a random K), one batch (KEY.x.f32, KEY.y.f32) and the
sampling noise of one pass (KEY.noise.f32), with DJL's loss, reconstruction, KL and gradient
norm of one step on them (dropout 0, CD keep 1). This script loads the same weights into its
modules (Phasebook's names follow state_dict's; only the attention's four names differ),
recomputes the four numbers with both potentials and prints the differences. The timed steps
then start from the same initial weights.

Also importable: read_snapshot(path) reads any WeightSnapshot file (format PBWTS001, see
lib/src/main/java/org/phasebook/nn/WeightSnapshot.java) into an ordered dict of numpy arrays.
"""
import collections
import math
import os
import statistics
import struct
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.set_num_threads(1)
TFIXUP_SCALE = 0.67 * 3 ** -0.25
CHANNELS, TAPS = 4, 3

# Phasebook weight name -> state_dict key, where they differ (nn.MultiheadAttention's names).
JAVA_TO_TORCH = {
    'decoder.in_proj.weight': 'decoder.self_attn.in_proj_weight',
    'decoder.in_proj.bias': 'decoder.self_attn.in_proj_bias',
    'decoder.out_proj.weight': 'decoder.self_attn.out_proj.weight',
    'decoder.out_proj.bias': 'decoder.self_attn.out_proj.bias',
}


def read_snapshot(path):
    """A WeightSnapshot file as an OrderedDict name -> float32 numpy array.

    Format (big-endian): b'PBWTS001', tensor count (int32), then per tensor its name
    (Java writeUTF: uint16 byte length + modified UTF-8), rank (int32), dimensions (int64)
    and row-major float32 values.
    """
    with open(path, 'rb') as f:
        data = f.read()
    if data[:8] != b'PBWTS001':
        raise ValueError(f'{path} is not a Phasebook weight file (no PBWTS001 header)')
    (count,), pos = struct.unpack_from('>i', data, 8), 12
    out = collections.OrderedDict()
    for _ in range(count):
        (length,) = struct.unpack_from('>H', data, pos)
        name = data[pos + 2:pos + 2 + length].decode('utf-8')
        pos += 2 + length
        (rank,) = struct.unpack_from('>i', data, pos)
        shape = struct.unpack_from(f'>{rank}q', data, pos + 4)
        pos += 4 + 8 * rank
        size = int(np.prod(shape)) if rank else 1
        values = np.frombuffer(data, dtype='>f4', count=size, offset=pos)
        out[name] = values.astype(np.float32).reshape(shape)
        pos += 4 * size
    if pos != len(data):
        raise ValueError(f'{path}: {len(data) - pos} trailing bytes after {count} tensors')
    return out


def potential_basis(hidden):
    """The constant E (12 x H x H): E_j[(c', l+k-1), (c'', l)] = 1 for j = 3c' + k, every c''
    and every l with l+k-1 in 0..L-1 (L = H/4, channel c holds z[cL .. (c+1)L - 1])."""
    length = hidden // CHANNELS
    e = np.zeros((CHANNELS * TAPS, hidden, hidden), dtype=np.float32)
    for cp in range(CHANNELS):
        for k in range(TAPS):
            for l in range(length):
                shifted = l + k - 1
                if 0 <= shifted < length:
                    for cpp in range(CHANNELS):
                        e[cp * TAPS + k, cp * length + shifted, cpp * length + l] = 1
    return torch.from_numpy(e)


class CoupledOscillatorPotential(nn.Module):
    """U(z) = sum_l a_l s_l with a = sum_c (K^ * Z)_c (padded 3-tap cross-correlation of the
    4 x H/4 reshaped z with the L2-normalised kernels) and s = sum_c Z_c; K starts at zero."""

    def __init__(self, hidden, explicit):
        super().__init__()
        self.explicit = explicit
        self.K = nn.Parameter(torch.zeros(CHANNELS, CHANNELS, TAPS))
        if explicit:
            self.register_buffer('basis', potential_basis(hidden), persistent=False)

    def kernels(self):
        return F.normalize(self.K, p=2, dim=2)

    def hessian(self):
        """S = Q + Q^T, Q = sum_j kappa_j E_j, kappa[c', k] = sum_c K^[c, c', k]."""
        hidden = self.basis.shape[1]
        kappa = self.kernels().sum(0).reshape(1, CHANNELS * TAPS)
        q = (kappa @ self.basis.reshape(CHANNELS * TAPS, -1)).reshape(hidden, hidden)
        return q + q.T

    def energy(self, z, khat):
        channels = z.reshape(z.shape[0], CHANNELS, -1)
        a = F.conv1d(channels, khat, padding=1).sum(1)
        return (a * channels.sum(1)).sum(1)

    def gradient(self, z, khat):
        """grad U by double back-propagation, as released (create_graph when training)."""
        create = torch.is_grad_enabled()
        with torch.enable_grad():
            if not z.requires_grad:
                z = z.detach().requires_grad_()
            u = self.energy(z, khat)
            (g,) = torch.autograd.grad(u.sum(), z, create_graph=create)
        return g


class LangevinFlowTorch(nn.Module):

    def __init__(self, observed, forward_bins, held_in, neurons, hidden, heads, ff, gamma,
                 eta, dropout, explicit):
        super().__init__()
        self.observed, self.bins = observed, observed + forward_bins
        self.hidden, self.gamma, self.eta = hidden, gamma, eta
        self.encoder = nn.GRUCell(held_in, hidden)
        self.dropout = nn.Dropout(dropout)
        self.posterior = nn.ModuleDict({name: nn.Linear(hidden, hidden)
                                        for name in ('mu_z', 'logvar_z', 'mu_v', 'logvar_v')})
        self.potential = CoupledOscillatorPotential(hidden, explicit)
        d = 3 * hidden
        self.decoder = nn.TransformerEncoderLayer(d, heads, ff, dropout, batch_first=True)
        with torch.no_grad():  # T-Fixup-style scaling of the release
            for w in (self.decoder.linear1.weight, self.decoder.linear2.weight,
                      self.decoder.self_attn.out_proj.weight):
                w.mul_(TFIXUP_SCALE)
        self.readout = nn.Linear(d, neurons)

    def forward(self, x, noise=None):
        """x: B x T_o x N_in counts. noise: optional (eps_z B x H, eps_v B x H, xi (T-1) x B x H);
        drawn from torch's generator when None. Returns log-rates B x T x N and the KL."""
        b, h = x.shape[0], self.hidden
        state = x.new_zeros(b, h)
        states = []
        for t in range(self.bins):
            u = x[:, max(t - 1, 0)] if t < self.observed else x[:, self.observed - 1]
            state = self.dropout(self.encoder(u, state))
            states.append(state)
        states = torch.stack(states, 1)
        h0 = states[:, 0]
        mu_z, logvar_z = self.posterior['mu_z'](h0), self.posterior['logvar_z'](h0)
        mu_v, logvar_v = self.posterior['mu_v'](h0), self.posterior['logvar_v'](h0)
        if noise is None:
            noise = (torch.randn_like(mu_z), torch.randn_like(mu_v),
                     torch.randn(self.bins - 1, b, h))
        eps_z, eps_v, xi = noise
        z = mu_z + torch.exp(0.5 * logvar_z) * eps_z
        v = mu_v + torch.exp(0.5 * logvar_v) * eps_v
        if self.potential.explicit:
            s = self.potential.hessian()
            grad_u = lambda z_: z_ @ s
        else:
            khat = self.potential.kernels()
            grad_u = lambda z_: self.potential.gradient(z_, khat)
        zs, vs = [z], [v]
        forcing = math.sqrt(2 * self.gamma)
        for t in range(1, self.bins):
            g = grad_u(z)
            z = z + self.eta * v
            v = (1 - self.gamma) * (v - self.eta * g) + forcing * xi[t - 1]
            zs.append(z)
            vs.append(v)
        zs, vs = torch.stack(zs, 1), torch.stack(vs, 1)
        kl = (0.5 * (-logvar_z - 1 + mu_z ** 2 + logvar_z.exp())).sum() \
            + (0.5 * (-logvar_v - 1 + mu_v ** 2 + logvar_v.exp())).sum()
        gamma2 = 2 * self.gamma
        kl = kl + (0.5 * (math.log(0.1) - gamma2 - 1 + vs[:, 1:] ** 2 / 0.1
                          + math.exp(gamma2) / 0.1)).sum()
        decoded = self.decoder(torch.cat([zs, vs, states], 2))
        return self.readout(decoded), kl / b


def coordinated_dropout(x, keep, bins, neurons):
    """Input mask m ~ Bernoulli(keep) and pass mask q ~ Bernoulli(1 - keep) on the held-in
    observed entries; returns x * m / keep and G = (1 - m) or q, padded with ones."""
    m = torch.bernoulli(torch.full_like(x, keep))
    q = torch.bernoulli(torch.full_like(x, 1 - keep))
    g = 1 - m * (1 - q)
    b, observed, held_in = x.shape
    g = torch.cat([g, x.new_ones(b, observed, neurons - held_in)], 2)
    g = torch.cat([g, x.new_ones(b, bins - observed, neurons)], 1)
    return x * m / keep, g


def loss_terms(model, x, y, kl_weight, keep=1.0, noise=None):
    grad_mask = None
    if keep < 1:
        x, grad_mask = coordinated_dropout(x, keep, y.shape[1], y.shape[2])
    log_rates, kl = model(x, noise)
    nll = F.poisson_nll_loss(log_rates, y, log_input=True, full=False, reduction='none')
    if grad_mask is not None:  # every entry's value, the gradient of G = 1 entries only
        nll = grad_mask * nll + ((1 - grad_mask) * nll).detach()
    rec = nll.mean()
    return rec + kl_weight * kl, rec, kl


def build(config, dropout, explicit, snapshot):
    c = config
    model = LangevinFlowTorch(c['T_o'], c['T_f'], c['N_in'], c['N'], c['H'], c['heads'],
                              c['ff'], c['gamma'], c['eta'], dropout, explicit)
    state = {JAVA_TO_TORCH.get(k, k): torch.from_numpy(v.copy()) for k, v in snapshot.items()}
    model.load_state_dict(state, strict=True)
    return model


def read_f32(path, shape):
    return torch.from_numpy(np.fromfile(path, dtype='>f4').astype(np.float32).reshape(shape))


def parity(work, key, config, explicit, case, x, y):
    b, h, t = config['B'], config['H'], config['T_o'] + config['T_f']
    model = build(config, 0.0, explicit, read_snapshot(os.path.join(work, f'{key}.{case}.weights')))
    model.train()
    flat = read_f32(os.path.join(work, f'{key}.noise.f32'), (-1,))
    noise = (flat[:b * h].reshape(b, h), flat[b * h:2 * b * h].reshape(b, h),
             flat[2 * b * h:].reshape(t - 1, b, h))
    loss, rec, kl = loss_terms(model, x, y, config['kl'], 1.0, noise)
    loss.backward()
    norm = math.sqrt(sum(float((p.grad.double() ** 2).sum()) for p in model.parameters()))
    return float(loss), float(rec), float(kl), norm


def time_steps(config, x, y, snapshot, explicit, warmup, steps):
    torch.manual_seed(0)
    model = build(config, config['dropout'], explicit, snapshot)
    opt = torch.optim.Adam(model.parameters(), lr=config['lr'], weight_decay=config['wd'])
    step_times, eval_times, losses = [], [], []
    for i in range(warmup + steps):
        t0 = time.perf_counter()
        model.train()
        opt.zero_grad()
        loss, _, _ = loss_terms(model, x, y, config['kl'], config['keep'])
        loss.backward()
        opt.step()
        t1 = time.perf_counter()
        model.eval()
        with torch.no_grad():
            loss_terms(model, x, y, config['kl'])
        t2 = time.perf_counter()
        losses.append(float(loss))
        if i >= warmup:
            step_times.append(t1 - t0)
            eval_times.append(t2 - t1)
    return 1000 * statistics.median(step_times), 1000 * statistics.median(eval_times), losses


def duration(seconds):
    return f"{seconds:.1f} s" if seconds < 120 else f"{seconds / 60:.1f} min"


def number(text):
    try:
        return int(text)
    except ValueError:
        return float(text)


def rel(a, b):
    return abs(a - b) / max(abs(b), 1e-30)


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
        config = {k: number(v) for k, v in config.items()}
        b, t = config['B'], config['T_o'] + config['T_f']
        x = read_f32(os.path.join(work, f'{key}.x.f32'), (b, config['T_o'], config['N_in']))
        y = read_f32(os.path.join(work, f'{key}.y.f32'), (b, t, config['N']))
        print()
        print(f"{key}: T_o={config['T_o']} T_f={config['T_f']} N_in={config['N_in']} "
              f"N={config['N']} H={config['H']} d={3 * config['H']} heads={config['heads']} "
              f"FF={config['ff']} B={b} ({int(r['parameters'][0]):,} parameters), "
              f"median of {steps} steps after {warmup} warm-up")
        print("  parity: one forward + backward, same weights, batch and noise, dropout 0, "
              "CD keep 1 (values: DJL / rel. diff. of torch explicit, torch autograd)")
        for case, label in (('init', 'K = 0 (initial)'), ('kernel', 'K random')):
            djl = [float(v) for v in r[f'parity_{case}']]
            ours = parity(work, key, config, True, case, x, y)
            release = parity(work, key, config, False, case, x, y)
            cells = []
            for name, d, o, a in zip(('loss', 'NLL', 'KL', 'grad norm'), djl, ours, release):
                cells.append(f"{name} {d:.7g} / {rel(o, d):.1e}, {rel(a, d):.1e}")
            print(f"    {label:16s}" + ";  ".join(cells))
        snapshot = read_snapshot(os.path.join(work, f'{key}.init.weights'))
        e_step, e_eval, e_losses = time_steps(config, x, y, snapshot, True, warmup, steps)
        a_step, a_eval, a_losses = time_steps(config, x, y, snapshot, False, warmup, steps)
        d_step, d_eval = float(r['djl_step_ms'][0]), float(r['djl_eval_ms'][0])
        noise = float(r['java_noise_ms'][0])
        print(f"  {'':34s}{'DJL (libtorch 2.7.1)':>22s}{'torch, explicit S':>19s}"
              f"{'torch, autograd dU':>20s}")
        print(f"  {'training step (ms)':34s}{d_step:22.1f}{e_step:19.1f}{a_step:20.1f}")
        print(f"  {'validation batch, no grad (ms)':34s}{d_eval:22.1f}{e_eval:19.1f}"
              f"{a_eval:20.1f}")
        print(f"  {'ratio of training steps DJL/torch':34s}{'':22s}{d_step / e_step:19.2f}"
              f"{d_step / a_step:20.2f}")
        print(f"  {'Java noise, drawn meanwhile (ms)':34s}{noise:22.1f}")
        djl_first, djl_last = (float(v) for v in r['djl_first_last_loss'])
        print(f"  loss over the {warmup + steps} timed steps on one batch: DJL {djl_first:.4f} -> "
              f"{djl_last:.4f}, torch explicit {e_losses[0]:.4f} -> {e_losses[-1]:.4f}, "
              f"autograd {a_losses[0]:.4f} -> {a_losses[-1]:.4f}")
        epochs, per_epoch = config['epochs'], config['steps_per_epoch']
        val = config['validation_batches']

        def run(step_ms, eval_ms=0.0):
            return duration(epochs * (per_epoch * step_ms + val * eval_ms) / 1000)

        print(f"  estimated {epochs}-epoch run ({per_epoch} steps + {val} validation batches per "
              f"epoch, all full-size): DJL {run(d_step, d_eval)}, torch explicit "
              f"{run(e_step, e_eval)}, torch autograd {run(a_step, a_eval)} "
              f"(training steps alone: DJL {run(d_step)})")


if __name__ == '__main__':
    main()
