package org.phasebook.hmm;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.phasebook.random.SeedSequence;

/**
 * The six HMMs that the RNNs of Torre et al., arXiv:2510.25674, are trained to emulate (brief
 * {@code hmm-rnn.md} §2), with their labels and the training sequence lengths of the authors'
 * configuration. All have 3 symbols, a uniform start distribution and symmetric (hence doubly
 * stochastic) transition matrices, so the uniform start is stationary.
 */
public enum BenchmarkHmm {
    /** 2-state linear chain, trained on sequences of length 100. */
    LINEAR_CHAIN_2(100),
    /** 3-state linear chain, trained on sequences of length 30. */
    LINEAR_CHAIN_3(30),
    /** 4-state linear chain, trained on sequences of length 30. */
    LINEAR_CHAIN_4(30),
    /** 5-state linear chain, trained on sequences of length 40. */
    LINEAR_CHAIN_5(40),
    /** Fully connected 3-state HMM, trained on sequences of length 30. */
    FULLY_CONNECTED_3(30),
    /** Cyclic 4-state HMM, trained on sequences of length 40. */
    CYCLIC_4(40);

    /** Sequences per HMM in the paper's data sets (10,000 train, validation and test each). */
    public static final int PAPER_SEQUENCES = 30_000;

    /** The evaluation sequence length of the paper's metrics, for every HMM. */
    public static final int EVALUATION_LENGTH = 100;

    private final int trainingLength;

    BenchmarkHmm(int trainingLength) {
        this.trainingLength = trainingLength;
    }

    /** A fresh model, built by the matching {@link CategoricalHmm} factory. */
    public CategoricalHmm hmm() {
        return switch (this) {
            case LINEAR_CHAIN_2 -> CategoricalHmm.linearChain(2);
            case LINEAR_CHAIN_3 -> CategoricalHmm.linearChain(3);
            case LINEAR_CHAIN_4 -> CategoricalHmm.linearChain(4);
            case LINEAR_CHAIN_5 -> CategoricalHmm.linearChain(5);
            case FULLY_CONNECTED_3 -> CategoricalHmm.fullyConnected3();
            case CYCLIC_4 -> CategoricalHmm.cyclic4();
        };
    }

    /** The label, the same as {@code hmm().name()}, e.g. "2-state linear chain". */
    public String label() {
        return hmm().name();
    }

    /** The training sequence length {@code T} of the paper's configuration (brief §2 table). */
    public int trainingLength() {
        return trainingLength;
    }

    /**
     * One sample of every HMM: {@code count} sequences of {@code length} symbols each, the sample
     * of HMM {@code b} drawn with {@code seeds.generator(b.ordinal())}, so that it does not depend
     * on which other HMMs are drawn.
     *
     * @param count  sequences per HMM, {@code >= 0}
     * @param length symbols per sequence, {@code >= 1}
     * @param seeds  the seeds, one stream per HMM
     * @return the samples, in the order of {@link #values()}
     */
    public static Map<BenchmarkHmm, int[][]> sampleEach(int count, int length, SeedSequence seeds) {
        Objects.requireNonNull(seeds, "seeds");
        Map<BenchmarkHmm, int[][]> samples = new EnumMap<>(BenchmarkHmm.class);
        for (BenchmarkHmm b : values()) {
            samples.put(b, new HmmSampler(b.hmm()).sample(count, length, seeds.generator(b.ordinal())));
        }
        return samples;
    }

    /**
     * The HMM with a given label or constant name, ignoring case, spaces, hyphens and
     * underscores: "2-state linear chain", "LINEAR_CHAIN_2" and "cyclic 4" all work if they
     * match a label or a constant name.
     *
     * @throws IllegalArgumentException listing the labels when none matches
     */
    public static BenchmarkHmm fromLabel(String label) {
        String key = normalise(label);
        StringBuilder known = new StringBuilder();
        for (BenchmarkHmm h : values()) {
            if (normalise(h.label()).equals(key) || normalise(h.name()).equals(key)) {
                return h;
            }
            known.append(known.length() == 0 ? "" : ", ").append('"').append(h.label()).append('"');
        }
        throw new IllegalArgumentException("label \"" + label + "\" names none of the paper's HMMs: " + known);
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }
}
