/**
 * Hidden Markov models with categorical outputs, their exact sequence statistics, and the
 * sample statistics and distances that test a generator (an RNN) against them (brief
 * {@code hmm-rnn.md}, after Torre et al., arXiv:2510.25674, §2, §6 and §7).
 *
 * <p><b>Model.</b> {@link org.phasebook.hmm.CategoricalHmm} is an immutable
 * {@code (pi, A, B)} triple, validated in its constructor (shapes, NaN, negative entries, rows
 * summing to 1 within 1e-9; errors name the matrix, row and value). Its factories build the
 * paper's six HMMs exactly: {@code linearChain(M)} for {@code M = 2..5}
 * ({@code q = 0.05^(1/(M-1))}, "linear" emissions), {@code fullyConnected3()} and
 * {@code cyclic4()}; {@link org.phasebook.hmm.BenchmarkHmm} lists them with their labels
 * ("2-state linear chain", ...) and the paper's training lengths.
 *
 * <p><b>Methods, kept apart from the model.</b> {@link org.phasebook.hmm.HmmSampler} draws
 * sequences in hmmlearn's order ({@code s_1 ~ pi}, emit {@code o_t ~ B[s_t]}, move
 * {@code s_{t+1} ~ A[s_t]}) from a {@link java.util.SplittableRandom}, one inverse-CDF draw per
 * event, so a seed fixes the data and a longer run extends a shorter one.
 * {@link org.phasebook.hmm.ForwardAlgorithm} gives log-likelihoods by the scaled forward
 * recursion, the per-symbol negative log-likelihood of a batch (the cross-entropy of §7) and a
 * Monte-Carlo entropy rate.
 *
 * <p><b>Exact statistics.</b> {@link org.phasebook.hmm.ExactStatistics} solves for the
 * stationary distribution and computes, by products of {@code A} and
 * {@code D_a = diag(B[., a])}: n-gram probabilities of any word and all of them for a given
 * {@code n}; the change probability and the expected changes per sequence; the output
 * transition matrix {@code P(o' | o)}; run weights, dwell distributions and the expected
 * histogram of complete runs in a sequence of length {@code T}. The paper's transition
 * matrices are symmetric, hence doubly stochastic, so the uniform start is stationary and
 * these statistics hold at every {@code t}.
 *
 * <p><b>Sample statistics and scores.</b> {@link org.phasebook.hmm.EmpiricalStatistics}
 * computes the same quantities from {@code int[][]} sequences (n-gram counts, volatility,
 * per-sequence symbol frequencies, the pooled output transition matrix, the histogram of
 * complete runs, with runs touching either end censored), summarised as
 * {@link org.phasebook.hmm.MeanSd} where the paper reports mean ± sd.
 * {@link org.phasebook.hmm.StatisticsComparison} turns them into five distances from the exact
 * statistics (n-gram KL with add-epsilon smoothing for {@code n = 1..3}, weighted total
 * variation of {@code P(o' | o)}, a 1-Wasserstein distance of complete-run lengths) and the
 * cross-entropy, collected in a {@link org.phasebook.hmm.ComparisonScore}; its noise floor
 * scores independent HMM samples of the same size, the yardstick for "RNN error at most
 * {@code k} times the floor"; {@link org.phasebook.hmm.FloorComparison} scores one network's
 * sample beside several such floors (figure F2), and {@link org.phasebook.hmm.CompleteRunLengths}
 * sets the exact length distribution of complete runs beside a sample's.
 * {@link org.phasebook.hmm.Ngrams} fixes the n-gram indexing
 * (first symbol most significant) shared by all n-gram arrays.
 *
 * <p><b>Why exact statistics.</b> The paper compares RNN samples with HMM samples only by eye
 * against an HMM–HMM band. Exact values remove one source of noise, make the tests of the
 * sampler itself oracle tests (multinomial standard errors around exact probabilities), and
 * separate two questions: is the sample statistic right (it converges to the exact value), and
 * is the generator right (its distance stays within a few floors). All logarithms are natural.
 *
 * <p><b>Reverse engineering a trained RNN (brief §3, §8).</b> {@link org.phasebook.hmm.RnnWeights}
 * holds {@code W_ih}, {@code W_hh}, {@code A} (validated, immutable, PyTorch-style random
 * initialisation, a bit-exact hex-float text file); {@link org.phasebook.hmm.RnnDynamics}
 * simulates {@code h_t = ReLU(W_ih x_t + W_hh h_{t-1})} from a seeded
 * {@link java.util.SplittableRandom} ({@code nextGaussian} inputs, so runs at different noise
 * stds share their draws and homogeneity is exact), giving
 * {@link org.phasebook.hmm.RnnTrajectory} runs, Jacobians and sampled outputs (with the
 * {@code gen_seq} quirk as a flag). The analyses work from weights only:
 * {@link org.phasebook.hmm.FixedPointAnalysis} (the authors' iteration, a {@code q(h)}
 * minimisation and a scale-free residual over unit vectors, since fixed points other than 0 come
 * as rays); {@link org.phasebook.hmm.JacobianSpectrum} (LAPACK {@code dgeev} on the active block
 * of {@code diag(1[pre > 0]) W_hh}, unstable and Hopf-like counts under
 * {@link org.phasebook.hmm.CriticalityCriteria}) and {@link org.phasebook.hmm.LocalStability}
 * along runs and around output switches; {@link org.phasebook.hmm.StatePca} (fit on one run,
 * project others); {@link org.phasebook.hmm.OrbitScaling} (orbit size against the noise std,
 * exactly linear); {@link org.phasebook.hmm.ResidencyAnalysis} (batched BLAS rollouts,
 * {@link org.phasebook.hmm.ResidencyGroup} transition / kick zone / cluster);
 * {@link org.phasebook.hmm.NoiseSensitivity} (the {@code gamma} mixture);
 * {@link org.phasebook.hmm.KickNeuronDetector} (transition-triggered pre-activations, the
 * {@code W_hh} block motif, integrating populations); {@link org.phasebook.hmm.Intervention}
 * (kick, noise-projection and control gains as a modified network) with
 * {@link org.phasebook.hmm.InterventionSweep} (switch rates and critical pairs over gains) and
 * {@link org.phasebook.hmm.KickUnit} (the detected units as table rows);
 * {@link org.phasebook.hmm.CheckpointDynamics}, {@link org.phasebook.hmm.LossDrop} and the
 * authors' second-order heuristic {@link org.phasebook.hmm.SecondOrderPerturbation} for the
 * training evolution; and {@link org.phasebook.hmm.ReadoutAngles} with
 * {@link org.phasebook.hmm.PairSubspace} (one subspace per pair of outputs). Every random draw
 * comes from an explicit seed.
 *
 * <p><b>Training the RNN (brief §3–§5)</b> runs on DJL through {@code org.phasebook.nn}.
 * {@link org.phasebook.hmm.RnnParameters} sizes the network; {@link org.phasebook.hmm.NoiseDrivenRnn}
 * holds its weights as NDArrays and runs the forward pass over a batch with the hard
 * Gumbel-softmax and the straight-through estimator, from {@link org.phasebook.hmm.RnnNoise}
 * drawn in Java from seeded generators; {@link org.phasebook.hmm.RnnTrainingStep} is one step
 * (Sinkhorn divergence to a batch of HMM sequences, backward, global-norm clipping, Adam);
 * {@link org.phasebook.hmm.RnnTrainer} runs the paper's schedule
 * ({@link org.phasebook.hmm.RnnTrainingParameters}, {@link org.phasebook.hmm.RnnTrainingSeeds},
 * {@link org.phasebook.hmm.RnnTrainingData}: fixed-order batches, fresh noise every epoch,
 * validation loss per epoch, checkpoints) and returns a {@link org.phasebook.hmm.TrainedRnn}
 * whose best weights are a real copy (the authors' file holds the final weights; a flag
 * reproduces that). Weights travel as {@link org.phasebook.hmm.RnnFloatWeights} (a bit-exact
 * binary file) or as {@link org.phasebook.hmm.RnnWeights} for the analyses;
 * {@link org.phasebook.hmm.RnnOutputSampler} draws output sequences from trained weights in
 * batches, with the same draws as {@code RnnDynamics.sampleOutputs}.
 * {@link org.phasebook.hmm.MechanismNetwork} provides the network that figures F3–F6 open up
 * (the data set's mechanism run, or a quick one trained here) and its label.
 *
 * <p><b>The paper's F2 metric (brief §6, metric 1)</b> compares sets of sequences:
 * {@link org.phasebook.hmm.HammingMatrix} holds the distances between two sets of one-hot sequences,
 * {@link org.phasebook.hmm.SinkhornMatching} matches every sequence of the second set to the argmax of
 * a log-domain Sinkhorn plan ({@link org.phasebook.hmm.SinkhornMatchingParameters}, the authors'
 * ε = 0.1 and stopping rule) and returns {@link org.phasebook.hmm.MatchedDistances};
 * {@link org.phasebook.hmm.HungarianAssignment} gives the exact one-to-one optimum for the brief's
 * cross-check; {@link org.phasebook.hmm.MatchedDistanceComparison} sets a network's matched distance
 * beside the band of three independent HMM sets.
 */
package org.phasebook.hmm;
