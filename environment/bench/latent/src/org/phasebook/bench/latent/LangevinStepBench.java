package org.phasebook.bench.latent;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.phasebook.latent.LangevinFlow;
import org.phasebook.latent.LangevinFlowParameters;
import org.phasebook.latent.LatentData;
import org.phasebook.latent.LatentShape;
import org.phasebook.latent.LatentTrainingParameters;
import org.phasebook.latent.LatentTrainingStep;
import org.phasebook.latent.LorenzDataset;
import org.phasebook.latent.LorenzGenerator;
import org.phasebook.latent.LorenzRecipe;
import org.phasebook.latent.Split;
import org.phasebook.latent.TensorNoise;
import org.phasebook.nn.NamedWeights;
import org.phasebook.nn.Torch;
import org.phasebook.nn.WeightSnapshot;

/**
 * Times one training step of LangevinFlow ({@link LatentTrainingStep#step}: coordinated
 * dropout, forward pass with dropout and sampling noise drawn in Java, Poisson NLL with the
 * CD gradient mask, KL, backward, Adam with coupled weight decay) and one validation
 * evaluation ({@link LatentTrainingStep#evaluate}) in DJL on one thread, at the notebook's
 * scales (brief {@code langevin-flow.md} §9), and writes the medians to a results file that
 * {@code langevin_step_torch.py} prints beside PyTorch's.
 *
 * <pre>java -cp ... org.phasebook.bench.latent.LangevinStepBench WORK_DIR WARMUP STEPS SIZE...</pre>
 * SIZE is "default" ({@code lorenz-v1} default data, {@link LangevinFlowParameters#defaults()},
 * {@link LatentTrainingParameters#defaults()}: H = 64, d = 192, 2 heads, FF 512, batch 64) or
 * "quick" (quick data and parameters: H = 32, d = 96, FF 128, batch 32). Every step uses the
 * rate, decay and KL weight at full ramp (3e-3, 2e-5, 0.1).
 *
 * <p>For the parity check it also writes, per size, to WORK_DIR: the initial weights
 * ({@code KEY.init.weights}, {@link WeightSnapshot} format, kernel {@code K = 0}) and the same
 * weights with a random {@code K} ({@code KEY.kernel.weights}), one batch's input and targets
 * ({@code KEY.x.f32}, {@code KEY.y.f32}) and the sampling noise of one pass
 * ({@code KEY.noise.f32}: {@code ε_z}, {@code ε_v}, then {@code ξ}, in the order the model
 * draws them), all big-endian float32, with DJL's loss, reconstruction, KL and gradient norm
 * of one step on them with dropout 0 and CD keep 1. Results go to WORK_DIR/results.txt as
 * "size key values..." lines.
 */
public final class LangevinStepBench {

    /** The KL weight, rate and decay of every timed step (the default schedule at full ramp). */
    private static final double KL_WEIGHT = 0.1;
    private static final double LEARNING_RATE = 3e-3;
    private static final double WEIGHT_DECAY = 2e-5;
    /** Seeds: weights, batch choice, timing noise, parity noise, random kernel, noise timing. */
    private static final long WEIGHT_SEED = 1;
    private static final long BATCH_SEED = 2;
    private static final long NOISE_SEED = 3;
    private static final long PARITY_NOISE_SEED = 4;
    private static final long KERNEL_SEED = 5;

    private LangevinStepBench() {
    }

    /** One benchmark size. */
    record Size(String name, LorenzRecipe recipe, LangevinFlowParameters model,
                LatentTrainingParameters training) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: LangevinStepBench WORK_DIR WARMUP STEPS default|quick ...");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        List<String> names = Arrays.asList(args).subList(3, args.length);
        Torch torch = Torch.start();
        System.err.println(torch);
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            Size size = switch (name) {
                case "default" -> new Size(name, LorenzRecipe.defaults(),
                    LangevinFlowParameters.defaults(), LatentTrainingParameters.defaults());
                case "quick" -> new Size(name, LorenzRecipe.quick(),
                    LangevinFlowParameters.quick(), LatentTrainingParameters.quick());
                default -> throw new IllegalArgumentException("unknown size " + name
                    + " (default or quick)");
            };
            lines.addAll(run(torch, size, warmup, steps, work));
        }
        Path out = work.resolve("results.txt");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            lines.forEach(w::println);
        }
    }

    private static List<String> run(Torch torch, Size size, int warmup, int steps, Path work)
        throws IOException {
        String key = size.name();
        LorenzDataset dataset = LorenzGenerator.generate(size.recipe());
        LatentData train = LatentData.of(dataset, Split.TRAIN);
        LatentShape shape = train.shape();
        LangevinFlowParameters p = size.model();
        LatentTrainingParameters tp = size.training();
        int b = tp.batchSize();
        int[] batch = Arrays.copyOf(permutation(train.trials(), new SplittableRandom(BATCH_SEED)),
            b);
        LangevinFlow model = new LangevinFlow(p, shape);
        List<String> lines = new ArrayList<>();
        int trainTrials = train.trials();
        int validationTrials = size.recipe().evalTrials();
        int validationBatch = Math.max(b, 64);
        lines.add(String.format(Locale.ROOT, "%s config T_o=%d T_f=%d N_in=%d N=%d H=%d heads=%d "
                + "ff=%d B=%d gamma=%s eta=%s dropout=%s keep=%s kl=%s lr=%s wd=%s steps=%d "
                + "warmup=%d epochs=%d steps_per_epoch=%d validation_batches=%d", key,
            shape.observedBins(), shape.forwardBins(), shape.heldIn(), shape.neurons(),
            p.hidden(), p.heads(), p.feedForward(), b, p.gamma(), p.eta(), p.dropout(),
            tp.cdKeep(), KL_WEIGHT, LEARNING_RATE, WEIGHT_DECAY, steps, warmup, tp.epochs(),
            (trainTrials + b - 1) / b, (validationTrials + validationBatch - 1) / validationBatch));
        try (NDManager manager = torch.newManager();
             NamedWeights weights = model.initialise(manager, new SplittableRandom(WEIGHT_SEED))) {
            lines.add(String.format(Locale.ROOT, "%s parameters %d", key, weights.count()));
            WeightSnapshot init = weights.snapshot();
            lines.addAll(parity(torch, size, shape, train, batch, init, work));
            lines.addAll(time(torch, model, weights, tp, train, batch, warmup, steps, key));
            lines.add(String.format(Locale.ROOT, "%s java_noise_ms %.3f", key,
                noiseMs(manager, shape, p, tp, b, warmup, steps)));
        }
        lines.forEach(System.err::println);
        return lines;
    }

    /**
     * Writes the parity inputs and returns DJL's losses on them: one step with dropout 0 and
     * CD keep 1, once at the initial weights (K = 0) and once with a random kernel.
     */
    private static List<String> parity(Torch torch, Size size, LatentShape shape,
                                       LatentData train, int[] batch, WeightSnapshot init,
                                       Path work) throws IOException {
        String key = size.name();
        LangevinFlowParameters p = size.model();
        int b = batch.length;
        int t = shape.bins();
        int h = p.hidden();
        // The same weight shapes without dropout; CD keep 1 draws no masks either.
        LangevinFlow noDropout = new LangevinFlow(new LangevinFlowParameters(p.hidden(),
            p.heads(), p.feedForward(), p.gamma(), p.eta(), 0), shape);
        LatentTrainingParameters noCd = size.training().withCdKeep(1);
        Map<String, WeightSnapshot.Tensor> tensors = new LinkedHashMap<>(init.tensors());
        SplittableRandom kr = new SplittableRandom(KERNEL_SEED);
        float[] kernel = new float[4 * 4 * 3];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = (float) (0.5 * kr.nextGaussian());
        }
        tensors.put("potential.K", new WeightSnapshot.Tensor(new long[] {4, 4, 3}, kernel));
        WeightSnapshot withKernel = new WeightSnapshot(tensors);
        init.write(work.resolve(key + ".init.weights"));
        withKernel.write(work.resolve(key + ".kernel.weights"));
        List<String> lines = new ArrayList<>();
        try (NDManager m = torch.newManager()) {
            writeFloats(work.resolve(key + ".x.f32"), train.input(m, batch).toFloatArray());
            writeFloats(work.resolve(key + ".y.f32"), train.targets(m, batch).toFloatArray());
            // The draws the model makes without dropout, in its order: ε_z, ε_v, ξ.
            TensorNoise copy = TensorNoise.seeded(PARITY_NOISE_SEED);
            float[] ez = copy.normal(m, new Shape(b, h)).toFloatArray();
            float[] ev = copy.normal(m, new Shape(b, h)).toFloatArray();
            float[] xi = copy.normal(m, new Shape(t - 1, b, h)).toFloatArray();
            float[] all = new float[ez.length + ev.length + xi.length];
            System.arraycopy(ez, 0, all, 0, ez.length);
            System.arraycopy(ev, 0, all, ez.length, ev.length);
            System.arraycopy(xi, 0, all, ez.length + ev.length, xi.length);
            writeFloats(work.resolve(key + ".noise.f32"), all);
            String[] cases = {"init", "kernel"};
            WeightSnapshot[] snapshots = {init, withKernel};
            for (int c = 0; c < cases.length; c++) {
                try (NamedWeights w = noDropout.initialise(m, new SplittableRandom(0))) {
                    w.load(snapshots[c]);
                    try (LatentTrainingStep step = new LatentTrainingStep(torch, noDropout, w,
                        noCd)) {
                        LatentTrainingStep.Result r = step.step(train, batch,
                            TensorNoise.seeded(PARITY_NOISE_SEED), KL_WEIGHT, LEARNING_RATE,
                            WEIGHT_DECAY);
                        lines.add(String.format(Locale.ROOT, "%s parity_%s %.9g %.9g %.9g %.9g",
                            key, cases[c], r.loss(), r.reconstruction(), r.kl(),
                            r.gradientNorm()));
                    }
                }
            }
        }
        return lines;
    }

    private static List<String> time(Torch torch, LangevinFlow model, NamedWeights weights,
                                     LatentTrainingParameters tp, LatentData train, int[] batch,
                                     int warmup, int steps, String key) {
        double[] stepMs = new double[steps];
        double[] evalMs = new double[steps];
        double firstLoss = Double.NaN;
        double lastLoss = Double.NaN;
        TensorNoise noise = TensorNoise.seeded(NOISE_SEED);
        try (LatentTrainingStep step = new LatentTrainingStep(torch, model, weights, tp)) {
            for (int i = -warmup; i < steps; i++) {
                long t0 = System.nanoTime();
                // As LatentTrainer does: the next step's noise is drawn while this one computes.
                noise.beginPass(batch.length, batch.length);
                LatentTrainingStep.Result r = step.step(train, batch, noise, KL_WEIGHT,
                    LEARNING_RATE, WEIGHT_DECAY);
                long t1 = System.nanoTime();
                // The validation pass, timed on the training batch (same size as a full
                // validation batch at both scales).
                step.evaluate(train, batch, noise);
                long t2 = System.nanoTime();
                if (i == -warmup) {
                    firstLoss = r.loss();
                }
                lastLoss = r.loss();
                if (i >= 0) {
                    stepMs[i] = (t1 - t0) / 1e6;
                    evalMs[i] = (t2 - t1) / 1e6;
                }
            }
        }
        return List.of(
            String.format(Locale.ROOT, "%s djl_step_ms %.3f", key, median(stepMs)),
            String.format(Locale.ROOT, "%s djl_eval_ms %.3f", key, median(evalMs)),
            String.format(Locale.ROOT, "%s djl_first_last_loss %.5f %.5f", key, firstLoss,
                lastLoss));
    }

    /**
     * The median time of drawing, in Java, the noise one training step draws (CD masks,
     * encoder dropout, ε and ξ, the decoder's four dropout masks) and uploading it. The step
     * draws it on a second thread while the previous step computes, and uploads it itself.
     */
    private static double noiseMs(NDManager manager, LatentShape shape, LangevinFlowParameters p,
                                  LatentTrainingParameters tp, int b, int warmup, int steps) {
        int t = shape.bins();
        int h = p.hidden();
        int d = p.decoderWidth();
        double drop = p.dropout();
        Shape in = new Shape(b, shape.observedBins(), shape.heldIn());
        TensorNoise noise = TensorNoise.seeded(NOISE_SEED + 100);
        double[] ms = new double[steps];
        for (int i = -warmup; i < steps; i++) {
            long t0 = System.nanoTime();
            try (NDManager m = manager.newSubManager()) {
                noise.bernoulli(m, in, tp.cdKeep());
                noise.bernoulli(m, in, 1 - tp.cdKeep());
                noise.dropout(m, new Shape(t, b, h), drop);
                noise.normal(m, new Shape(b, h));
                noise.normal(m, new Shape(b, h));
                noise.normal(m, new Shape(t - 1, b, h));
                noise.dropout(m, new Shape(b, p.heads(), t, t), drop);
                noise.dropout(m, new Shape(b, t, d), drop);
                noise.dropout(m, new Shape(b, t, p.feedForward()), drop);
                noise.dropout(m, new Shape(b, t, d), drop);
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return median(ms);
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    private static void writeFloats(Path file, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        for (float v : values) {
            buffer.putFloat(v);
        }
        Files.write(file, buffer.array());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
