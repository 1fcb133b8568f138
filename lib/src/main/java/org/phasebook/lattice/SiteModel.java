package org.phasebook.lattice;

/**
 * A stochastic model on a site lattice with at most one individual per site: its parameters,
 * its microscopic rule and its mapping from rates to per-attempt probabilities.
 *
 * <p>Every implementation documents its rule in the actor convention of the brief (§2.0): an
 * attempt picks a uniform site {@code i} and a uniform neighbour {@code j}; the site's state
 * has rates {@code r_k}; with {@code R = }{@link #totalRate()} (the largest total rate of any
 * state) event {@code k} is chosen with probability {@code r_k / R}, the rest is a null event;
 * each attempt advances time by {@code 1 / (N R)}. With this mapping the model's mean-field
 * limit is exactly its rate equations. The model does not know how it is scheduled or observed:
 * {@link RandomSequential} schedules attempts and keeps the clock, observables read the state.
 */
public interface SiteModel {

    /** The number of non-empty site states (species). */
    int speciesCount();

    /** {@code R}, the rate that one attempt per site and unit time stands for; positive. */
    double totalRate();

    /**
     * The inner loop that applies this model's rule on {@code lattice} (see {@link SiteKernel}
     * for how one 64-bit draw is split into site, neighbour and event).
     *
     * @param lattice the geometry the kernel will run on
     * @return a stateless kernel, safe to share between threads
     */
    SiteKernel kernel(Lattice lattice);
}
