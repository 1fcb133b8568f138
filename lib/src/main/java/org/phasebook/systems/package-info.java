/**
 * Dynamical systems as problems, and the methods that solve them, kept apart.
 *
 * <p>A system ({@link org.phasebook.systems.OdeSystem}: {@link org.phasebook.systems.Lorenz},
 * {@link org.phasebook.systems.HarmonicOscillator}, {@link org.phasebook.systems.LinearSystem})
 * only says what {@code dx/dt = f(t, x)} is. How it is integrated is chosen separately, by an
 * {@link org.phasebook.systems.Integrator} such as
 * {@link org.phasebook.systems.DormandPrince853}, which samples the solution into an immutable
 * {@link org.phasebook.systems.Trajectory}. Estimators built on top of both, such as
 * {@link org.phasebook.systems.BenettinLyapunov}, take validated parameter records and return
 * immutable result records.
 *
 * <p>Discrete-time systems implement {@link org.phasebook.systems.DiscreteMap}
 * ({@code x_{n+1} = F(x_n)}): the rotations {@link org.phasebook.systems.CircleRotation} and
 * {@link org.phasebook.systems.TorusRotation}, {@link org.phasebook.systems.ArnoldCatMap},
 * {@link org.phasebook.systems.GaussMap} and the random
 * {@link org.phasebook.systems.NoisyLogisticMap}. A flow becomes a map through its time-{@code dt}
 * map, {@link org.phasebook.systems.FlowMap}; these are the systems whose Koopman operators
 * {@code g -> g o F} the {@code koopman} package estimates from snapshot pairs
 * {@code (x, F(x))}. Flows with known invariants for that purpose are
 * {@link org.phasebook.systems.Duffing}, {@link org.phasebook.systems.Pendulum} and
 * {@link org.phasebook.systems.Rossler}.
 *
 * <p>One generator breaks the split on purpose: {@link org.phasebook.systems.SyntheticEcg}, the
 * McSharry et al. ECG model, integrates itself with fixed-step Runge–Kutta as the authors'
 * generator does, because its angular speed jumps at every beat and a fixed internal rate that
 * lands on the output grid reproduces their signal without an event-aware integrator.
 *
 * <p>Long computations report progress through a plain {@link java.util.function.DoubleConsumer}
 * receiving the fraction done in [0, 1], so that this package needs neither the plotting nor the
 * notebook layer.
 */
package org.phasebook.systems;
