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
 * polynomials, Fourier modes, radial basis functions, coordinates) spans the subspace in which
 * {@link org.phasebook.koopman.Edmd} approximates {@code K}; the fitted
 * {@link org.phasebook.koopman.EdmdModel} carries the Galerkin matrices {@code G, A, L}, the QR
 * form {@code R, Ahat, B}, the eigenpairs, and the residual of each, which separates true
 * eigenvalues ({@link org.phasebook.koopman.EdmdModel#verified verified} pairs) from spectral
 * pollution.
 *
 * <p>Dense linear algebra runs in LAPACK and BLAS (OpenBLAS, through Smile's engines); complex
 * results come back as {@link org.phasebook.koopman.Complex} and
 * {@link org.phasebook.koopman.ComplexVector}. All dictionaries are real; complex families are
 * represented by real and imaginary parts. The package depends on
 * {@link org.phasebook.systems} only for {@link org.phasebook.systems.Trajectory}.
 */
package org.phasebook.koopman;
