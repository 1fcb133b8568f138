package org.phasebook.systems;

import java.util.function.DoubleConsumer;

/**
 * Forwards progress fractions to a consumer only when they have grown by a minimum increment,
 * so that an inner loop with millions of steps makes at most a few hundred calls; the final 1 is
 * always forwarded.
 */
final class ThrottledProgress {

    private static final double INCREMENT = 0.005;

    private final DoubleConsumer target;
    private double last = Double.NEGATIVE_INFINITY;

    ThrottledProgress(DoubleConsumer target) {
        this.target = target;
    }

    void report(double fraction) {
        double f = Math.min(1.0, Math.max(0.0, fraction));
        if (f >= last + INCREMENT || (f == 1.0 && last < 1.0)) {
            last = f;
            target.accept(f);
        }
    }

    void finish() {
        report(1.0);
    }
}
