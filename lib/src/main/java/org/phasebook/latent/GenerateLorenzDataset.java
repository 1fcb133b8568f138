package org.phasebook.latent;

import java.nio.file.Path;
import java.util.Map;

/**
 * The command that writes a {@code lorenz-v1} data set:
 * <pre>
 *   java -cp lib/target/classes:$(cat lib/target/classpath.txt) \
 *       org.phasebook.latent.GenerateLorenzDataset [default|quick] [--seed S] [--out DIR]
 * </pre>
 * {@code default} (the default) writes {@link LorenzRecipe#defaults()} into the repository's
 * {@code datasets/lorenz-v1/}; {@code quick} ({@link LorenzRecipe#quick()}) and any other seed
 * need {@code --out}, so that the committed folder only ever holds the default recipe with seed
 * 0. Prints one line per file with its size and SHA-256.
 */
public final class GenerateLorenzDataset {

    private GenerateLorenzDataset() {
    }

    /**
     * Runs the command.
     *
     * @param args {@code [default|quick] [--seed S] [--out DIR]}
     */
    public static void main(String[] args) {
        String scale = "default";
        Long seed = null;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "default", "quick" -> scale = args[i];
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; usage: [default|quick] [--seed S] [--out DIR]");
            }
        }
        LorenzRecipe recipe = scale.equals("quick") ? LorenzRecipe.quick()
                : LorenzRecipe.defaults();
        if (seed != null) {
            recipe = recipe.withSeed(seed);
        }
        if (out == null) {
            if (!recipe.equals(LorenzRecipe.defaults())) {
                throw new IllegalArgumentException("the committed folder holds the default "
                        + "recipe with seed 0 only; give --out DIR for " + scale + " with seed "
                        + recipe.seed());
            }
            out = LorenzDatasetFiles.locate();
        }
        StringBuilder command = new StringBuilder("java -cp lib/target/classes:$(cat "
                + "lib/target/classpath.txt) " + GenerateLorenzDataset.class.getName() + " "
                + scale);
        if (seed != null) {
            command.append(" --seed ").append(seed);
        }
        Path committed = LorenzDatasetFiles.locateOrNull();
        if (committed == null || !out.toAbsolutePath().normalize().equals(committed)) {
            command.append(" --out ").append(out);
        }
        long start = System.nanoTime();
        LorenzDataset dataset = LorenzGenerator.generate(recipe);
        Map<String, LorenzDatasetFiles.FileChecksum> sums =
                LorenzDatasetFiles.write(dataset, out, command.toString());
        long total = 0;
        for (Map.Entry<String, LorenzDatasetFiles.FileChecksum> e : sums.entrySet()) {
            System.out.printf("%-36s %9d bytes  %s%n", e.getKey(), e.getValue().bytes(),
                    e.getValue().sha256());
            total += e.getValue().bytes();
        }
        System.out.printf("%s: %d files, %d bytes, %.1f s%n", out.toAbsolutePath(), sums.size(),
                total, (System.nanoTime() - start) / 1e9);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }
}
