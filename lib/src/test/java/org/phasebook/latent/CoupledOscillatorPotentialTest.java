package org.phasebook.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.phasebook.nn.Torch;

class CoupledOscillatorPotentialTest {

    private static Torch torch;
    private static NDManager manager;

    @BeforeAll
    static void start() {
        torch = Torch.start();
        manager = torch.newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    // --- plain doubles -------------------------------------------------------------------------

    @Test
    void explicitGradientMatchesCentralDifferences() {
        SplittableRandom random = new SplittableRandom(1);
        for (int hidden : new int[] {8, 12}) {
            double[][][] khat = CoupledOscillatorPotential.normalise(randomKernels(random));
            double[] z = randomVector(random, hidden);
            double[] g = CoupledOscillatorPotential.gradient(khat, z);
            // U is quadratic, so the central difference is exact up to rounding.
            double h = 1e-3;
            for (int i = 0; i < hidden; i++) {
                double fd = (CoupledOscillatorPotential.energy(khat, shifted(z, i, h))
                    - CoupledOscillatorPotential.energy(khat, shifted(z, i, -h))) / (2 * h);
                assertEquals(fd, g[i], 1e-10 * (1 + Math.abs(fd)), "H = " + hidden + ", i = " + i);
            }
        }
    }

    @Test
    void hessianIsSymmetricAndTheJacobianOfTheGradient() {
        SplittableRandom random = new SplittableRandom(2);
        for (int hidden : new int[] {8, 12}) {
            double[][][] khat = CoupledOscillatorPotential.normalise(randomKernels(random));
            double[] z = randomVector(random, hidden);
            double[][] s = CoupledOscillatorPotential.hessian(khat, hidden);
            double h = 1e-3;
            for (int j = 0; j < hidden; j++) {
                double[] plus = CoupledOscillatorPotential.gradient(khat, shifted(z, j, h));
                double[] minus = CoupledOscillatorPotential.gradient(khat, shifted(z, j, -h));
                for (int i = 0; i < hidden; i++) {
                    double fd = (plus[i] - minus[i]) / (2 * h);
                    assertEquals(fd, s[i][j], 1e-10, "H = " + hidden + ", S[" + i + "][" + j + "]");
                    assertEquals(s[j][i], s[i][j], 0.0, "symmetry");
                }
            }
            // ∇U = Sz and U = ½ zᵀSz, by an independent route.
            double[] sz = times(s, z);
            double[] g = CoupledOscillatorPotential.gradient(khat, z);
            for (int i = 0; i < hidden; i++) {
                assertEquals(sz[i], g[i], 1e-12 * (1 + Math.abs(g[i])));
            }
            assertEquals(0.5 * dot(z, sz), CoupledOscillatorPotential.energy(khat, z), 1e-12);
        }
    }

    @Test
    void eulerIdentityAndHomogeneity() {
        SplittableRandom random = new SplittableRandom(3);
        for (int hidden : new int[] {4, 8, 12, 40}) {
            double[][][] khat = CoupledOscillatorPotential.normalise(randomKernels(random));
            double[] z = randomVector(random, hidden);
            double u = CoupledOscillatorPotential.energy(khat, z);
            double[] g = CoupledOscillatorPotential.gradient(khat, z);
            assertEquals(2 * u, dot(z, g), 1e-12 * (1 + Math.abs(u)), "z·∇U = 2U, H = " + hidden);
            for (double c : new double[] {-2.5, 0.0, 0.3, 7.0}) {
                double[] cz = z.clone();
                for (int i = 0; i < hidden; i++) {
                    cz[i] *= c;
                }
                assertEquals(c * c * u, CoupledOscillatorPotential.energy(khat, cz),
                    1e-12 * (1 + Math.abs(c * c * u)), "U(cz) = c²U(z), c = " + c);
            }
        }
    }

    @Test
    void zeroKernelsGiveAZeroPotential() {
        double[][][] khat = CoupledOscillatorPotential.normalise(new double[4][4][3]);
        for (double[][] row : khat) {
            for (double[] taps : row) {
                for (double v : taps) {
                    assertEquals(0.0, v, 0.0);
                }
            }
        }
        double[] z = randomVector(new SplittableRandom(4), 12);
        assertEquals(0.0, CoupledOscillatorPotential.energy(khat, z), 0.0);
        for (double v : CoupledOscillatorPotential.gradient(khat, z)) {
            assertEquals(0.0, v, 0.0);
        }
        for (double[] row : CoupledOscillatorPotential.hessian(khat, 12)) {
            for (double v : row) {
                assertEquals(0.0, v, 0.0);
            }
        }
    }

    @Test
    void normalisedKernelsHaveUnitNormAndZeroKernelsStayZero() {
        SplittableRandom random = new SplittableRandom(5);
        double[][][] k = randomKernels(random);
        k[0][1] = new double[3];
        k[3][2] = new double[3];
        k[2][2] = new double[] {1e-9, 0, -2e-9};
        k[1][0] = new double[] {300, -400, 0};
        double[][][] before = copy(k);
        double[][][] khat = CoupledOscillatorPotential.normalise(k);
        for (int c = 0; c < 4; c++) {
            for (int cp = 0; cp < 4; cp++) {
                double norm = Math.sqrt(dot(khat[c][cp], khat[c][cp]));
                boolean zero = (c == 0 && cp == 1) || (c == 3 && cp == 2);
                assertEquals(zero ? 0.0 : 1.0, norm, 1e-15, "K̂[" + c + "][" + cp + "]");
                // Direction kept: K̂ is a positive multiple of K.
                for (int t = 0; t < 3; t++) {
                    assertTrue(khat[c][cp][t] * k[c][cp][t] >= 0);
                }
            }
        }
        assertEquals(0.6, khat[1][0][0], 1e-15);
        assertEquals(-0.8, khat[1][0][1], 1e-15);
        assertClose(flatten(before), flatten(k), 0.0, "the input is not modified");
    }

    @Test
    void kappaSumsOverOutChannels() {
        double[][][] khat = new double[4][4][3];
        khat[0][2][1] = 0.5;
        khat[3][2][1] = 0.25;
        khat[1][0][2] = -1.0;
        double[][] kappa = CoupledOscillatorPotential.kappa(khat);
        assertEquals(0.75, kappa[2][1], 0.0);
        assertEquals(-1.0, kappa[0][2], 0.0);
        assertEquals(0.0, kappa[0][1], 0.0);
        // A hand-computed case, H = 4 (L = 1): only the centre tap sees the latent, so
        // U = (Σ_{c′} κ[c′,1] z_{c′}) (Σ_{c′} z_{c′}).
        double[] z = {1, 2, 3, 4};
        assertEquals((0.75 * 3) * 10, CoupledOscillatorPotential.energy(khat, z), 1e-15);
    }

    // --- DJL -----------------------------------------------------------------------------------

    @Test
    void djlAgreesWithTheDoubleReference() {
        SplittableRandom random = new SplittableRandom(6);
        for (int hidden : new int[] {8, 12}) {
            double[][][] k = randomKernels(random);
            k[1][3] = new double[3];
            double[][] z = new double[3][];
            for (int b = 0; b < 3; b++) {
                z[b] = randomVector(random, hidden);
            }
            double[][][] khat = CoupledOscillatorPotential.normalise(k);
            NDArray khatArray = CoupledOscillatorPotential.normalise(kernels(k));
            assertClose(flatten(khat), khatArray.toDoubleArray(), 1e-15, "K̂");
            NDArray za = manager.create(z);
            NDArray s = CoupledOscillatorPotential.hessian(khatArray, hidden);
            assertEquals(new Shape(hidden, hidden), s.getShape());
            double[][] sRef = CoupledOscillatorPotential.hessian(khat, hidden);
            assertClose(flatten(sRef), s.toDoubleArray(), 1e-10, "S, H = " + hidden);
            NDArray u = CoupledOscillatorPotential.energy(khatArray, za);
            assertEquals(new Shape(3), u.getShape());
            NDArray g = CoupledOscillatorPotential.gradient(s, za);
            assertEquals(new Shape(3, hidden), g.getShape());
            double[] uValues = u.toDoubleArray();
            double[] gValues = g.toDoubleArray();
            for (int b = 0; b < 3; b++) {
                assertEquals(CoupledOscillatorPotential.energy(khat, z[b]), uValues[b], 1e-10,
                    "U, b = " + b);
                double[] gRef = CoupledOscillatorPotential.gradient(khat, z[b]);
                for (int i = 0; i < hidden; i++) {
                    assertEquals(gRef[i], gValues[b * hidden + i], 1e-10, "∇U, b = " + b);
                }
            }
            // A kept basis gives the same S as the one-off overload.
            try (NDArray basis = CoupledOscillatorPotential.basis(manager, hidden,
                DataType.FLOAT64)) {
                assertEquals(new Shape(12, hidden, hidden), basis.getShape());
                assertClose(s.toDoubleArray(),
                    CoupledOscillatorPotential.hessian(khatArray, basis).toDoubleArray(), 0.0,
                    "S from a kept basis");
            }
        }
    }

    @Test
    void djlGradientMatchesAutogradOfTheEnergy() {
        SplittableRandom random = new SplittableRandom(7);
        int hidden = 12;
        double[][][] k = randomKernels(random);
        double[][] z = {randomVector(random, hidden), randomVector(random, hidden)};
        NDArray khat = CoupledOscillatorPotential.normalise(kernels(k));
        NDArray leaf = manager.create(z);
        leaf.setRequiresGradient(true);
        try (GradientCollector collector = torch.engine().newGradientCollector()) {
            collector.backward(CoupledOscillatorPotential.energy(khat, leaf).sum());
        }
        double[] autograd = leaf.getGradient().toDoubleArray();
        NDArray explicit = CoupledOscillatorPotential.gradient(
            CoupledOscillatorPotential.hessian(khat, hidden), manager.create(z));
        assertClose(autograd, explicit.toDoubleArray(), 1e-12, "∇U");
        // ½ Σ (zS)·z is the same energy.
        NDArray za = manager.create(z);
        NDArray half = CoupledOscillatorPotential.gradient(
            CoupledOscillatorPotential.hessian(khat, hidden), za).mul(za).sum(new int[] {1})
            .mul(0.5);
        assertClose(CoupledOscillatorPotential.energy(khat, za).toDoubleArray(),
            half.toDoubleArray(), 1e-12, "U");
    }

    @Test
    void float32KeepsItsType() {
        SplittableRandom random = new SplittableRandom(8);
        int hidden = 8;
        double[][][] k = randomKernels(random);
        double[] z = randomVector(random, hidden);
        NDArray k32 = kernels(k).toType(DataType.FLOAT32, false);
        NDArray khat = CoupledOscillatorPotential.normalise(k32);
        NDArray z32 = manager.create(new double[][] {z}).toType(DataType.FLOAT32, false);
        NDArray s = CoupledOscillatorPotential.hessian(khat, hidden);
        NDArray g = CoupledOscillatorPotential.gradient(s, z32);
        NDArray u = CoupledOscillatorPotential.energy(khat, z32);
        assertEquals(DataType.FLOAT32, khat.getDataType());
        assertEquals(DataType.FLOAT32, s.getDataType());
        assertEquals(DataType.FLOAT32, g.getDataType());
        assertEquals(DataType.FLOAT32, u.getDataType());
        double[][][] khatRef = CoupledOscillatorPotential.normalise(k);
        assertEquals(CoupledOscillatorPotential.energy(khatRef, z),
            u.toType(DataType.FLOAT64, false).getDouble(0), 1e-5);
        assertClose(CoupledOscillatorPotential.gradient(khatRef, z),
            g.toType(DataType.FLOAT64, false).toDoubleArray(), 1e-5, "∇U in float32");
    }

    @Test
    void gradientWithRespectToKFlowsThroughNormaliseAndHessian() {
        SplittableRandom random = new SplittableRandom(9);
        int hidden = 12;
        double[][][] k = randomKernels(random);
        double[][] z = {randomVector(random, hidden), randomVector(random, hidden)};
        NDArray leaf = kernels(k);
        leaf.setRequiresGradient(true);
        NDArray za = manager.create(z);
        try (NDArray basis = CoupledOscillatorPotential.basis(manager, hidden, DataType.FLOAT64);
             GradientCollector collector = torch.engine().newGradientCollector()) {
            // The model's path: S once, then ∇U = zS; here Σ_b ½ (z_b S)·z_b = Σ_b U(z_b).
            NDArray s = CoupledOscillatorPotential.hessian(
                CoupledOscillatorPotential.normalise(leaf), basis);
            collector.backward(CoupledOscillatorPotential.gradient(s, za).mul(za).sum().mul(0.5));
        }
        double[] dUdK = leaf.getGradient().toDoubleArray();
        double h = 1e-5;
        int[][] entries = {{0, 0, 0}, {1, 2, 1}, {3, 1, 2}, {2, 3, 0}};
        for (int[] e : entries) {
            double[][][] plus = copy(k);
            double[][][] minus = copy(k);
            plus[e[0]][e[1]][e[2]] += h;
            minus[e[0]][e[1]][e[2]] -= h;
            double fd = (batchEnergy(plus, z) - batchEnergy(minus, z)) / (2 * h);
            double ad = dUdK[(e[0] * 4 + e[1]) * 3 + e[2]];
            assertEquals(fd, ad, 1e-7 * (1 + Math.abs(fd)),
                "dU/dK[" + e[0] + "][" + e[1] + "][" + e[2] + "]");
        }
        // Each kernel's gradient is orthogonal to it: U does not see the kernels' scale.
        for (int c = 0; c < 4; c++) {
            for (int cp = 0; cp < 4; cp++) {
                double radial = 0;
                for (int t = 0; t < 3; t++) {
                    radial += dUdK[(c * 4 + cp) * 3 + t] * k[c][cp][t];
                }
                assertEquals(0.0, radial, 1e-12, "K[" + c + "][" + cp + "]·dU/dK");
            }
        }
    }

    @Test
    void normaliseHasTheGradientOfTorchsNormalize() {
        SplittableRandom random = new SplittableRandom(10);
        double[][][] k = randomKernels(random);
        k[2][1] = new double[3];
        double[][][] weights = randomKernels(random);
        for (double[][][] kernels : new double[][][][] {k, new double[4][4][3]}) {
            double[] ours = kernelGradient(kernels, weights, false);
            double[] torchs = kernelGradient(kernels, weights, true);
            for (int i = 0; i < ours.length; i++) {
                assertTrue(Double.isFinite(ours[i]), "finite gradient at " + i);
                assertEquals(torchs[i], ours[i], 1e-12 * (1 + Math.abs(torchs[i])), "entry " + i);
            }
        }
        // At K = 0 (the release's initialisation) the gradient is the upstream one times 10¹².
        double[] atZero = kernelGradient(new double[4][4][3], weights, false);
        double[] w = flatten(weights);
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i] * 1e12, atZero[i], 1e-3 * Math.abs(w[i]), "entry " + i);
        }
    }

    @Test
    void zeroKernelsGiveAZeroPotentialInDjl() {
        NDArray khat = CoupledOscillatorPotential.normalise(kernels(new double[4][4][3]));
        NDArray z = manager.create(new double[][] {randomVector(new SplittableRandom(11), 8)});
        NDArray s = CoupledOscillatorPotential.hessian(khat, 8);
        for (double v : s.toDoubleArray()) {
            assertEquals(0.0, v, 0.0);
        }
        assertEquals(0.0, CoupledOscillatorPotential.energy(khat, z).getDouble(0), 0.0);
        for (double v : CoupledOscillatorPotential.gradient(s, z).toDoubleArray()) {
            assertEquals(0.0, v, 0.0);
        }
    }

    // --- validation ----------------------------------------------------------------------------

    @Test
    void badDoubleArgumentsAreRejected() {
        double[][][] good = new double[4][4][3];
        double[] z = new double[8];
        assertMessage(() -> CoupledOscillatorPotential.normalise(new double[3][4][3]),
            "k must have shape 4x4x3, got k.length = 3");
        assertMessage(() -> CoupledOscillatorPotential.normalise(new double[4][5][3]),
            "k[0].length = 5");
        assertMessage(() -> CoupledOscillatorPotential.kappa(new double[4][4][2]),
            "khat[0][0].length = 2");
        double[][][] nan = new double[4][4][3];
        nan[1][2][0] = Double.NaN;
        assertMessage(() -> CoupledOscillatorPotential.normalise(nan),
            "k[1][2][0] must be finite, got NaN");
        assertMessage(() -> CoupledOscillatorPotential.energy(nan, z), "khat[1][2][0]");
        assertMessage(() -> CoupledOscillatorPotential.energy(good, new double[6]),
            "z.length must be >= 4 and divisible by 4, got 6");
        assertMessage(() -> CoupledOscillatorPotential.gradient(good, new double[0]),
            "z.length must be >= 4 and divisible by 4, got 0");
        double[] inf = new double[8];
        inf[5] = Double.POSITIVE_INFINITY;
        assertMessage(() -> CoupledOscillatorPotential.gradient(good, inf),
            "z[5] must be finite, got Infinity");
        assertMessage(() -> CoupledOscillatorPotential.hessian(good, 10),
            "hidden must be >= 4 and divisible by 4, got 10");
        assertMessage(() -> CoupledOscillatorPotential.hessian(good, 0), "hidden");
        assertMessage(() -> CoupledOscillatorPotential.energy(null, z), "khat must not be null");
    }

    @Test
    void badArraysAreRejected() {
        NDArray k = manager.zeros(new Shape(4, 4, 3), DataType.FLOAT64);
        NDArray k32 = manager.zeros(new Shape(4, 4, 3), DataType.FLOAT32);
        NDArray wrong = manager.zeros(new Shape(4, 3, 3), DataType.FLOAT64);
        NDArray ints = manager.zeros(new Shape(4, 4, 3), DataType.INT32);
        NDArray z = manager.zeros(new Shape(2, 8), DataType.FLOAT64);
        assertMessage(() -> CoupledOscillatorPotential.normalise(wrong),
            "k must have shape (4, 4, 3), got (4, 3, 3)");
        assertMessage(() -> CoupledOscillatorPotential.normalise(ints),
            "k's data type must be FLOAT32 or FLOAT64, got int32");
        assertMessage(() -> CoupledOscillatorPotential.hessian(k, 6), "hidden must be >= 4");
        assertMessage(() -> CoupledOscillatorPotential.basis(manager, 8, DataType.INT32),
            "dataType must be FLOAT32 or FLOAT64");
        NDArray basis = CoupledOscillatorPotential.basis(manager, 8, DataType.FLOAT64);
        assertMessage(() -> CoupledOscillatorPotential.hessian(k32, basis),
            "basis's data type must be float32, as khat's");
        assertMessage(() -> CoupledOscillatorPotential.hessian(k, z),
            "basis must have shape (12, H, H)");
        assertMessage(() -> CoupledOscillatorPotential.energy(k, manager.zeros(new Shape(8))),
            "z must be 2-D (B, H)");
        assertMessage(() -> CoupledOscillatorPotential.energy(k,
            manager.zeros(new Shape(2, 6), DataType.FLOAT64)), "z's H");
        assertMessage(() -> CoupledOscillatorPotential.energy(k32, z), "z's data type");
        NDArray s = CoupledOscillatorPotential.hessian(k, 8);
        assertMessage(() -> CoupledOscillatorPotential.gradient(s,
            manager.zeros(new Shape(2, 12), DataType.FLOAT64)), "must equal H = 8");
        assertMessage(() -> CoupledOscillatorPotential.gradient(z, z), "s must have shape (H, H)");
        basis.close();
    }

    // --- helpers -------------------------------------------------------------------------------

    /** dL/dK for L = Σ K̂·W, with K̂ from our normalise or from DJL's F.normalize binding. */
    private static double[] kernelGradient(double[][][] k, double[][][] weights, boolean torchs) {
        NDArray leaf = kernels(k);
        leaf.setRequiresGradient(true);
        NDArray w = kernels(weights);
        try (GradientCollector collector = torch.engine().newGradientCollector()) {
            NDArray khat = torchs ? leaf.normalize(2, 2, 1e-12)
                : CoupledOscillatorPotential.normalise(leaf);
            collector.backward(khat.mul(w).sum());
        }
        return leaf.getGradient().toDoubleArray();
    }

    private static double batchEnergy(double[][][] k, double[][] z) {
        double[][][] khat = CoupledOscillatorPotential.normalise(k);
        double u = 0;
        for (double[] row : z) {
            u += CoupledOscillatorPotential.energy(khat, row);
        }
        return u;
    }

    private static NDArray kernels(double[][][] k) {
        return manager.create(flatten(k), new Shape(4, 4, 3));
    }

    private static double[][][] randomKernels(SplittableRandom random) {
        double[][][] k = new double[4][4][3];
        for (double[][] row : k) {
            for (double[] taps : row) {
                for (int t = 0; t < 3; t++) {
                    taps[t] = random.nextDouble(-1, 1);
                }
            }
        }
        return k;
    }

    private static double[] randomVector(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble(-2, 2);
        }
        return v;
    }

    private static double[] shifted(double[] z, int i, double h) {
        double[] copy = z.clone();
        copy[i] += h;
        return copy;
    }

    private static double[][][] copy(double[][][] k) {
        double[][][] c = new double[k.length][][];
        for (int i = 0; i < k.length; i++) {
            c[i] = new double[k[i].length][];
            for (int j = 0; j < k[i].length; j++) {
                c[i][j] = k[i][j].clone();
            }
        }
        return c;
    }

    private static double[] times(double[][] m, double[] v) {
        double[] r = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            r[i] = dot(m[i], v);
        }
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] flatten(double[][][] k) {
        double[] flat = new double[k.length * k[0].length * k[0][0].length];
        int n = 0;
        for (double[][] row : k) {
            for (double[] taps : row) {
                for (double v : taps) {
                    flat[n++] = v;
                }
            }
        }
        return flat;
    }

    private static double[] flatten(double[][] m) {
        double[] flat = new double[m.length * m[0].length];
        int n = 0;
        for (double[] row : m) {
            for (double v : row) {
                flat[n++] = v;
            }
        }
        return flat;
    }

    private static void assertMessage(Runnable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * (1 + Math.abs(expected[i])),
                what + "[" + i + "]");
        }
    }
}
