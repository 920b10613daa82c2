package org.neuromechfly.dmn.connectome.cache;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.neuromechfly.dmn.connectome.graph.CellLabels;
import org.neuromechfly.dmn.connectome.graph.EdgeList;

/**
 * Imported subsets on disk, one file per key (SHA-256 of the source checksum, format and query), so
 * re-building a model skips parsing a FlyWire-sized export. Entries are written to a temporary file
 * and moved into place, so a crash never leaves a half-written entry; an unreadable entry is treated
 * as a miss and rewritten.
 */
public final class ConnectomeCache {

  private static final int MAGIC = 0x444d4e43; // "DMNC"
  // 2: cell types and sides of the selected neurons follow the edges; 3: and their transmitters
  private static final int VERSION = 3;

  private final Path folder;

  public ConnectomeCache(Path folder) {
    this.folder = folder;
  }

  /** The cache folder. */
  public Path folder() {
    return folder;
  }

  /** The key of a selection: stable across machines and runs. */
  public static String key(String format, String sourceChecksum, String query) {
    return Checksums.ofText("dmn-connectome-cache/" + VERSION + "\n" + format + "\n" + sourceChecksum
        + "\n" + query);
  }

  /** The cached subset for {@code key}, if present and readable. */
  public Optional<SelectedEdges> get(String key) {
    Path file = entry(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(key)) {
        return Optional.empty();
      }
      long[] preIds = readLongs(in);
      long[] postIds = readLongs(in);
      int[] rowPtr = readInts(in);
      int[] sources = readInts(in);
      float[] synapses = readFloats(in);
      CellLabels preLabels = readLabels(in, preIds.length);
      CellLabels postLabels = readLabels(in, postIds.length);
      return Optional.of(
          new SelectedEdges(
              preIds, postIds,
              new EdgeList(preIds.length, postIds.length, rowPtr, sources, synapses), preLabels, postLabels));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // corrupt or from another version: re-import
    }
  }

  /** Stores a subset; failures to write only cost a later re-import, so they are not fatal. */
  public boolean put(String key, SelectedEdges selected) {
    try {
      Files.createDirectories(folder);
      Path temporary = Files.createTempFile(folder, key, ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(key);
        writeLongs(out, selected.preIds());
        writeLongs(out, selected.postIds());
        writeInts(out, selected.edges().rowPtr());
        writeInts(out, selected.edges().sourceIndex());
        writeFloats(out, selected.edges().synapses());
        writeLabels(out, selected.preLabels());
        writeLabels(out, selected.postLabels());
      }
      try {
        Files.move(temporary, entry(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, entry(key), StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private Path entry(String key) {
    return folder.resolve(key + ".edges");
  }

  private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
    out.writeInt(values.length);
    for (long v : values) {
      out.writeLong(v);
    }
  }

  private static void writeInts(DataOutputStream out, int[] values) throws IOException {
    out.writeInt(values.length);
    for (int v : values) {
      out.writeInt(v);
    }
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    out.writeInt(values.length);
    for (float v : values) {
      out.writeFloat(v);
    }
  }

  private static void writeLabels(DataOutputStream out, CellLabels labels) throws IOException {
    for (String[] column : new String[][] {labels.types(), labels.sides(), labels.transmitters()}) {
      for (String s : column) {
        out.writeBoolean(s != null);
        if (s != null) {
          out.writeUTF(s);
        }
      }
    }
  }

  private static CellLabels readLabels(DataInputStream in, int n) throws IOException {
    String[] types = new String[n];
    String[] sides = new String[n];
    String[] transmitters = new String[n];
    for (String[] column : new String[][] {types, sides, transmitters}) {
      for (int i = 0; i < n; i++) {
        column[i] = in.readBoolean() ? in.readUTF() : null;
      }
    }
    return new CellLabels(types, sides, transmitters);
  }

  private static long[] readLongs(DataInputStream in) throws IOException {
    long[] values = new long[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readLong();
    }
    return values;
  }

  private static int[] readInts(DataInputStream in) throws IOException {
    int[] values = new int[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readInt();
    }
    return values;
  }

  private static float[] readFloats(DataInputStream in) throws IOException {
    float[] values = new float[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readFloat();
    }
    return values;
  }
}
