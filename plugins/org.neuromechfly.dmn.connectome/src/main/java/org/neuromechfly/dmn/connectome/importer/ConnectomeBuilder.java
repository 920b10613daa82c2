package org.neuromechfly.dmn.connectome.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.neuromechfly.dmn.connectome.ConnectomeException;

/**
 * Accumulates neurons and connection rows while an importer streams its files, then checks and
 * freezes them into a {@link Connectome}. A (pre, post, roi) row listed twice is rejected, naming
 * both places: exports have one row per key, so a repeat means concatenated or corrupted files and
 * summing it would silently double those synapses.
 */
public final class ConnectomeBuilder {

  private final String name;
  private final List<Neuron> neurons = new ArrayList<>();
  private final List<Long> declaredAt = new ArrayList<>();
  private final LongIndex index = new LongIndex(1024);
  private final List<String> rois = new ArrayList<>();
  private final Map<String, Integer> roiCodes = new HashMap<>();
  private final List<Path> files = new ArrayList<>();
  private int[] pre = new int[1024];
  private int[] post = new int[1024];
  private int[] roi = new int[1024];
  private float[] synapses = new float[1024];
  private int[] lines = new int[1024];
  private short[] fileOf = new short[1024];
  private int rows;

  public ConnectomeBuilder(String name) {
    this.name = name;
  }

  /** Declares a neuron from a neuron table; a second declaration of the same id is an error. */
  public int declare(Neuron neuron, Path file, long line) {
    int existing = index.get(neuron.id());
    if (existing >= 0 && declaredAt.get(existing) != 0) {
      throw new ConnectomeException(
          file, line, 1,
          "id " + neuron.id() + " is listed twice (first at line " + declaredAt.get(existing)
              + "); keep one row per neuron.");
    }
    if (existing >= 0) {
      neurons.set(existing, neuron);
      declaredAt.set(existing, line);
      return existing;
    }
    return add(neuron, line);
  }

  /** The index of a neuron, adding an untyped one when the id was not declared. */
  public int neuron(long id) {
    int i = index.get(id);
    return i >= 0 ? i : add(Neuron.untyped(id), 0);
  }

  /** Replaces a known neuron's record, e.g. to add FlyWire classification columns. */
  public void update(long id, UnaryOperator<Neuron> change) {
    int i = neuron(id);
    neurons.set(i, change.apply(neurons.get(i)));
  }

  /** Registers a file rows come from; returns its number for {@link #row}. */
  public int file(Path file) {
    files.add(file);
    if (files.size() > Short.MAX_VALUE) {
      throw new IllegalStateException("too many files");
    }
    return files.size() - 1;
  }

  /** Adds a connection row; {@code roiName} null for exports without rois. */
  public void row(int preIndex, int postIndex, String roiName, float count, int file, long line) {
    if (rows == pre.length) {
      int capacity = rows + (rows >> 1);
      pre = Arrays.copyOf(pre, capacity);
      post = Arrays.copyOf(post, capacity);
      roi = Arrays.copyOf(roi, capacity);
      synapses = Arrays.copyOf(synapses, capacity);
      lines = Arrays.copyOf(lines, capacity);
      fileOf = Arrays.copyOf(fileOf, capacity);
    }
    pre[rows] = preIndex;
    post[rows] = postIndex;
    roi[rows] = roiName == null ? -1 : roiCodes.computeIfAbsent(roiName, r -> addRoi(r));
    synapses[rows] = count;
    lines[rows] = (int) Math.min(line, Integer.MAX_VALUE);
    fileOf[rows++] = (short) file;
  }

  /** Number of neurons so far. */
  public int neuronCount() {
    return neurons.size();
  }

  /** Checks for repeated rows and freezes the connectome with neurons sorted by id. */
  public Connectome build() {
    rejectRepeatedRows();
    Integer[] order = new Integer[neurons.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Long.compare(neurons.get(a).id(), neurons.get(b).id()));
    int[] newIndex = new int[order.length];
    List<Neuron> sorted = new ArrayList<>(order.length);
    for (int i = 0; i < order.length; i++) {
      newIndex[order[i]] = i;
      sorted.add(neurons.get(order[i]));
    }
    int[] p = new int[rows];
    int[] q = new int[rows];
    for (int r = 0; r < rows; r++) {
      p[r] = newIndex[pre[r]];
      q[r] = newIndex[post[r]];
    }
    return new Connectome(
        name, sorted, rois, p, q, Arrays.copyOf(roi, rows), Arrays.copyOf(synapses, rows));
  }

  private int addRoi(String r) {
    rois.add(r);
    return rois.size() - 1;
  }

  private int add(Neuron neuron, long line) {
    neurons.add(neuron);
    declaredAt.add(line);
    index.putIfAbsent(neuron.id(), neurons.size() - 1);
    return neurons.size() - 1;
  }

  /** Sorting packed (pre, post, roi) keys finds repeats in O(n log n) without a hash per row. */
  private void rejectRepeatedRows() {
    if (neurons.size() >= 1 << 23 || rois.size() >= (1 << 16) - 1) {
      return; // beyond any published connectome; keys would not pack
    }
    long[] keys = new long[rows];
    for (int r = 0; r < rows; r++) {
      keys[r] = key(r);
    }
    Arrays.sort(keys);
    for (int k = 1; k < rows; k++) {
      if (keys[k] == keys[k - 1]) {
        reportRepeat(keys[k]);
      }
    }
  }

  private long key(int r) {
    return ((long) pre[r] << 40) | ((long) post[r] << 16) | (roi[r] + 1);
  }

  private void reportRepeat(long key) {
    int first = -1;
    for (int r = 0; r < rows; r++) {
      if (key(r) != key) {
        continue;
      }
      if (first < 0) {
        first = r;
        continue;
      }
      String roiText = roi[r] < 0 ? "" : " in roi " + rois.get(roi[r]);
      throw new ConnectomeException(
          files.get(fileOf[r]), lines[r], 1,
          "repeated row: " + neurons.get(pre[r]).id() + " -> " + neurons.get(post[r]).id()
              + roiText + " already appears at " + files.get(fileOf[first]) + ":" + lines[first]
              + ". Repeats are rejected, not summed: remove the duplicate or re-download the export.");
    }
  }
}
