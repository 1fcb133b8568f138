package org.phasebook.lattice;

/** Checks shared by the model records: a rate is finite and non-negative. */
final class Rates {

    private Rates() {
    }

    static void nonNegative(String name, double value) {
        if (!(value >= 0.0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }

    static void positiveTotal(String names, double total) {
        if (!(total > 0.0)) {
            throw new IllegalArgumentException("at least one of " + names
                    + " must be > 0 (the total rate R must be positive), got R = " + total);
        }
    }
}
