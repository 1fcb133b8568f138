package org.phasebook.bench.hmm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.phasebook.hmm.BenchmarkHmm;
import org.phasebook.hmm.HmmSampler;
import org.phasebook.hmm.NoiseDrivenRnn;
import org.phasebook.hmm.RnnNoise;
import org.phasebook.hmm.RnnParameters;
import org.phasebook.hmm.RnnTrainer;
import org.phasebook.hmm.RnnTrainingParameters;
import org.phasebook.hmm.RnnTrainingSeeds;
import org.phasebook.hmm.RnnTrainingStep;
import org.phasebook.hmm.TrainedRnn;
import org.phasebook.nn.LossHistory;
import org.phasebook.nn.TrainingListener;
import org.phasebook.nn.AdamParameters;
import org.phasebook.nn.SinkhornParameters;
import org.phasebook.nn.Torch;

/**
 * Times one training step of the HMM-emulating RNN (forward, Sinkhorn loss, backward,
 * clipping, Adam) and one validation evaluation (forward and loss only) in DJL on one thread,
 * at the sizes of brief hmm-rnn.md §5, and writes the medians to a results file that
 * rnn_step_torch.py prints beside PyTorch's.
 *
 * <pre>java -cp ... org.phasebook.bench.hmm.RnnStepBench WORK_DIR WARMUP STEPS TRAIN_STEPS SIZE...</pre>
 * SIZE is "default" (3-state chain, T = 30, H = 50, d = 10, B = 512) or "mechanism" (2-state
 * chain, T = 100, H = 150, d = 100, B = 512). For each size it also writes, to WORK_DIR, the
 * inputs of one step (initial weights, noise, HMM batch) with DJL's loss and gradient norm on
 * them, which the Python script recomputes. With TRAIN_STEPS > 0 it runs a real training of
 * that many steps with the size's training parameters (RnnTrainer, 10,000 training and 10,000
 * validation sequences, batch 512) and reports its wall time. Results go to
 * WORK_DIR/results.txt as "size key values..." lines.
 */
public final class RnnStepBench {

    private RnnStepBench() {
    }

    /** One benchmark size. */
    record Size(String name, BenchmarkHmm hmm, int hidden, int inputs, int batch) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: RnnStepBench WORK_DIR WARMUP STEPS TRAIN_STEPS "
                + "default|mechanism ...");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        int trainSteps = Integer.parseInt(args[3]);
        List<String> names = Arrays.asList(args).subList(4, args.length);
        Torch torch = Torch.start();
        System.err.println(torch);
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            Size size = switch (name) {
                case "default" -> new Size(name, BenchmarkHmm.LINEAR_CHAIN_3, 50, 10, 512);
                case "mechanism" -> new Size(name, BenchmarkHmm.LINEAR_CHAIN_2, 150, 100, 512);
                default -> throw new IllegalArgumentException("unknown size " + name);
            };
            lines.addAll(run(torch, size, warmup, steps, work));
            if (trainSteps > 0) {
                lines.add(train(torch, size, trainSteps));
            }
        }
        Path out = work.resolve("results.txt");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            lines.forEach(w::println);
        }
    }

    private static List<String> run(Torch torch, Size size, int warmup, int steps, Path work)
        throws IOException {
        int t = size.hmm().trainingLength();
        int b = size.batch();
        RnnParameters p = RnnParameters.paper(size.hidden(), size.inputs());
        int[][] data = new HmmSampler(size.hmm().hmm()).sample(b, t, new SplittableRandom(1));
        SplittableRandom noiseRandom = new SplittableRandom(2);
        double[] stepMs = new double[steps];
        double[] lossMs = new double[steps];
        double[] noiseMs = new double[steps];
        String checkLine;
        double firstLoss = Double.NaN;
        double lastLoss = Double.NaN;
        try (NDManager manager = torch.newManager();
             NoiseDrivenRnn rnn = NoiseDrivenRnn.initialise(p, manager, DataType.FLOAT32,
                 new SplittableRandom(3));
             RnnTrainingStep step = new RnnTrainingStep(torch, rnn, AdamParameters.paper(), 0.9,
                 SinkhornParameters.paper())) {
            NDArray targets = RnnTrainingStep.oneHot(manager, data, 0, b, p.outputs(),
                DataType.FLOAT32);
            // The inputs of the first step, for the Python script to recompute loss and norm.
            rnn.floatWeights().save(work.resolve(size.name() + ".weights"));
            RnnNoise first = RnnNoise.draw(b, t, p.inputs(), p.outputs(), new SplittableRandom(4));
            writeFloats(work.resolve(size.name() + ".normals.f32"), first.normals());
            writeFloats(work.resolve(size.name() + ".gumbels.f32"), first.gumbels());
            byte[] symbols = new byte[b * t];
            for (int n = 0; n < b; n++) {
                for (int s = 0; s < t; s++) {
                    symbols[n * t + s] = (byte) data[n][s];
                }
            }
            Files.write(work.resolve(size.name() + ".targets.i8"), symbols);
            RnnTrainingStep.Result check = step.step(first, targets);
            checkLine = String.format(Locale.ROOT, "%s djl_check %.9g %.9g", size.name(),
                check.loss(), check.gradientNorm());
            for (int i = -warmup; i < steps; i++) {
                long t0 = System.nanoTime();
                RnnNoise noise = RnnNoise.draw(b, t, p.inputs(), p.outputs(), noiseRandom);
                long t1 = System.nanoTime();
                RnnTrainingStep.Result r = step.step(noise, targets);
                long t2 = System.nanoTime();
                step.loss(noise, targets);
                long t3 = System.nanoTime();
                if (i == -warmup) {
                    firstLoss = r.loss();
                }
                lastLoss = r.loss();
                if (i >= 0) {
                    noiseMs[i] = (t1 - t0) / 1e6;
                    stepMs[i] = (t2 - t1) / 1e6;
                    lossMs[i] = (t3 - t2) / 1e6;
                }
            }
        }
        String key = size.name();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s config T=%d H=%d d=%d B=%d steps=%d warmup=%d",
            key, t, size.hidden(), size.inputs(), b, steps, warmup));
        lines.add(checkLine);
        lines.add(String.format(Locale.ROOT, "%s djl_step_ms %.3f", key, median(stepMs)));
        lines.add(String.format(Locale.ROOT, "%s djl_loss_only_ms %.3f", key, median(lossMs)));
        lines.add(String.format(Locale.ROOT, "%s java_noise_ms %.3f", key, median(noiseMs)));
        lines.add(String.format(Locale.ROOT, "%s djl_first_last_loss %.5f %.5f", key, firstLoss,
            lastLoss));
        lines.forEach(System.err::println);
        return lines;
    }

    private static String train(Torch torch, Size size, int steps) {
        RnnParameters p = RnnParameters.paper(size.hidden(), size.inputs());
        RnnTrainingParameters tp = (size.name().equals("mechanism")
            ? RnnTrainingParameters.mechanism(size.hmm())
            : RnnTrainingParameters.defaults(size.hmm())).withSteps(steps);
        long[] last = {System.nanoTime()};
        TrainedRnn r = new RnnTrainer(torch, p, tp, RnnTrainingSeeds.of(1)).train(size.hmm().hmm(),
            size.hmm().trainingLength(), new TrainingListener() {
                @Override
                public void onStep(Step s) {
                }

                @Override
                public void onEpoch(Epoch e) {
                    long now = System.nanoTime();
                    System.err.printf(Locale.ROOT, "epoch %d: %d steps, train %.4f, validation "
                        + "%.4f (%.1f s)%n", e.epoch(), e.steps(), e.trainingLoss(),
                        e.validationLoss(), (now - last[0]) / 1e9);
                    last[0] = now;
                }
            });
        LossHistory h = r.history();
        String line = String.format(Locale.ROOT, "%s train_seconds %.1f s for %d steps (%d epochs, "
            + "validation loss %.4f -> %.4f, best %.4f at epoch %d, %d checkpoints)", size.name(),
            r.seconds(), h.steps(), h.epochs(), h.epochValidationLosses()[0],
            h.epochValidationLosses()[h.epochs() - 1], h.bestValidationLoss(), h.bestEpoch(),
            r.checkpoints().size());
        System.err.println(line);
        return line;
    }

    private static void writeFloats(Path file, float[] values) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 * values.length);
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
