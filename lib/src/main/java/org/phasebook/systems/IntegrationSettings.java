package org.phasebook.systems;

/**
 * Step-size control settings of an adaptive integrator.
 *
 * <p>The local error estimate of a step is accepted when it is below
 * {@code absTol + relTol * |x|} component-wise (in Commons Math's scaled RMS sense). A step
 * smaller than {@code minStep} is a failure (reported as {@link IntegrationException}), which is
 * how a blow-up or a stiff system shows itself; {@code maxStep} caps the step size.
 *
 * @param absTol  absolute tolerance, finite and {@code > 0}
 * @param relTol  relative tolerance, finite and {@code >= 0}
 * @param minStep smallest allowed step, finite and {@code >= 0}
 * @param maxStep largest allowed step, {@code > 0} and {@code >= minStep}; may be infinite
 */
public record IntegrationSettings(double absTol, double relTol, double minStep, double maxStep) {

    /** Validates the ranges given above. */
    public IntegrationSettings {
        if (!(absTol > 0.0) || !Double.isFinite(absTol)) {
            throw new IllegalArgumentException("absTol must be finite and > 0, got " + absTol);
        }
        if (!(relTol >= 0.0) || !Double.isFinite(relTol)) {
            throw new IllegalArgumentException("relTol must be finite and >= 0, got " + relTol);
        }
        if (!(minStep >= 0.0) || !Double.isFinite(minStep)) {
            throw new IllegalArgumentException("minStep must be finite and >= 0, got " + minStep);
        }
        if (!(maxStep > 0.0) || !(maxStep >= minStep)) {
            throw new IllegalArgumentException(
                    "maxStep must be > 0 and >= minStep = " + minStep + ", got " + maxStep);
        }
    }

    /**
     * Tight defaults for chaotic systems on attractors of size order 10:
     * {@code absTol = relTol = 1e-10}, {@code minStep = 1e-12}, no maximum step.
     */
    public static IntegrationSettings defaults() {
        return new IntegrationSettings(1e-10, 1e-10, 1e-12, Double.POSITIVE_INFINITY);
    }

    /** These settings with both tolerances replaced by {@code tol}. */
    public IntegrationSettings withTolerance(double tol) {
        return new IntegrationSettings(tol, tol, minStep, maxStep);
    }
}
