/**
 * Koopman spectral estimators from snapshot data: EDMD and residual DMD, as in the Phasebook
 * brief on M. J. Colbrook, I. Mezić, A. Stepanenko, <i>Limits and Powers of Koopman Learning</i>
 * (arXiv:2407.06312), §2.
 *
 * <p>The Koopman operator of a map {@code F} acts on observables by {@code K g = g o F}. Data
 * are {@link org.phasebook.koopman.SnapshotPairs} {@code (x_m, y_m = F(x_m))} with
 * {@link org.phasebook.koopman.Weights} (Monte Carlo, or a
 * {@link org.phasebook.koopman.Quadrature} rule when the points can be chosen), from a map, a
 * sampled trajectory or a {@link org.phasebook.koopman.DelayEmbedding} of time series. A
 * {@link org.phasebook.koopman.Dictionary} {@code psi_1..psi_N} (monomials, Legendre
 * polynomials, Fourier modes, radial basis functions, coordinates, iterates of an observable
 * under a map in {@link org.phasebook.koopman.IterateDictionary}) spans the subspace in which
 * {@link org.phasebook.koopman.Edmd} approximates {@code K}; the fitted
 * {@link org.phasebook.koopman.EdmdModel} carries the Galerkin matrices {@code G, A, L}, the QR
 * form {@code R, Ahat, B}, the eigenpairs, and the residual of each, which separates true
 * eigenvalues ({@link org.phasebook.koopman.EdmdModel#verified verified} pairs) from spectral
 * pollution.
 *
 * <p>Beyond eigenpairs: {@link org.phasebook.koopman.Pseudospectrum} evaluates
 * {@code tau_N(z) = min_v res(z, v)} on a {@link org.phasebook.koopman.ComplexGrid} (in parallel,
 * optionally with the isometry clamp), and {@link org.phasebook.koopman.ErrorControlledSpectrum}
 * turns such values into the paper's convergent spectrum with its error bound
 * ({@link org.phasebook.koopman.CertifiedSpectrum}). For measure-preserving systems,
 * {@link org.phasebook.koopman.SmoothedSpectralMeasure} (filtered moments, with the filters of
 * {@link org.phasebook.koopman.SpectralFilter}) and
 * {@link org.phasebook.koopman.ResolventSpectralMeasure} (resolvent kernels of order m) estimate
 * spectral measures, and {@link org.phasebook.koopman.Rage} measures how much of a signal's
 * energy lies in eigenfunctions (the RAGE theorem);
 * {@link org.phasebook.koopman.KnownSpectrumSeries} generates signals whose spectral type is
 * known by construction, to check those estimates, {@link org.phasebook.koopman.PeriodicWake}
 * a periodic field with exactly known eigenvalues (the substitute for the paper's cylinder
 * wake), read through the POD dictionary of {@link org.phasebook.koopman.PodCoordinates}, and
 * {@link org.phasebook.koopman.NoisyLogisticKoopman} the exact stochastic Koopman operator of the
 * noisy logistic map, an oracle for estimates from noisy data.
 *
 * <p>Dense linear algebra runs in LAPACK and BLAS (OpenBLAS, through Smile's engines); complex
 * results come back as {@link org.phasebook.koopman.Complex} and
 * {@link org.phasebook.koopman.ComplexVector}. All dictionaries are real; complex families are
 * represented by real and imaginary parts. The package uses {@link org.phasebook.systems} for
 * trajectories and, in {@code KnownSpectrumSeries}, to integrate the Lorenz system.
 */
package org.phasebook.koopman;
