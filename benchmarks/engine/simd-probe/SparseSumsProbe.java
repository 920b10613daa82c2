import java.util.Arrays;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The batched presynaptic sums of the engine's edge lists ({@code SparseSynapses}: for each source,
 * Σ over its edges of weight × the target's gradient, sixteen flies at once from a cell-major
 * {@code [targets][16]} row) on one random projection, three ways: the engine's scalar loop (sixteen
 * sums in registers), SIMD lanes over the flies with Java's incubating Vector API in double (lane-wise
 * multiply then add, so the same bits — checked) and in float (what PyTorch computes in). Not part of
 * the build (the incubator module); {@code run} compiles and runs it beside the C version.
 *
 * <p>Arguments: sources targets edges passes.
 */
public final class SparseSumsProbe {
  private static final int FLIES = 16;
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
  private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;

  private final int sources;
  private final int[] colPtr;
  private final int[] target;
  private final double[] w;
  private final float[] wFloat;
  private final double[] rows;
  private final float[] rowsFloat;

  private SparseSumsProbe(int sources, int targets, int edges, long seed) {
    this.sources = sources;
    SplittableRandom random = new SplittableRandom(seed);
    colPtr = new int[sources + 1];
    int[] source = new int[edges];
    for (int e = 0; e < edges; e++) {
      source[e] = random.nextInt(sources);
      colPtr[source[e] + 1]++;
    }
    for (int j = 0; j < sources; j++) {
      colPtr[j + 1] += colPtr[j];
    }
    int[] fill = colPtr.clone();
    target = new int[edges];
    w = new double[edges];
    wFloat = new float[edges];
    for (int e = 0; e < edges; e++) {
      int c = fill[source[e]]++;
      target[c] = random.nextInt(targets);
      w[c] = random.nextDouble(-1, 1);
    }
    for (int j = 0; j < sources; j++) { // columns sorted by target, as the engine keeps them
      Arrays.sort(target, colPtr[j], colPtr[j + 1]);
    }
    for (int c = 0; c < edges; c++) {
      wFloat[c] = (float) w[c];
    }
    rows = new double[targets * FLIES];
    rowsFloat = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = random.nextDouble(-1, 1);
      rowsFloat[i] = (float) rows[i];
    }
  }

  /** The engine's loop: sixteen sums in registers per source. */
  private void scalar(double[] sums) {
    for (int j = 0; j < sources; j++) {
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      double s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0;
      for (int c = colPtr[j]; c < colPtr[j + 1]; c++) {
        double wc = w[c];
        int row = target[c] * FLIES;
        s0 += wc * rows[row];
        s1 += wc * rows[row + 1];
        s2 += wc * rows[row + 2];
        s3 += wc * rows[row + 3];
        s4 += wc * rows[row + 4];
        s5 += wc * rows[row + 5];
        s6 += wc * rows[row + 6];
        s7 += wc * rows[row + 7];
        s8 += wc * rows[row + 8];
        s9 += wc * rows[row + 9];
        s10 += wc * rows[row + 10];
        s11 += wc * rows[row + 11];
        s12 += wc * rows[row + 12];
        s13 += wc * rows[row + 13];
        s14 += wc * rows[row + 14];
        s15 += wc * rows[row + 15];
      }
      int at = j * FLIES;
      sums[at] = s0; sums[at + 1] = s1; sums[at + 2] = s2; sums[at + 3] = s3;
      sums[at + 4] = s4; sums[at + 5] = s5; sums[at + 6] = s6; sums[at + 7] = s7;
      sums[at + 8] = s8; sums[at + 9] = s9; sums[at + 10] = s10; sums[at + 11] = s11;
      sums[at + 12] = s12; sums[at + 13] = s13; sums[at + 14] = s14; sums[at + 15] = s15;
    }
  }

  /** One source at a time (a small method, compiled as such rather than on stack replacement). */
  private void vectorDouble(double[] sums) {
    for (int j = 0; j < sources; j++) {
      vectorDoubleSource(j, sums);
    }
  }

  private void vectorDoubleSource(int j, double[] sums) {
    DoubleVector s0 = DoubleVector.zero(D);
    DoubleVector s1 = DoubleVector.zero(D);
    DoubleVector s2 = DoubleVector.zero(D);
    DoubleVector s3 = DoubleVector.zero(D);
    for (int c = colPtr[j]; c < colPtr[j + 1]; c++) {
      DoubleVector wc = DoubleVector.broadcast(D, w[c]);
      int row = target[c] * FLIES;
      s0 = s0.add(wc.mul(DoubleVector.fromArray(D, rows, row)));
      s1 = s1.add(wc.mul(DoubleVector.fromArray(D, rows, row + 4)));
      s2 = s2.add(wc.mul(DoubleVector.fromArray(D, rows, row + 8)));
      s3 = s3.add(wc.mul(DoubleVector.fromArray(D, rows, row + 12)));
    }
    int at = j * FLIES;
    s0.intoArray(sums, at);
    s1.intoArray(sums, at + 4);
    s2.intoArray(sums, at + 8);
    s3.intoArray(sums, at + 12);
  }

  private void vectorFloat(float[] sums) {
    for (int j = 0; j < sources; j++) {
      vectorFloatSource(j, sums);
    }
  }

  private void vectorFloatSource(int j, float[] sums) {
    FloatVector s0 = FloatVector.zero(F);
    FloatVector s1 = FloatVector.zero(F);
    for (int c = colPtr[j]; c < colPtr[j + 1]; c++) {
      FloatVector wc = FloatVector.broadcast(F, wFloat[c]);
      int row = target[c] * FLIES;
      s0 = s0.add(wc.mul(FloatVector.fromArray(F, rowsFloat, row)));
      s1 = s1.add(wc.mul(FloatVector.fromArray(F, rowsFloat, row + 8)));
    }
    int at = j * FLIES;
    s0.intoArray(sums, at);
    s1.intoArray(sums, at + 8);
  }

  public static void main(String[] args) {
    int sources = Integer.parseInt(args[0]);
    int targets = Integer.parseInt(args[1]);
    int edges = Integer.parseInt(args[2]);
    int passes = Integer.parseInt(args[3]);
    SparseSumsProbe p = new SparseSumsProbe(sources, targets, edges, 7);
    double[] scalar = new double[sources * FLIES];
    double[] vector = new double[sources * FLIES];
    float[] vectorFloat = new float[sources * FLIES];
    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    for (int round = 0; round < 7; round++) { // round 0 warms up; the order rotates
      for (int k = 0; k < 3; k++) {
        int which = (k + round) % 3;
        long t0 = System.nanoTime();
        for (int i = 0; i < passes; i++) {
          switch (which) {
            case 0 -> p.scalar(scalar);
            case 1 -> p.vectorDouble(vector);
            default -> p.vectorFloat(vectorFloat);
          }
        }
        double ms = (System.nanoTime() - t0) / 1e6 / passes;
        if (round > 0) {
          best[which] = Math.min(best[which], ms);
        }
      }
    }
    boolean same = Arrays.equals(scalar, vector);
    System.out.printf("java  %,d sources, %,d targets, %,d edges, 16 flies: scalar double %.2f ms/pass,"
        + " Vector API double %.2f ms (%.1fx, bits %s), Vector API float %.2f ms (%.1fx)%n", sources, targets,
        edges, best[0], best[1], best[0] / best[1], same ? "identical" : "DIFFER", best[2], best[0] / best[2]);
  }
}
