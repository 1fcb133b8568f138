/**
 * Seeds and generators for reproducible stochastic simulations.
 *
 * <p>A figure has one master seed. {@link org.phasebook.random.SeedSequence} derives from it
 * one well-mixed seed per replica (and per named stream, such as a figure or a parameter point),
 * so that replica {@code r} draws the same numbers whichever thread runs it and however many
 * threads there are. Hot loops use {@link java.util.SplittableRandom}: a final class, so calls
 * to it stay monomorphic and inline, at about a nanosecond per 64-bit draw;
 * {@link java.util.Random} (synchronised, 48-bit state, about ten times slower) is never used
 * in the simulation code.
 */
package org.phasebook.random;
