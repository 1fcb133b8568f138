package org.phasebook.lattice;

/** Sub-bin peak location shared by the spectrum and wavelength observables. */
final class Peaks {

    private Peaks() {
    }

    /**
     * The offset in {@code (-1/2, 1/2)} bins of the vertex of the parabola through
     * {@code (-1, ln left), (0, ln centre), (1, ln right)}, for a local maximum {@code centre};
     * a Gaussian peak is located exactly. Returns 0 when a neighbour is below {@code 1e-10} of
     * the centre (zero up to the rounding of a Fourier transform, whose log would be noise) or
     * the three points are not strictly concave.
     */
    static double logParabolicOffset(double left, double centre, double right) {
        double floor = 1e-10 * centre;
        if (!(centre > 0.0) || !(left > floor) || !(right > floor)) {
            return 0.0;
        }
        double l = Math.log(left);
        double c = Math.log(centre);
        double r = Math.log(right);
        double curvature = l - 2.0 * c + r;
        if (!(curvature < 0.0)) {
            return 0.0;
        }
        double offset = 0.5 * (l - r) / curvature;
        return Math.max(-0.5, Math.min(0.5, offset));
    }

    /** The vertex offset of the parabola through three values, not logged; 0 unless strictly concave. */
    static double parabolicOffset(double left, double centre, double right) {
        double curvature = left - 2.0 * centre + right;
        if (!(curvature < 0.0)) {
            return 0.0;
        }
        double offset = 0.5 * (left - right) / curvature;
        return Math.max(-0.5, Math.min(0.5, offset));
    }

    /** The vertex offset for a local minimum: the parabolic offset of the negated values. */
    static double parabolicMinimumOffset(double left, double centre, double right) {
        return parabolicOffset(-left, -centre, -right);
    }
}
