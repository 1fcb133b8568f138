/**
 * Stochastic lattice population models (brief: lattice-fluctuations, after Täuber,
 * arXiv:1807.01248): models, the update engines that run them, observables and mean-field
 * rate equations, kept apart.
 *
 * <p><b>Geometry and state.</b> {@link org.phasebook.lattice.Lattice} is a periodic ring or
 * square lattice ({@code N = L^d} sites, index {@code x + L y}, von Neumann neighbours).
 * {@link org.phasebook.lattice.LatticeState} holds one {@code byte} per site (0 = empty,
 * species 1, 2, ...), running counts of every state, the clock and the attempt count.
 *
 * <p><b>Models</b> are validated parameter records implementing
 * {@link org.phasebook.lattice.SiteModel}; each states its microscopic rule and its
 * rate-to-probability mapping in the actor convention: an attempt picks a uniform site and a
 * uniform neighbour, event {@code k} has probability {@code r_k / R} with {@code R} the largest
 * total rate of any state (the rest is null), and each attempt is {@code Delta t = 1 / (N R)} of
 * model time, so that the mean-field limit is exactly the rate equations.
 * {@link org.phasebook.lattice.ContactProcess} (birth–death with {@code K = 1}),
 * {@link org.phasebook.lattice.LotkaVolterra} (site-restricted predator–prey),
 * {@link org.phasebook.lattice.MayLeonard} (cyclic competition with mobility) and
 * {@link org.phasebook.lattice.CyclicLotkaVolterra} (conserved-density rock–paper–scissors, the
 * no-spiral control). Initial conditions are {@link org.phasebook.lattice.InitialCondition}
 * recipes that draw from the replica's generator.
 *
 * <p><b>Update.</b> {@link org.phasebook.lattice.RandomSequential} schedules attempts, keeps the
 * clock and samples densities from the running counts into a
 * {@link org.phasebook.lattice.DensitySeries}; {@link org.phasebook.lattice.Ensemble} runs
 * independent replicas on a fixed pool of threads, seeded by
 * {@link org.phasebook.random.SeedSequence} so that results do not depend on the thread count,
 * and averages them into an {@link org.phasebook.lattice.EnsembleSeries}.
 *
 * <p><b>Particle models.</b> Diffusion-limited annihilation runs on particle lists, whose cost
 * follows the number of particles rather than sites: {@link org.phasebook.lattice.Annihilation}
 * (A+A→∅, or coagulation A+A→A), {@link org.phasebook.lattice.TwoSpeciesAnnihilation} (A+B→∅)
 * and {@link org.phasebook.lattice.ReactionFrontStrip} (the Gálfi–Rácz front set-up) are run by
 * {@link org.phasebook.lattice.ParticleSimulation} and observed by
 * {@link org.phasebook.lattice.DecayCurve} and {@link org.phasebook.lattice.ReactionProfile}.
 *
 * <p><b>Unrestricted occupancy.</b> {@link org.phasebook.lattice.UnrestrictedLotkaVolterra}
 * (any number of predators and prey per site, on-site reactions, hopping) is run by
 * {@link org.phasebook.lattice.UnrestrictedGillespie}, an exact continuous-time (Gillespie)
 * engine with per-site counts whose site is drawn by composition–rejection over power-of-two
 * rate bands: O(1) per event, measured twice as fast as a sum tree at these sizes.
 *
 * <p><b>Mean field.</b> The rate equations of each model are {@link org.phasebook.systems.OdeSystem}s
 * with closed-form fixed points and eigenvalues: {@link org.phasebook.lattice.BirthDeathMeanField},
 * {@link org.phasebook.lattice.LotkaVolterraMeanField},
 * {@link org.phasebook.lattice.UnrestrictedLotkaVolterraMeanField},
 * {@link org.phasebook.lattice.MayLeonardMeanField} and
 * {@link org.phasebook.lattice.AnnihilationMeanField}.
 *
 * <p><b>Observables.</b> {@link org.phasebook.lattice.Correlations} (equal-time correlation
 * functions by FFT), {@link org.phasebook.lattice.PowerSpectrum} (windowed spectra of density
 * series), {@link org.phasebook.lattice.LocalExponent} (effective decay exponents) and
 * {@link org.phasebook.lattice.SpiralWavelength} (pattern wavelengths) and
 * {@link org.phasebook.lattice.SpiralCores} (topological defects of a three-species pattern, the
 * cores of spirals). {@link org.phasebook.lattice.ThreeSpeciesPattern} gathers the pattern
 * observables of a three-species snapshot (correlation length, autocorrelation, normalised
 * structure factor, core densities, each a mean over the species);
 * {@link org.phasebook.lattice.ReplicaWavelength} measures the spiral wavelength over replicas, and
 * {@link org.phasebook.lattice.PatternSampling} records a {@link org.phasebook.lattice.PatternHistory}
 * of those observables along a run. Snapshots are drawn by
 * {@link org.phasebook.plot.LatticeImage} in the plot package.
 *
 * <p><b>Why the inner loop lives in the model's kernel.</b> Throughput is set by the cost of one
 * attempt (a few nanoseconds), so the loop must be compiled with the rule inlined. A generic
 * engine loop calling {@code model.apply(...)} per attempt becomes a megamorphic call as soon
 * as two models have run in the same JVM (a notebook runs several), which stops inlining and
 * costs several times the attempt itself. Each model therefore supplies a
 * {@link org.phasebook.lattice.SiteKernel}: a private final class whose own loop draws one
 * {@code long} per attempt from a {@link java.util.SplittableRandom} (site by Lemire's
 * multiply-shift with exact rejection, direction and event from the low bits), compares the
 * event bits with precomputed integer thresholds, finds the neighbour without a division or a
 * branch, and applies the rule as a few branches on {@code byte} values or as a branch-free
 * lookup table (whichever measured faster for the model) while updating the counts. The
 * kernel does only that; the engine decides how many attempts to make and when to observe, and
 * calls the kernel once per block of attempts (one megamorphic call per sweep is free).
 * Observables take plain data ({@code byte[] sites, int side, int dimension} or
 * {@code double[]} series), not engine classes.
 */
package org.phasebook.lattice;
