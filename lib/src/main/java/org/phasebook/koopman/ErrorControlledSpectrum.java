package org.phasebook.koopman;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The paper's convergent spectral method with error control (brief §2.5; after Colbrook, Roman,
 * Hansen, "How to compute spectra with error control", PRL 2019): from candidates
 * {@code z_1..z_P} (grid points, or the EDMD eigenvalues) with values {@code tau_i = tau_N(z_i)}
 * of the {@link Pseudospectrum} (clamped when the map preserves the measure), keep the local
 * minimisers of {@code tau} at the scale of {@code tau} itself.
 *
 * <p>For each {@code i} with {@code tau_i < 1}, let
 * {@code I_i = {j : |z_j - z_i| < rho tau_i}} (together with {@code i}, so that {@code tau_i = 0}
 * still has a neighbourhood), and add to {@code Gamma} the {@code j} in {@code I_i} with the
 * smallest {@code tau_j} (the first index on ties). {@code Gamma} is returned without
 * duplicates, in the candidates' order, with the error bound
 * {@code er_new = max_{z in Gamma} tau(z)} ({@link CertifiedSpectrum#error()}); compare it with
 * EDMD's error {@code er_EDMD = } {@link EdmdModel#maxResidual()}, which stays of order 1 when
 * EDMD pollutes the spectrum.
 *
 * <p>Cost {@code O(P^2)} comparisons, a fraction of a second for the paper's grids.
 *
 * @param rho the neighbourhood factor {@code rho}, finite and {@code > 0}: 5 in the paper's
 *            Duffing and Lorenz scripts, 2 in the ECG and sea-level ones
 */
public record ErrorControlledSpectrum(double rho) {

    /** The paper's default {@code rho = 5}. */
    public static final double DEFAULT_RHO = 5.0;

    /** Validates {@code rho}. */
    public ErrorControlledSpectrum {
        if (!(rho > 0.0) || !Double.isFinite(rho)) {
            throw new IllegalArgumentException("rho must be finite and > 0, got " + rho);
        }
    }

    /** The method with {@code rho = 5}. */
    public static ErrorControlledSpectrum defaults() {
        return new ErrorControlledSpectrum(DEFAULT_RHO);
    }

    /**
     * {@code Gamma} from candidates and their values.
     *
     * @param candidates the points {@code z_i}, finite
     * @param tau        {@code tau_i >= 0} at each candidate, finite or {@code +infinity}
     * @throws IllegalArgumentException if the lengths differ or a value is out of range
     */
    public CertifiedSpectrum fit(Complex[] candidates, double[] tau) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(tau, "tau");
        if (tau.length != candidates.length) {
            throw new IllegalArgumentException("tau must have one value per candidate, "
                    + candidates.length + ", got " + tau.length);
        }
        for (int i = 0; i < candidates.length; i++) {
            Objects.requireNonNull(candidates[i], "candidates[" + i + "]");
            if (!candidates[i].isFinite()) {
                throw new IllegalArgumentException("candidates[" + i + "] must be finite, got "
                        + candidates[i]);
            }
            if (!(tau[i] >= 0.0)) {
                throw new IllegalArgumentException("tau[" + i + "] must be >= 0, got " + tau[i]);
            }
        }
        boolean[] chosen = new boolean[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            if (!(tau[i] < 1.0)) {
                continue;
            }
            double radius = rho * tau[i];
            int best = i;
            for (int j = 0; j < candidates.length; j++) {
                if (candidates[j].minus(candidates[i]).abs() < radius
                        && (tau[j] < tau[best] || (tau[j] == tau[best] && j < best))) {
                    best = j;
                }
            }
            chosen[best] = true;
        }
        List<Complex> points = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (int j = 0; j < chosen.length; j++) {
            if (chosen[j]) {
                indices.add(j);
                points.add(candidates[j]);
            }
        }
        int[] index = indices.stream().mapToInt(Integer::intValue).toArray();
        double[] values = new double[index.length];
        for (int k = 0; k < index.length; k++) {
            values[k] = tau[index[k]];
        }
        return new CertifiedSpectrum(index, points, values);
    }

    /**
     * {@code Gamma} with the points of a pseudospectrum grid as candidates: the indices of the
     * result number them row by row ({@code r * columns + c}, as {@link ComplexGrid#points()}).
     */
    public CertifiedSpectrum fit(PseudospectrumGrid pseudospectrum) {
        Objects.requireNonNull(pseudospectrum, "pseudospectrum");
        return fit(pseudospectrum.grid().points(), pseudospectrum.values());
    }
}
