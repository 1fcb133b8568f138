package org.phasebook.bench.lattice;

import org.phasebook.lattice.InitialCondition;
import org.phasebook.lattice.Lattice;
import org.phasebook.lattice.LotkaVolterra;
import org.phasebook.lattice.MayLeonard;
import org.phasebook.lattice.SiteModel;

/**
 * The benchmarked parameter sets: LV in the coexistence regime of the brief's figures
 * (sigma = 1, mu = 0.2, lambda = 1, no hopping) from 30% / 30%, and ML with sigma = mu = 1 and
 * mobility M = 1e-4 (epsilon = M N / 2) from a quarter of each state.
 */
final class Models {

    static final double MOBILITY = 1e-4;

    private Models() {
    }

    static SiteModel model(String name, Lattice lattice) {
        return switch (name) {
            case "LV" -> new LotkaVolterra(1.0, 0.2, 1.0, 0.0);
            case "ML" -> MayLeonard.withMobility(1.0, 1.0, MOBILITY, lattice);
            default -> throw new IllegalArgumentException("model must be LV or ML, got " + name);
        };
    }

    static InitialCondition start(String name) {
        return name.equals("LV") ? LotkaVolterra.randomStart(0.3, 0.3) : MayLeonard.randomStart();
    }

    static ReferenceLattice reference(String name, int side, long seed) {
        if (name.equals("LV")) {
            return new ReferenceLattice(side, false, new double[] {1.0, 0.2, 1.0, 0.0}, seed);
        }
        double epsilon = MOBILITY * side * side / 2.0;
        return new ReferenceLattice(side, true, new double[] {1.0, 1.0, epsilon}, seed);
    }
}
