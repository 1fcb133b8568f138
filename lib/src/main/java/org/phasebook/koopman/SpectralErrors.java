package org.phasebook.koopman;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleConsumer;

/**
 * One point of the paper's error-versus-dictionary-size curves (figures D2–D4 of the brief):
 * at dictionary size {@code N}, EDMD's error beside the error bound of the convergent method.
 * EDMD's error stays of order 1 as {@code N} grows when EDMD pollutes the spectrum; the
 * convergent method's bound shrinks.
 *
 * <p>The two factories follow the two recipes of the authors' scripts:
 * <ul>
 *   <li>{@link #onGrid}: {@code er_EDMD = max_j res(lambda_j, v_j)} over all EDMD eigenpairs,
 *       and {@code er_new} from the pseudospectrum on a grid (the Duffing recipe). The
 *       residuals and the pseudospectrum may come from an independent <em>validation</em> set
 *       fitted with the same dictionary, so that the error is not measured on the data that
 *       made the eigenpairs.</li>
 *   <li>{@link #atEigenvalues}: {@code E1 = max_j tau_N(lambda_j)} over the EDMD eigenvalues,
 *       and {@code E2 = er_new} with the EDMD eigenvalues as the candidates (the Lorenz and
 *       Rössler recipe).</li>
 *   <li>{@link #nearUnitCircle}: the same with the isometry clamp, {@code E1} over the
 *       eigenvalues with {@code Re lambda > 0} and the candidates of {@code E2} restricted to
 *       a band around the unit circle (the cylinder-wake recipe).</li>
 * </ul>
 *
 * @param n        the dictionary size (the size of the Koopman matrix), {@code >= 1}
 * @param edmd     EDMD's error, {@code >= 0}
 * @param proposed the convergent method's bound {@code er_new}, {@code >= 0}, or NaN when its
 *                 output is empty (no candidate had {@code tau < 1})
 * @param points   the number of points the convergent method returned, {@code >= 0}
 */
public record SpectralErrors(int n, double edmd, double proposed, int points) {

    /** Validates the ranges. */
    public SpectralErrors {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (!(edmd >= 0.0)) {
            throw new IllegalArgumentException("edmd must be >= 0, got " + edmd);
        }
        if (!(proposed >= 0.0) && !Double.isNaN(proposed)) {
            throw new IllegalArgumentException("proposed must be >= 0 or NaN, got " + proposed);
        }
        if (points < 0) {
            throw new IllegalArgumentException("points must be >= 0, got " + points);
        }
    }

    /**
     * The Duffing recipe: the residual of every eigenpair of {@code model}, and the convergent
     * method on the pseudospectrum over {@code grid}, both measured on {@code validation}.
     *
     * @param model      the fitted EDMD model whose eigenpairs are judged
     * @param validation an EDMD model of the same dictionary on independent data (or
     *                   {@code model} itself)
     * @param progress   receives the fraction of the grid done, in {@code [0, 1]}
     * @throws IllegalArgumentException if the two models use different dictionaries
     */
    public static SpectralErrors onGrid(EdmdModel model, EdmdModel validation, ComplexGrid grid,
            Pseudospectrum pseudospectrum, ErrorControlledSpectrum method, DoubleConsumer progress) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(pseudospectrum, "pseudospectrum");
        Objects.requireNonNull(method, "method");
        if (validation.dictionary() != model.dictionary()) {
            throw new IllegalArgumentException("validation must be fitted with the dictionary of model"
                    + " (the same object), got " + validation.dictionary() + " and " + model.dictionary());
        }
        double edmd = 0.0;
        for (int j = 0; j < model.size(); j++) {
            edmd = Math.max(edmd, validation.residual(model.eigenvalue(j), model.eigenvector(j)));
        }
        CertifiedSpectrum spectrum = method.fit(pseudospectrum.evaluate(validation.qrForm(), grid, progress));
        return new SpectralErrors(model.size(), edmd, spectrum.error(), spectrum.size());
    }

    /**
     * The Lorenz recipe: {@code tau_N} at every EDMD eigenvalue of {@code model} (on its own
     * data), its maximum as EDMD's error, and the convergent method with the eigenvalues as
     * candidates.
     */
    public static SpectralErrors atEigenvalues(EdmdModel model, Pseudospectrum pseudospectrum,
            ErrorControlledSpectrum method) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(pseudospectrum, "pseudospectrum");
        Objects.requireNonNull(method, "method");
        Complex[] eigenvalues = model.eigenvalues();
        double[] tau = pseudospectrum.at(model.qrForm(), eigenvalues);
        double edmd = 0.0;
        for (double t : tau) {
            edmd = Math.max(edmd, t);
        }
        CertifiedSpectrum spectrum = method.fit(eigenvalues, tau);
        return new SpectralErrors(model.size(), edmd, spectrum.error(), spectrum.size());
    }

    /**
     * The cylinder-wake recipe ({@code cylinder_example.m}), for data on an attractor whose
     * Koopman operator is an isometry: {@code tau_N} with the isometry clamp
     * {@code max(tau_N, ||z| - 1|)} throughout; {@code E1 = max tau} over the EDMD eigenvalues
     * with {@code Re lambda > 0} (0 when there is none), and {@code E2} from the convergent
     * method with the eigenvalues within {@code band} of the unit circle as candidates (NaN,
     * with no points, when none is).
     *
     * @param band the half-width of the band around {@code |z| = 1}, finite and {@code > 0}
     *             (0.05 in the script)
     */
    public static SpectralErrors nearUnitCircle(EdmdModel model, Pseudospectrum pseudospectrum,
            ErrorControlledSpectrum method, double band) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(pseudospectrum, "pseudospectrum");
        Objects.requireNonNull(method, "method");
        if (!(band > 0.0) || !Double.isFinite(band)) {
            throw new IllegalArgumentException("band must be finite and > 0, got " + band);
        }
        Pseudospectrum clamped = pseudospectrum.withIsometryClamp(true);
        Complex[] eigenvalues = model.eigenvalues();
        double[] tau = clamped.at(model.qrForm(), eigenvalues);
        double edmd = 0.0;
        List<Complex> candidates = new ArrayList<>();
        List<Double> candidateTau = new ArrayList<>();
        for (int j = 0; j < eigenvalues.length; j++) {
            if (eigenvalues[j].re() > 0.0) {
                edmd = Math.max(edmd, tau[j]);
            }
            if (Math.abs(eigenvalues[j].abs() - 1.0) < band) {
                candidates.add(eigenvalues[j]);
                candidateTau.add(tau[j]);
            }
        }
        CertifiedSpectrum spectrum = method.fit(candidates.toArray(Complex[]::new),
                candidateTau.stream().mapToDouble(Double::doubleValue).toArray());
        return new SpectralErrors(model.size(), edmd, spectrum.error(), spectrum.size());
    }
}
