package org.phasebook.koopman;

/**
 * The Legendre polynomials orthonormal on an interval {@code [a, b]} (Lebesgue measure):
 * {@code psi_j(x) = sqrt((2j + 1) / (b - a)) P_j(t)}, {@code t = (2x - a - b) / (b - a)},
 * {@code j = 0..N-1}, with {@code P_j} the Legendre polynomial of degree {@code j}.
 *
 * <p>On {@code [-1, 0]} this is the brief's {@code sqrt(2j + 1) P_j(2x + 1)} (§2.1, used with
 * the Gauss map); with {@link Quadrature#gaussLegendre} on the same interval and
 * {@code M >= N} nodes, {@code G = I} exactly. Points outside {@code [a, b]} are evaluated by
 * the same polynomials. Values by the three-term recurrence, stable on the interval.
 *
 * @param size  the number {@code N >= 1} of polynomials (degrees 0 to {@code N - 1})
 * @param lower the left end {@code a}, finite
 * @param upper the right end {@code b > a}, finite
 */
public record LegendreDictionary(int size, double lower, double upper) implements Dictionary {

    /** Validates the parameters. */
    public LegendreDictionary {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper)) {
            throw new IllegalArgumentException("the interval [lower, upper] must be finite with"
                    + " lower < upper, got [" + lower + ", " + upper + "]");
        }
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public void evaluate(double[] x, double[] values) {
        double t = (2.0 * x[0] - lower - upper) / (upper - lower);
        double norm = 1.0 / (upper - lower);
        double previous = 0.0;
        double p = 1.0;
        for (int j = 0; j < size; j++) {
            values[j] = Math.sqrt((2 * j + 1) * norm) * p;
            double next = ((2 * j + 1) * t * p - j * previous) / (j + 1);
            previous = p;
            p = next;
        }
    }
}
