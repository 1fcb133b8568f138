/**
 * Neural-network glue on DJL with the PyTorch engine (libtorch 2.7.1 for the CPU): engine
 * set-up, and losses that models train through with autograd.
 *
 * <ul>
 *   <li>{@link org.phasebook.nn.Torch} starts the engine offline, from the native jar on the
 *       classpath, with one intra-op and one inter-op thread, seeds it and hands out
 *       {@link ai.djl.ndarray.NDManager}s. Start it before any other use of DJL in a JVM: the
 *       inter-op thread count is fixed when libtorch first runs.</li>
 *   <li>{@link org.phasebook.nn.SinkhornDivergence} (with
 *       {@link org.phasebook.nn.SinkhornParameters}) is geomloss' debiased Sinkhorn divergence
 *       between point clouds, value and gradient, as Torre et al. (arXiv:2510.25674) train their
 *       RNNs with it.</li>
 * </ul>
 *
 * <p>Arrays live in native memory owned by an {@code NDManager}: close the manager (or use an
 * {@link ai.djl.ndarray.NDScope}) when a computation ends. Model packages draw their random
 * numbers in Java from seeded {@link java.util.SplittableRandom}s and upload them, so that a
 * result does not depend on libtorch's generator.
 */
package org.phasebook.nn;
