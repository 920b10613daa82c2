package org.neuromechfly.dmn.engine.neuron;

import org.neuromechfly.dmn.engine.Precision;

/**
 * A flat history of one quantity over time, {@code [T][B][N]}, stored in float (training) or double
 * (gradient checks). Only storage differs: every computation reads and writes doubles.
 */
public abstract sealed class Trace permits Trace.FloatTrace, Trace.DoubleTrace {

  public static Trace allocate(Precision precision, int length) {
    return precision == Precision.FLOAT64 ? new DoubleTrace(length) : new FloatTrace(length);
  }

  public abstract double get(int index);

  public abstract void set(int index, double value);

  public abstract int length();

  static final class FloatTrace extends Trace {
    private final float[] data;

    FloatTrace(int length) {
      data = new float[length];
    }

    @Override
    public double get(int index) {
      return data[index];
    }

    @Override
    public void set(int index, double value) {
      data[index] = (float) value;
    }

    @Override
    public int length() {
      return data.length;
    }
  }

  static final class DoubleTrace extends Trace {
    private final double[] data;

    DoubleTrace(int length) {
      data = new double[length];
    }

    @Override
    public double get(int index) {
      return data[index];
    }

    @Override
    public void set(int index, double value) {
      data[index] = value;
    }

    @Override
    public int length() {
      return data.length;
    }
  }
}
