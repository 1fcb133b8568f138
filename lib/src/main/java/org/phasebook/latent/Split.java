package org.phasebook.latent;

/**
 * The two trial splits of an nlb_tools tensor set: training trials and evaluation (validation)
 * trials. {@link #prefix()} is the prefix nlb_tools puts in front of its array names
 * ({@code train_spikes_heldin}, {@code eval_spikes_heldout}, ...).
 */
public enum Split {
    /** Trials a model is fitted on. */
    TRAIN("train"),
    /** Trials it is scored on (nlb_tools' "eval"; the recipe's validation trials). */
    EVAL("eval");

    private final String prefix;

    Split(String prefix) {
        this.prefix = prefix;
    }

    /** {@code "train"} or {@code "eval"}. */
    public String prefix() {
        return prefix;
    }
}
