package org.phasebook.latent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One data set in the tensor layout of the Neural Latents Benchmark's {@code nlb_tools}: the
 * arrays that {@code make_train_input_tensors}, {@code make_eval_input_tensors} and
 * {@code make_eval_target_tensors} return, under the same names ({@link #KEYS}), each indexed
 * {@code [trial][bin][channel]}.
 *
 * <ul>
 *   <li>{@code train_spikes_heldin}, {@code train_spikes_heldout}: training trials, observed
 *       bins ({@code T_o}), held-in ({@code N_in}) and held-out ({@code N_out}) neurons;</li>
 *   <li>{@code eval_spikes_heldin}, {@code eval_spikes_heldout}: the same for evaluation
 *       trials;</li>
 *   <li>optional {@code <split>_spikes_heldin_forward}, {@code <split>_spikes_heldout_forward}:
 *       the {@code T_f} bins after the observed ones (both or neither per split);</li>
 *   <li>optional {@code train_behavior}, {@code eval_behavior}: the decoding target per
 *       observed bin, {@code [trial][T_o][B]} (both or neither).</li>
 * </ul>
 *
 * <p>Counts are doubles because nlb_tools pads with NaN where a trial has no data; a NaN count
 * is skipped by {@link SpikeMetrics}, a behaviour row whose first entry is NaN is dropped from
 * decoding. Every other entry must be finite, counts {@code >= 0}. All arrays are copied in and
 * out; {@link #equals(Object)} compares contents.
 *
 * @param trainSpikesHeldin         {@code train_spikes_heldin}, required
 * @param trainSpikesHeldout        {@code train_spikes_heldout}, required
 * @param trainSpikesHeldinForward  {@code train_spikes_heldin_forward}, or null
 * @param trainSpikesHeldoutForward {@code train_spikes_heldout_forward}, or null
 * @param evalSpikesHeldin          {@code eval_spikes_heldin}, required
 * @param evalSpikesHeldout         {@code eval_spikes_heldout}, required (scoring needs it)
 * @param evalSpikesHeldinForward   {@code eval_spikes_heldin_forward}, or null
 * @param evalSpikesHeldoutForward  {@code eval_spikes_heldout_forward}, or null
 * @param trainBehavior             {@code train_behavior}, or null
 * @param evalBehavior              {@code eval_behavior}, or null
 */
public record NlbTensors(double[][][] trainSpikesHeldin, double[][][] trainSpikesHeldout,
        double[][][] trainSpikesHeldinForward, double[][][] trainSpikesHeldoutForward,
        double[][][] evalSpikesHeldin, double[][][] evalSpikesHeldout,
        double[][][] evalSpikesHeldinForward, double[][][] evalSpikesHeldoutForward,
        double[][][] trainBehavior, double[][][] evalBehavior) {

    /** The nlb_tools names of the ten arrays, in the order of the record components. */
    public static final List<String> KEYS = List.of(
            "train_spikes_heldin", "train_spikes_heldout",
            "train_spikes_heldin_forward", "train_spikes_heldout_forward",
            "eval_spikes_heldin", "eval_spikes_heldout",
            "eval_spikes_heldin_forward", "eval_spikes_heldout_forward",
            "train_behavior", "eval_behavior");

    /** The names that must be present. */
    public static final List<String> REQUIRED = List.of(
            "train_spikes_heldin", "train_spikes_heldout",
            "eval_spikes_heldin", "eval_spikes_heldout");

    /** Checks presence, shapes and values (see the class comment) and copies every array. */
    public NlbTensors {
        int[] trIn = Tensors.shape("train_spikes_heldin", required("train_spikes_heldin",
                trainSpikesHeldin), true, true);
        int[] trOut = Tensors.shape("train_spikes_heldout", required("train_spikes_heldout",
                trainSpikesHeldout), true, true);
        int[] evIn = Tensors.shape("eval_spikes_heldin", required("eval_spikes_heldin",
                evalSpikesHeldin), true, true);
        int[] evOut = Tensors.shape("eval_spikes_heldout", required("eval_spikes_heldout",
                evalSpikesHeldout), true, true);
        if (trIn[0] < 1 || evIn[0] < 1) {
            throw new IllegalArgumentException("train and eval must hold at least one trial "
                    + "each, got " + trIn[0] + " and " + evIn[0]);
        }
        if (trIn[1] < 1) {
            throw new IllegalArgumentException("train_spikes_heldin must have at least one "
                    + "bin, got 0");
        }
        if (trIn[2] < 1 || trOut[2] < 1) {
            throw new IllegalArgumentException("there must be at least one held-in and one "
                    + "held-out neuron, got " + trIn[2] + " and " + trOut[2]);
        }
        int to = trIn[1];
        int nIn = trIn[2];
        int nOut = trOut[2];
        expect("train_spikes_heldout", trOut, trIn[0], to, nOut);
        expect("eval_spikes_heldin", evIn, evIn[0], to, nIn);
        expect("eval_spikes_heldout", evOut, evIn[0], to, nOut);
        int trainForward = forwardBins("train", trainSpikesHeldinForward,
                trainSpikesHeldoutForward, trIn[0], nIn, nOut);
        int evalForward = forwardBins("eval", evalSpikesHeldinForward,
                evalSpikesHeldoutForward, evIn[0], nIn, nOut);
        if (trainForward >= 0 && evalForward >= 0 && trainForward != evalForward) {
            throw new IllegalArgumentException("train and eval forward arrays must have the "
                    + "same number of bins, got " + trainForward + " and " + evalForward);
        }
        if ((trainBehavior == null) != (evalBehavior == null)) {
            throw new IllegalArgumentException("train_behavior and eval_behavior must be given "
                    + "both or neither, got only "
                    + (trainBehavior == null ? "eval_behavior" : "train_behavior"));
        }
        if (trainBehavior != null) {
            int[] trB = Tensors.shape("train_behavior", trainBehavior, true, false);
            int[] evB = Tensors.shape("eval_behavior", evalBehavior, true, false);
            if (trB[2] < 1) {
                throw new IllegalArgumentException("train_behavior must have at least one "
                        + "channel, got 0");
            }
            expect("train_behavior", trB, trIn[0], to, trB[2]);
            expect("eval_behavior", evB, evIn[0], to, trB[2]);
        }
        trainSpikesHeldin = Tensors.copy(trainSpikesHeldin);
        trainSpikesHeldout = Tensors.copy(trainSpikesHeldout);
        trainSpikesHeldinForward = Tensors.copy(trainSpikesHeldinForward);
        trainSpikesHeldoutForward = Tensors.copy(trainSpikesHeldoutForward);
        evalSpikesHeldin = Tensors.copy(evalSpikesHeldin);
        evalSpikesHeldout = Tensors.copy(evalSpikesHeldout);
        evalSpikesHeldinForward = Tensors.copy(evalSpikesHeldinForward);
        evalSpikesHeldoutForward = Tensors.copy(evalSpikesHeldoutForward);
        trainBehavior = Tensors.copy(trainBehavior);
        evalBehavior = Tensors.copy(evalBehavior);
    }

    /**
     * The tensors from a map of nlb_tools names to arrays (as {@link NlbTensorFiles} reads them).
     *
     * @param arrays arrays by name; names outside {@link #KEYS} are rejected
     * @return the checked tensors
     */
    public static NlbTensors fromMap(Map<String, double[][][]> arrays) {
        for (String key : arrays.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown nlb_tools array '" + key
                        + "'; known: " + KEYS);
            }
        }
        return new NlbTensors(arrays.get(KEYS.get(0)), arrays.get(KEYS.get(1)),
                arrays.get(KEYS.get(2)), arrays.get(KEYS.get(3)), arrays.get(KEYS.get(4)),
                arrays.get(KEYS.get(5)), arrays.get(KEYS.get(6)), arrays.get(KEYS.get(7)),
                arrays.get(KEYS.get(8)), arrays.get(KEYS.get(9)));
    }

    /** The arrays present, by nlb_tools name in {@link #KEYS} order; copies. */
    public Map<String, double[][][]> toMap() {
        Map<String, double[][][]> out = new LinkedHashMap<>();
        double[][][][] all = raw();
        for (int i = 0; i < all.length; i++) {
            if (all[i] != null) {
                out.put(KEYS.get(i), Tensors.copy(all[i]));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The names of the arrays present, in {@link #KEYS} order. */
    public List<String> present() {
        List<String> out = new ArrayList<>();
        double[][][][] all = raw();
        for (int i = 0; i < all.length; i++) {
            if (all[i] != null) {
                out.add(KEYS.get(i));
            }
        }
        return out;
    }

    /** Training trials. */
    public int trainTrials() {
        return trainSpikesHeldin.length;
    }

    /** Evaluation trials. */
    public int evalTrials() {
        return evalSpikesHeldin.length;
    }

    /** {@code T_o}, the observed bins. */
    public int observedBins() {
        return trainSpikesHeldin[0].length;
    }

    /** {@code T_f}, the forward bins, or 0 when no forward array is present. */
    public int forwardBins() {
        if (evalSpikesHeldinForward != null) {
            return evalSpikesHeldinForward[0].length;
        }
        return trainSpikesHeldinForward == null ? 0 : trainSpikesHeldinForward[0].length;
    }

    /** {@code N_in}, the held-in neurons. */
    public int heldInNeurons() {
        return trainSpikesHeldin[0][0].length;
    }

    /** {@code N_out - N_in}, the held-out neurons. */
    public int heldOutNeurons() {
        return trainSpikesHeldout[0][0].length;
    }

    /** Whether the evaluation forward arrays are present (fp-bps can be scored). */
    public boolean hasEvalForward() {
        return evalSpikesHeldinForward != null;
    }

    /** Whether the training forward arrays are present. */
    public boolean hasTrainForward() {
        return trainSpikesHeldinForward != null;
    }

    /** Whether behaviour is present (velocity decoding can be scored). */
    public boolean hasBehavior() {
        return trainBehavior != null;
    }

    @Override
    public double[][][] trainSpikesHeldin() {
        return Tensors.copy(trainSpikesHeldin);
    }

    @Override
    public double[][][] trainSpikesHeldout() {
        return Tensors.copy(trainSpikesHeldout);
    }

    @Override
    public double[][][] trainSpikesHeldinForward() {
        return Tensors.copy(trainSpikesHeldinForward);
    }

    @Override
    public double[][][] trainSpikesHeldoutForward() {
        return Tensors.copy(trainSpikesHeldoutForward);
    }

    @Override
    public double[][][] evalSpikesHeldin() {
        return Tensors.copy(evalSpikesHeldin);
    }

    @Override
    public double[][][] evalSpikesHeldout() {
        return Tensors.copy(evalSpikesHeldout);
    }

    @Override
    public double[][][] evalSpikesHeldinForward() {
        return Tensors.copy(evalSpikesHeldinForward);
    }

    @Override
    public double[][][] evalSpikesHeldoutForward() {
        return Tensors.copy(evalSpikesHeldoutForward);
    }

    @Override
    public double[][][] trainBehavior() {
        return Tensors.copy(trainBehavior);
    }

    @Override
    public double[][][] evalBehavior() {
        return Tensors.copy(evalBehavior);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NlbTensors other && Arrays.deepEquals(raw(), other.raw());
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(raw());
    }

    @Override
    public String toString() {
        return "NlbTensors[train " + trainTrials() + " trials, eval " + evalTrials()
                + " trials, T_o " + observedBins() + ", T_f " + forwardBins() + ", held-in "
                + heldInNeurons() + ", held-out " + heldOutNeurons() + ", arrays " + present()
                + "]";
    }

    private double[][][][] raw() {
        return new double[][][][] {trainSpikesHeldin, trainSpikesHeldout,
            trainSpikesHeldinForward, trainSpikesHeldoutForward, evalSpikesHeldin,
            evalSpikesHeldout, evalSpikesHeldinForward, evalSpikesHeldoutForward, trainBehavior,
            evalBehavior};
    }

    private static double[][][] required(String name, double[][][] a) {
        if (a == null) {
            throw new IllegalArgumentException("the nlb_tools array " + name
                    + " is required but missing");
        }
        return a;
    }

    private static void expect(String name, int[] shape, int trials, int bins, int channels) {
        if (shape[0] != trials || shape[1] != bins || shape[2] != channels) {
            throw new IllegalArgumentException(name + " must have shape [" + trials + ", "
                    + bins + ", " + channels + "], got " + Arrays.toString(shape));
        }
    }

    /** The forward bins of a split, -1 when it has no forward arrays. */
    private static int forwardBins(String split, double[][][] heldin, double[][][] heldout,
            int trials, int nIn, int nOut) {
        if ((heldin == null) != (heldout == null)) {
            throw new IllegalArgumentException(split + "_spikes_heldin_forward and " + split
                    + "_spikes_heldout_forward must be given both or neither");
        }
        if (heldin == null) {
            return -1;
        }
        int[] in = Tensors.shape(split + "_spikes_heldin_forward", heldin, true, true);
        int[] out = Tensors.shape(split + "_spikes_heldout_forward", heldout, true, true);
        if (in[1] < 1) {
            throw new IllegalArgumentException(split + "_spikes_heldin_forward must have at "
                    + "least one bin (leave the forward arrays out instead), got 0");
        }
        expect(split + "_spikes_heldin_forward", in, trials, in[1], nIn);
        expect(split + "_spikes_heldout_forward", out, trials, in[1], nOut);
        return in[1];
    }
}
