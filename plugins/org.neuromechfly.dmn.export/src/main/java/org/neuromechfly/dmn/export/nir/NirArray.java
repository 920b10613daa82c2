package org.neuromechfly.dmn.export.nir;

import java.util.Arrays;
import java.util.Objects;

/**
 * A numeric NIR parameter: row-major values with a shape. {@code integral} arrays are written as
 * int64 (shapes), the others as float64.
 *
 * @param shape dimensions; empty for a scalar
 * @param values row-major values
 * @param integral whether to store as int64
 */
public record NirArray(int[] shape, double[] values, boolean integral) {
  public NirArray {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(values, "values");
    long size = 1;
    for (int d : shape) {
      size *= d;
    }
    if (size != values.length) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
    }
  }

  public static NirArray vector(double[] values) {
    return new NirArray(new int[] {values.length}, values.clone(), false);
  }

  public static NirArray shape(int... dims) {
    return new NirArray(new int[] {dims.length}, Arrays.stream(dims).asDoubleStream().toArray(), true);
  }

  public static NirArray matrix(double[][] rows) {
    int r = rows.length;
    int c = r == 0 ? 0 : rows[0].length;
    double[] flat = new double[r * c];
    for (int i = 0; i < r; i++) {
      if (rows[i].length != c) {
        throw new IllegalArgumentException("ragged matrix: row " + i + " has " + rows[i].length + " columns, not " + c);
      }
      System.arraycopy(rows[i], 0, flat, i * c, c);
    }
    return new NirArray(new int[] {r, c}, flat, false);
  }

  public int rank() {
    return shape.length;
  }

  /** Element count along the first dimension (1 for a scalar). */
  public int length() {
    return shape.length == 0 ? 1 : shape[0];
  }

  public double[][] rows() {
    if (shape.length != 2) {
      throw new IllegalStateException("not a matrix: shape " + Arrays.toString(shape));
    }
    double[][] out = new double[shape[0]][shape[1]];
    for (int i = 0; i < shape[0]; i++) {
      System.arraycopy(values, i * shape[1], out[i], 0, shape[1]);
    }
    return out;
  }

  public String shapeText() {
    return "(" + String.join(", ", Arrays.stream(shape).mapToObj(Integer::toString).toList())
        + (shape.length == 1 ? ",)" : ")");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NirArray a && integral == a.integral && Arrays.equals(shape, a.shape)
        && Arrays.equals(values, a.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "NirArray" + shapeText();
  }
}
