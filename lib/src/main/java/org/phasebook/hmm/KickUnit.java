package org.phasebook.hmm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One unit of a detected kick group with the evidence for it, a row of figure F6's table of
 * kick-neuron candidates (brief {@code hmm-rnn.md} §8, "Kick neurons and populations"; see
 * {@link KickNeuronDetector} for the detection rule and the meaning of the three numbers).
 *
 * @param from           the output before the switches of the unit's group
 * @param to             the output after them
 * @param unit           the unit's index in {@code 0..H-1}
 * @param score          its detection score: mean rise of the pre-activation before a switch,
 *                       in standard deviations of the unit
 * @param silentFraction the fraction of switches at which it was silent (pre-activation
 *                       {@code <= 0}) in the baseline window
 * @param activeFraction the fraction of switches at which it was active in the lead window
 */
public record KickUnit(int from, int to, int unit, double score, double silentFraction, double activeFraction) {

    /** The switch direction of the unit's group, as {@code "from->to"}. */
    public String direction() {
        return from + "->" + to;
    }

    /**
     * The units of kick groups, group after group, each group's units in its order (by decreasing
     * score).
     */
    public static List<KickUnit> of(KickNeuronDetector.KickGroup... groups) {
        Objects.requireNonNull(groups, "groups");
        List<KickUnit> units = new ArrayList<>();
        for (KickNeuronDetector.KickGroup g : groups) {
            Objects.requireNonNull(g, "groups[i]");
            for (int i : g.neurons()) {
                units.add(new KickUnit(g.from(), g.to(), i, g.scores()[i], g.silentFraction()[i], g.activeFraction()[i]));
            }
        }
        return List.copyOf(units);
    }

    /**
     * The units of kick groups, group after group in their order, each unit once (the first time
     * it appears): the six kick units of the paper's two triplets when the groups are disjoint.
     */
    public static int[] distinctUnits(KickNeuronDetector.KickGroup... groups) {
        Objects.requireNonNull(groups, "groups");
        Set<Integer> units = new LinkedHashSet<>();
        for (KickNeuronDetector.KickGroup g : groups) {
            for (int i : Objects.requireNonNull(g, "groups[i]").neurons()) {
                units.add(i);
            }
        }
        return units.stream().mapToInt(Integer::intValue).toArray();
    }
}
