package org.neuromechfly.dmn.engine.simulate;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Poisson events of one trial, sorted by step then cell: event i kicks cell {@code cell(i)} (on
 * the network's index line) by {@code kick(i)} after step {@code step(i)}. Drawn per driven cell as
 * geometric gaps between steps with an event (probability p = rate·dt per step, at most one event per
 * step: the distribution of Brian2's {@code PoissonInput(N=1)}), so that a trial's inputs are fixed by
 * its random stream alone and can be handed to another simulator (the Brian2 harness).
 */
public final class InputEvents {
  private final int[] step;
  private final int[] cell;
  private final double[] kick;

  private InputEvents(int[] step, int[] cell, double[] kick) {
    this.step = step;
    this.cell = cell;
    this.kick = kick;
  }

  /** Events given explicitly (sorted here by step, then cell). */
  public static InputEvents of(int[] step, int[] cell, double[] kick) {
    if (step.length != cell.length || cell.length != kick.length) {
      throw new IllegalArgumentException("event arrays of different lengths");
    }
    Integer[] order = new Integer[step.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> step[a] != step[b] ? Integer.compare(step[a], step[b]) : Integer.compare(cell[a], cell[b]));
    int[] s = new int[step.length];
    int[] c = new int[step.length];
    double[] k = new double[step.length];
    for (int i = 0; i < order.length; i++) {
      s[i] = step[order[i]];
      c[i] = cell[order[i]];
      k[i] = kick[order[i]];
    }
    return new InputEvents(s, c, k);
  }

  /**
   * Draws the events of one trial of {@code steps} steps.
   *
   * @param random the trial's stream; split once per drive, then once per cell, in order
   */
  public static InputEvents draw(SpikingNetwork net, int steps, SplittableRandom random) {
    List<PoissonDrive> drives = net.drives();
    IntList s = new IntList();
    IntList c = new IntList();
    java.util.ArrayList<Double> k = new java.util.ArrayList<>();
    for (PoissonDrive d : drives) {
      SplittableRandom perDrive = random.split();
      double p = Math.min(1.0, d.rate() * net.dt());
      int base = net.offset(d.population());
      for (int n : d.cells()) {
        SplittableRandom r = perDrive.split();
        if (p <= 0) {
          continue;
        }
        double logq = Math.log1p(-p);
        int t = -1;
        while (true) {
          // steps until the next event: geometric on {1, 2, ...} (every step when p = 1)
          long gap = p >= 1 ? 1 : 1 + (long) Math.floor(Math.log(1 - r.nextDouble()) / logq);
          if (t + gap >= steps) {
            break;
          }
          t += (int) gap;
          s.add(t);
          c.add(base + n);
          k.add(d.kick());
        }
      }
    }
    double[] kicks = new double[k.size()];
    for (int i = 0; i < kicks.length; i++) {
      kicks[i] = k.get(i);
    }
    return of(s.toArray(), c.toArray(), kicks);
  }

  public int size() {
    return step.length;
  }

  public int step(int i) {
    return step[i];
  }

  public int cell(int i) {
    return cell[i];
  }

  public double kick(int i) {
    return kick[i];
  }

  /** A growable int array. */
  static final class IntList {
    private int[] data = new int[64];
    private int size;

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, data.length * 2);
      }
      data[size++] = v;
    }

    int size() {
      return size;
    }

    int get(int i) {
      return data[i];
    }

    void clear() {
      size = 0;
    }

    int[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }
}
