package org.phasebook.latent;

import java.util.Objects;

/**
 * A Poisson generalised linear model with log link, L2 penalty and an unpenalised intercept,
 * fitted to the optimum of scikit-learn's {@code PoissonRegressor(alpha)} objective
 * <pre>
 *   L(w, b) = (1/n) sum_i (exp(η_i) - y_i η_i) + (alpha/2) ‖w‖²,   η_i = x_iᵀ w + b,
 * </pre>
 * (sklearn's half mean Poisson deviance up to a constant). sklearn stops L-BFGS at a gradient
 * tolerance of 1e-4; this class runs damped Newton steps (backtracking on {@code L}) until the
 * Newton decrement falls below 1e-14 (1 + |L|) and then takes that last full step, i.e. it goes
 * to the optimum itself (to rounding), which sklearn only approximates.
 *
 * <p>When every {@code y} is zero the objective has no minimiser ({@code b -> -inf}); the fit
 * then returns {@code w = 0}, {@code b = -inf}, which predicts 0 (the limit). Immutable.
 */
public final class PoissonGlm {

    private static final int MAX_ITERATIONS = 200;

    private final double alpha;
    private final double[] coefficients;
    private final double intercept;
    private final int iterations;

    private PoissonGlm(double alpha, double[] coefficients, double intercept, int iterations) {
        this.alpha = alpha;
        this.coefficients = coefficients;
        this.intercept = intercept;
        this.iterations = iterations;
    }

    /**
     * Fits the model.
     *
     * @param x     inputs {@code [sample][feature]}, finite, at least one sample and feature
     * @param y     counts, finite and {@code >= 0} (need not be integers), one per sample
     * @param alpha the L2 penalty on {@code w}, finite and {@code >= 0}
     * @return the fitted model
     * @throws IllegalStateException when Newton's method does not converge in 200 iterations
     *                               (with {@code alpha = 0} on separable data, for instance)
     */
    public static PoissonGlm fit(double[][] x, double[] y, double alpha) {
        RidgeRegression.checkAlpha(alpha);
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        int n = x.length;
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("x and y must hold the same number (>= 1) of "
                    + "samples, got " + n + " and " + y.length);
        }
        int p = Objects.requireNonNull(x[0], "x[0]").length;
        if (p < 1) {
            throw new IllegalArgumentException("x must have at least one feature, got 0");
        }
        double ySum = 0.0;
        for (int i = 0; i < n; i++) {
            Objects.requireNonNull(x[i], "x[" + i + "]");
            if (x[i].length != p) {
                throw new IllegalArgumentException("x[" + i + "] must have " + p
                        + " features, got " + x[i].length);
            }
            for (int f = 0; f < p; f++) {
                if (!Double.isFinite(x[i][f])) {
                    throw new IllegalArgumentException("x[" + i + "][" + f + "] must be finite, "
                            + "got " + x[i][f]);
                }
            }
            if (!(y[i] >= 0.0) || Double.isInfinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "] must be a finite count >= 0, "
                        + "got " + y[i]);
            }
            ySum += y[i];
        }
        if (ySum == 0.0) {
            return new PoissonGlm(alpha, new double[p], Double.NEGATIVE_INFINITY, 0);
        }
        // theta = (w_0 .. w_{p-1}, b); start at the intercept-only optimum.
        double[] theta = new double[p + 1];
        theta[p] = Math.log(ySum / n);
        double[] eta = new double[n];
        double value = objective(x, y, theta, alpha, eta);
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[p + 1];
            double[][] hessian = new double[p + 1][p + 1];
            double[] xi = new double[p + 1];
            xi[p] = 1.0;
            for (int i = 0; i < n; i++) {
                System.arraycopy(x[i], 0, xi, 0, p);
                double mu = Math.exp(eta[i]);
                double r = mu - y[i];
                for (int a = 0; a <= p; a++) {
                    gradient[a] += r * xi[a];
                    double m = mu * xi[a];
                    double[] h = hessian[a];
                    for (int c = 0; c <= a; c++) {
                        h[c] += m * xi[c];
                    }
                }
            }
            for (int a = 0; a <= p; a++) {
                gradient[a] /= n;
                for (int c = 0; c <= a; c++) {
                    hessian[a][c] /= n;
                    hessian[c][a] = hessian[a][c];
                }
            }
            for (int a = 0; a < p; a++) {
                gradient[a] += alpha * theta[a];
                hessian[a][a] += alpha;
            }
            double[][] rhs = new double[p + 1][1];
            for (int a = 0; a <= p; a++) {
                rhs[a][0] = -gradient[a];
            }
            double[][] step = Cholesky.solve(hessian, rhs);
            if (step == null) {
                throw new IllegalStateException("Poisson GLM: the Hessian is singular (alpha = "
                        + alpha + "); use alpha > 0 or drop constant/collinear features");
            }
            double decrement = 0.0;
            for (int a = 0; a <= p; a++) {
                decrement -= gradient[a] * step[a][0];
            }
            if (!(decrement > 0.0)) {
                // The gradient vanished to rounding: this is the optimum.
                return new PoissonGlm(alpha, java.util.Arrays.copyOf(theta, p), theta[p],
                        iteration - 1);
            }
            if (decrement <= 1e-14 * (1.0 + Math.abs(value))) {
                // Newton converges quadratically: with the decrement (about twice the distance
                // to the optimal value) at rounding level, one full step lands on the optimum
                // to machine precision. L itself can no longer tell the two points apart, so a
                // line search would only chase rounding noise.
                double[] last = new double[p + 1];
                for (int a = 0; a <= p; a++) {
                    last[a] = theta[a] + step[a][0];
                }
                return new PoissonGlm(alpha, java.util.Arrays.copyOf(last, p), last[p],
                        iteration);
            }
            double s = 1.0;
            double[] trial = new double[p + 1];
            double[] trialEta = new double[n];
            double trialValue;
            while (true) {
                for (int a = 0; a <= p; a++) {
                    trial[a] = theta[a] + s * step[a][0];
                }
                trialValue = objective(x, y, trial, alpha, trialEta);
                if (trialValue <= value - 1e-4 * s * decrement || s < 1e-12) {
                    break;
                }
                s /= 2.0;
            }
            if (!(trialValue <= value)) {
                // No descent left at machine precision: the current point is the optimum.
                return new PoissonGlm(alpha, java.util.Arrays.copyOf(theta, p), theta[p],
                        iteration);
            }
            theta = trial.clone();
            System.arraycopy(trialEta, 0, eta, 0, n);
            value = trialValue;
        }
        throw new IllegalStateException("Poisson GLM did not converge in " + MAX_ITERATIONS
                + " Newton iterations (alpha = " + alpha + ")");
    }

    /** {@code L(theta)}, filling {@code eta}; +inf when a rate overflows. */
    private static double objective(double[][] x, double[] y, double[] theta, double alpha,
            double[] eta) {
        int p = theta.length - 1;
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            double e = theta[p];
            double[] row = x[i];
            for (int f = 0; f < p; f++) {
                e += row[f] * theta[f];
            }
            eta[i] = e;
            sum += Math.exp(e) - y[i] * e;
        }
        double penalty = 0.0;
        for (int f = 0; f < p; f++) {
            penalty += theta[f] * theta[f];
        }
        double value = sum / x.length + 0.5 * alpha * penalty;
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
    }

    /** The penalty. */
    public double alpha() {
        return alpha;
    }

    /** {@code w}; a copy. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** {@code b}; {@code -inf} when every training count was zero. */
    public double intercept() {
        return intercept;
    }

    /** Newton iterations taken. */
    public int iterations() {
        return iterations;
    }

    /**
     * The rates {@code exp(xᵀ w + b)}.
     *
     * @param x inputs {@code [sample][feature]}
     * @return one rate per sample
     */
    public double[] predict(double[][] x) {
        Objects.requireNonNull(x, "x");
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != coefficients.length) {
                throw new IllegalArgumentException("x[" + i + "] must have "
                        + coefficients.length + " features, got " + x[i].length);
            }
            double e = intercept;
            for (int f = 0; f < coefficients.length; f++) {
                e += x[i][f] * coefficients[f];
            }
            out[i] = Math.exp(e);
        }
        return out;
    }
}
