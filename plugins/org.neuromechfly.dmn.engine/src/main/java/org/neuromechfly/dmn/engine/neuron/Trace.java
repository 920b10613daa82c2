package org.neuromechfly.dmn.engine.neuron;


/**
 * A flat history of one quantity over time, {@code [T][B][N]} (or a window of its steps), stored in
 * float (training) or double (gradient checks). Only storage differs: every computation reads and
 * writes doubles.
 */
public abstract sealed class Trace permits Trace.FloatTrace, Trace.DoubleTrace {

  public static Trace allocate(Precision precision, int length) {
    return precision == Precision.FLOAT64 ? new DoubleTrace(length) : new FloatTrace(length);
  }

  public abstract double get(int index);

  public abstract void set(int index, double value);

  public abstract int length();

  /** Bytes the stored values take. */
  public abstract long bytes();

  /** Copies {@code n} values from {@code from} into {@code into[0..n)} (one call per time step). */
  public abstract void read(int from, double[] into, int n);

  /** Stores {@code values[0..n)} at {@code from}. */
  public abstract void write(int from, double[] values, int n);

  /**
   * Copies {@code n} stored values from {@code from} to {@code target} at {@code to}, unrounded (the
   * target has this trace's precision); the ranges may overlap when the target is this trace.
   */
  public abstract void copyTo(int from, Trace target, int to, int n);

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

    @Override
    public long bytes() {
      return 4L * data.length;
    }

    @Override
    public void read(int from, double[] into, int n) {
      for (int i = 0; i < n; i++) {
        into[i] = data[from + i];
      }
    }

    @Override
    public void write(int from, double[] values, int n) {
      for (int i = 0; i < n; i++) {
        data[from + i] = (float) values[i];
      }
    }

    @Override
    public void copyTo(int from, Trace target, int to, int n) {
      System.arraycopy(data, from, ((FloatTrace) target).data, to, n);
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

    @Override
    public long bytes() {
      return 8L * data.length;
    }

    @Override
    public void read(int from, double[] into, int n) {
      System.arraycopy(data, from, into, 0, n);
    }

    @Override
    public void write(int from, double[] values, int n) {
      System.arraycopy(values, 0, data, from, n);
    }

    @Override
    public void copyTo(int from, Trace target, int to, int n) {
      System.arraycopy(data, from, ((DoubleTrace) target).data, to, n);
    }
  }
}
