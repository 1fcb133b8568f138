/**
 * Latent-dynamics models of spiking populations (LangevinFlow, arXiv:2507.11531, and its
 * baselines), and the data and metrics they are judged by.
 *
 * <p>The data and metrics are plain Java, without DJL:
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
 * <p>The models, in DJL (PyTorch engine, one thread; see {@code org.phasebook.nn}):
 * <ul>
 *   <li>{@link org.phasebook.latent.LatentModel}, an architecture whose forward pass is a
 *       function of a weight map, with {@link org.phasebook.latent.LatentShape} (bins and
 *       neurons) and {@link org.phasebook.latent.LatentData} (trials ready for upload);</li>
 *   <li>{@link org.phasebook.latent.LangevinFlow} as released (§2): GRU encoder, underdamped
 *       Langevin latents with the {@link org.phasebook.latent.CoupledOscillatorPotential}, a
 *       post-norm transformer decoder; and the baseline
 *       {@link org.phasebook.latent.LfadsLite} (§7.3);</li>
 *   <li>training: {@link org.phasebook.latent.LatentTrainingStep} (coordinated dropout, the
 *       masked Poisson NLL, KL, Adam with coupled decay), {@link org.phasebook.latent.LatentTrainer}
 *       (ramps, plateau schedule, best checkpoint) with {@link org.phasebook.latent.LatentTrainingParameters},
 *       every random draw from a seeded {@link org.phasebook.latent.TensorNoise};</li>
 *   <li>after training: {@link org.phasebook.latent.LatentInference} (geometric-mean rates over
 *       samples, latents), {@link org.phasebook.latent.LatentDecoder} (ridge read-out of a known
 *       state from latents), and the trained models of {@code datasets/langevin-flow/}
 *       ({@link org.phasebook.latent.LatentModelDataset}, written by
 *       {@link org.phasebook.latent.TrainLatentModels}, built from
 *       {@link org.phasebook.latent.LatentArchitecture}).</li>
 * </ul>
 *
 * <p>Rates are always expected counts per bin, never Hz. Arrays are indexed
 * {@code [trial][bin][neuron]} as nlb_tools' tensors are. The package imports neither
 * {@code plot} nor {@code notebook}; figures are drawn from its results elsewhere.
 */
package org.phasebook.latent;
