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
 *   <li>Training building blocks written to match PyTorch exactly, because DJL's own differ
 *       (its gradient clipping is element-wise and its Adam folds the bias correction into the
 *       step size): {@link org.phasebook.nn.Adam} ({@link org.phasebook.nn.AdamParameters},
 *       torch.optim.Adam's update) and {@link org.phasebook.nn.GradientClipping} (global-norm
 *       clipping as {@code clip_grad_norm_}); {@link org.phasebook.nn.EarlyStopping},
 *       {@link org.phasebook.nn.LossHistory} and {@link org.phasebook.nn.TrainingListener}
 *       (progress callbacks, so that a notebook can draw a progress bar without this package
 *       knowing about notebooks).</li>
 * </ul>
 *
 * <p><b>A DJL pitfall.</b> {@code mul(Number)}, {@code div(Number)} and {@code maximum(Number)}
 * wrap the number in an array over a Java direct buffer that is freed after the operation, yet
 * autograd may keep it for the backward pass: after a garbage collection the gradient reads freed
 * memory. On any path that is differentiated, use scalars that libtorch owns (a duplicate), as
 * {@code SinkhornDivergence} does; a test forces a collection between forward and backward.
 *
 * <p>Arrays live in native memory owned by an {@code NDManager}: close the manager (or use an
 * {@link ai.djl.ndarray.NDScope}) when a computation ends. Model packages draw their random
 * numbers in Java from seeded {@link java.util.SplittableRandom}s and upload them, so that a
 * result does not depend on libtorch's generator.
 */
package org.phasebook.nn;
