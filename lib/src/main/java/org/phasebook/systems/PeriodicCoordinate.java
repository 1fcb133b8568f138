package org.phasebook.systems;

/**
 * Reduction of a real coordinate onto the circle {@code R / (period Z)}, represented by
 * {@code [0, period)}. Shared by the maps on circles and tori.
 */
final class PeriodicCoordinate {

    private PeriodicCoordinate() {
    }

    /**
     * The representative of {@code v} in {@code [0, period)}, for finite {@code v} and finite
     * {@code period > 0}. Exact when {@code period} is 1 and {@code |v| < 2^52}.
     */
    static double reduce(double v, double period) {
        double r = v - period * Math.floor(v / period);
        // Rounding can land on either end of the interval: a tiny negative v gives exactly
        // period, and a quotient rounded up to an integer gives a tiny negative remainder.
        if (r < 0.0) {
            r += period;
        }
        if (r >= period) {
            r -= period;
        }
        return r;
    }
}
