#!/usr/bin/python3
"""NumPy/SciPy reference for environment/bench/koopman/run.sh: the brief's Duffing example D1.

Reads the snapshot data, the k-means centres, the grid and the Java results that
PseudospectrumBench wrote to DIR, repeats each stage of the Java pipeline with NumPy and SciPy
on the same inputs (the same LAPACK routines where there is a choice), checks that both give
the same pseudospectrum and the same largest EDMD residual, and prints the stage times side by
side. The short stages (G, A, L; eig; the residuals after their first call) are run several
times on both sides and their median times compared: one run of a stage that short varies by
10-40 % on a shared machine.

Stages, both sides:
  dictionary   W^{1/2} Psi_X, W^{1/2} Psi_Y with psi_j(x) = exp(-2 |x - c_j| / d), w = 1/M
  G, A, L      three products Psi^T W Psi
  QR           Householder QR W^{1/2} Psi_X = Q R (dgeqrf), [Q Q_perp]^T W^{1/2} Psi_Y (dormqr),
               Ahat = (its first N rows) R^{-1}, B = (R factor of the other rows) R^{-1}
  eig          eigenvalues and right eigenvectors of Ahat (dgeev)
  residuals    ||[Ahat - lambda I; B] u|| / ||u|| for every eigenpair
  grid         tau(z) = sqrt(lambda_min(Lhat - z Ahat^T - conj(z) Ahat + |z|^2 I)) at every grid
               point (zheevr for the smallest eigenvalue only), clamped by ||z| - 1|, mirrored
               (Im z >= 0 evaluated)

Usage: /usr/bin/python3 pseudospectrum_numpy.py DIR
"""

import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import scipy
import scipy.linalg
import scipy.spatial.distance


def loaded_blas():
    """The BLAS/LAPACK shared objects this process has mapped (show_config only names 'blas')."""
    libraries = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1]
            if (any(key in path for key in ("blas", "lapack", "mkl", "blis"))
                    and "site-packages" not in path and "dist-packages" not in path):
                libraries.add(path)
    return sorted(libraries)


def stage(times, name, function, repeats=1):
    """Runs function repeats times; times[name] gets the list of times, first run first."""
    times[name] = []
    for _ in range(repeats):
        start = time.perf_counter()
        value = function()
        times[name].append(time.perf_counter() - start)
    return value


def main(directory):
    directory = Path(directory)
    java = json.loads((directory / "java_results.json").read_text())
    x = np.load(directory / "x.npy")
    y = np.load(directory / "y.npy")
    centres = np.load(directory / "centres.npy")
    grid_re = np.load(directory / "grid_re.npy")[0]
    grid_im = np.load(directory / "grid_im.npy")[0]
    tau_java = np.load(directory / "tau_java.npy")
    scale = java["rbf_scale"]
    m, n = x.shape[0], centres.shape[0]
    times = {}

    def dictionary():
        sqrt_w = np.sqrt(1.0 / m)
        sx = np.exp(-2.0 * scipy.spatial.distance.cdist(x, centres) / scale) * sqrt_w
        sy = np.exp(-2.0 * scipy.spatial.distance.cdist(y, centres) / scale) * sqrt_w
        return np.asfortranarray(sx), np.asfortranarray(sy)

    sx, sy = stage(times, "dictionary", dictionary)

    def galerkin():
        g = sx.T @ sx
        a = sx.T @ sy
        l = sy.T @ sy
        return (g + g.T) / 2, a, (l + l.T) / 2

    # The short stages: timed the Java side's REPEATS times, medians compared (see above).
    repeats = java["repeats"]
    g, a, l = stage(times, "gal", galerkin, repeats)

    def qr_form():
        (factors, tau), r = scipy.linalg.qr(sx, mode="raw", overwrite_a=True, check_finite=False)
        r = np.triu(r[:n, :n])
        ormqr = scipy.linalg.lapack.get_lapack_funcs("ormqr", (factors,))
        lwork = max(1, int(ormqr("L", "T", factors, tau, sy, -1)[1][0].real))
        c, _, info = ormqr("L", "T", factors, tau, sy, lwork, overwrite_c=True)
        assert info == 0, info
        # X R = C  <=>  R^T X^T = C^T
        a_hat = scipy.linalg.solve_triangular(r, c[:n].T, trans="T", lower=False).T
        r_rest = scipy.linalg.qr(c[n:], mode="r", check_finite=False)[0][:n, :n]
        b = scipy.linalg.solve_triangular(r, np.triu(r_rest).T, trans="T", lower=False).T
        return r, a_hat, b

    r, a_hat, b = stage(times, "qr", qr_form)

    eigenvalues, vectors = stage(times, "eig",
                                 lambda: scipy.linalg.eig(a_hat, right=True, check_finite=False),
                                 repeats)

    def residuals():
        e = a_hat @ vectors - vectors * eigenvalues
        f = b @ vectors
        num = np.sum(np.abs(e) ** 2, axis=0) + np.sum(np.abs(f) ** 2, axis=0)
        return np.sqrt(num) / np.linalg.norm(vectors, axis=0)

    res = stage(times, "residuals", residuals)
    stage(times, "residuals_warm", residuals, repeats)

    def grid():
        l_hat = a_hat.T @ a_hat + b.T @ b
        l_hat = (l_hat + l_hat.T) / 2
        sym = a_hat + a_hat.T
        skew = a_hat - a_hat.T
        identity = np.eye(n)
        values = {}
        tau = np.empty((grid_im.size, grid_re.size))
        for row, yy in enumerate(grid_im):
            for col, xx in enumerate(grid_re):
                key = (xx, abs(yy))
                if key not in values:
                    zx, zy = key
                    h = (l_hat - zx * sym + (zx * zx + zy * zy) * identity) + 1j * (zy * skew)
                    lam = scipy.linalg.eigh(h, eigvals_only=True, subset_by_index=[0, 0],
                                            driver="evr", check_finite=False,
                                            overwrite_a=True)[0]
                    values[key] = np.sqrt(max(lam, 0.0))
                tau[row, col] = max(values[key], abs(np.hypot(xx, yy) - 1.0))
        return tau

    tau = stage(times, "grid", grid)
    # One pass through the stages, as Edmd.fit's one call: the first run of each.
    times["edmd"] = [sum(times[k][0] for k in ("dictionary", "gal", "qr", "eig", "residuals"))]

    # Agreement on identical inputs.
    tau_diff = np.max(np.abs(tau - tau_java))
    tau_rel = np.max(np.abs(tau - tau_java) / tau)
    residual_diff = max(abs(np.max(res) - java["max_residual"]),
                        abs(np.max(res) - java["max_residual_edmd_fit"]))

    print()
    print(f"Duffing D1 ({java['scale']} scale): M = {m}, N = {n}, "
          f"{java['grid_points']} grid points, isometry clamp, mirrored")
    print(f"  Java:  OpenBLAS {java['openblas_java']} (bytedeco), "
          f"{java['java_threads']} worker threads for the grid, OpenBLAS single-threaded there")
    print(f"  NumPy {np.__version__}, SciPy {scipy.__version__}; BLAS/LAPACK mapped: "
          + ", ".join(loaded_blas()))
    print()
    print(f"  {'stage':<34}{'Java (s)':>10}{'NumPy/SciPy (s)':>17}{'Java/NumPy':>12}  target met")
    rows = [
        ("data (Duffing DP853, 2 sets)", "time_data", None),
        ("k-means centres (Smile)", "time_kmeans", None),
        ("dictionary evaluation", "time_dictionary", "dictionary"),
        (f"G, A, L (median of {repeats})", "time_gal", "gal"),
        ("QR form (R, Ahat, B)", "time_qr", "qr"),
        (f"EDMD eigen-decomp. (median of {repeats})", "time_eig", "eig"),
        ("residuals of all pairs, first call", "time_residuals", "residuals"),
        (f"  the next {repeats} calls (median)", "time_residuals_warm", "residuals_warm"),
        ("EDMD in one call (Edmd.fit; sum)", "time_edmd_fit", "edmd"),
        ("pseudospectrum grid", "time_grid", "grid"),
        ("proposed method (rho = 5)", "time_proposed", None),
    ]
    for label, java_key, numpy_key in rows:
        jt = java[java_key]
        if numpy_key is None:
            print(f"  {label:<34}{jt:>10.3f}{'-':>17}{'-':>12}")
            continue
        nt = statistics.median(times[numpy_key])
        verdict = "yes" if jt <= nt else "NO"
        print(f"  {label:<34}{jt:>10.3f}{nt:>17.3f}{jt / nt:>12.2f}  {verdict}")
    print()
    print(f"  grid: {1e3 * java['time_grid'] / java['grid_points']:.2f} ms/point Java (wall, "
          f"{java['java_threads']} workers), "
          f"{1e3 * times['grid'][0] / java['grid_points']:.2f} ms/point NumPy/SciPy (wall)")
    print(f"  max |tau_Java - tau_NumPy| = {tau_diff:.3e} (max relative {tau_rel:.3e}); "
          f"min tau {np.min(tau):.5f} (Java {java['min_tau']:.5f})")
    print(f"  max EDMD residual er_EDMD: Java {java['max_residual']:.10f}, "
          f"NumPy {np.max(res):.10f}, difference {residual_diff:.2e}")
    print(f"  proposed method (Java): {java['proposed_points']} points, "
          f"er_new = {java['er_new']:.4f}")
    ok = tau_diff < 1e-8 and residual_diff < 1e-8
    print(f"  agreement within 1e-8: {'yes' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
