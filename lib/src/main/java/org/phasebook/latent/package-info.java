/**
 * Latent-dynamics models of spiking populations (LangevinFlow, arXiv:2507.11531, and its
 * baselines), and the data and metrics they are judged by.
 *
 * <p>This first part is plain Java, without DJL:
 * <ul>
 *   <li>the synthetic recipe {@code lorenz-v1} (brief {@code shared/papers/langevin-flow.md} §5):
 *       {@link org.phasebook.latent.LorenzRecipe} (sizes and seed),
 *       {@link org.phasebook.latent.LorenzGenerator} (the exact draw order), the immutable
 *       {@link org.phasebook.latent.LorenzDataset}, and its files in {@code datasets/lorenz-v1/}
 *       ({@link org.phasebook.latent.LorenzDatasetFiles},
 *       {@link org.phasebook.latent.GenerateLorenzDataset});</li>
 *   <li>the Neural Latents Benchmark's tensor layout ({@link org.phasebook.latent.NlbTensors},
 *       {@link org.phasebook.latent.NlbTensorFiles}) and its rate submissions
 *       ({@link org.phasebook.latent.NlbRates});</li>
 *   <li>the metrics of nlb_tools (§6): {@link org.phasebook.latent.SpikeMetrics} (Poisson NLL,
 *       bits per spike), {@link org.phasebook.latent.RSquared} (sklearn's {@code r2_score}),
 *       ridge decoding with sklearn-style grid search
 *       ({@link org.phasebook.latent.RidgeRegression},
 *       {@link org.phasebook.latent.RidgeGridSearch}), gathered in
 *       {@link org.phasebook.latent.NlbScores} and {@link org.phasebook.latent.LorenzScores};</li>
 *   <li>the baselines of §7.1–7.2: {@link org.phasebook.latent.SmoothingBaseline} (Gaussian
 *       smoothing, {@link org.phasebook.latent.GaussianSmoothing}, and a Poisson GLM,
 *       {@link org.phasebook.latent.PoissonGlm}) and {@link org.phasebook.latent.PsthBaseline}.</li>
 * </ul>
 *
 * <p>Rates are always expected counts per bin, never Hz. Arrays are indexed
 * {@code [trial][bin][neuron]} as nlb_tools' tensors are. The package imports neither
 * {@code plot} nor {@code notebook}; figures are drawn from its results elsewhere.
 */
package org.phasebook.latent;
