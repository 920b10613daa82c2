package org.neuromechfly.dmn.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Breaks a connectome fixture the way downloads, tools and people do: truncation, flipped bytes,
 * extreme or malformed values, other separators, renamed or duplicated or missing headers, empty and
 * binary files, a folder or a link loop in a table's place, deleted files, stray files, broken gzip.
 */
public final class DataMutator {
  private DataMutator() {}

  static final List<String> VALUES = List.of("-1", "3.5", "2147483648", "1e300", "NaN", "x", "", "-0", "9223372036854775808",
      "18446744073709551616", "1e-400", "Infinity", "\"1,2\"", "\"", "0x10", "1_000", " 7 ", "\u0000", "true", "16777217");

  /** Applies the data edits of {@code mutations} to the fixture (model edits are skipped). */
  public static void apply(DataFixtures.Fixture fixture, List<Mutation> mutations) throws IOException {
    for (Mutation m : mutations) {
      if (!m.kind().onModel()) {
        edit(fixture, m);
      }
    }
  }

  private static List<Path> files(DataFixtures.Fixture fixture) throws IOException {
    if (Files.isRegularFile(fixture.folder())) {
      return List.of(fixture.folder());
    }
    if (!Files.isDirectory(fixture.folder())) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(fixture.folder())) {
      return entries.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
  }

  static void edit(DataFixtures.Fixture fixture, Mutation m) throws IOException {
    List<Path> files = files(fixture);
    if (files.isEmpty()) {
      return;
    }
    Path file = files.get(m.at(files.size()));
    boolean gzipped = file.getFileName().toString().endsWith(".gz");
    byte[] raw = Files.readAllBytes(file);
    switch (m.kind()) {
      case DATA_TRUNCATE -> Files.write(file, java.util.Arrays.copyOf(raw, m.pick() % (raw.length + 1)));
      case DATA_FLIP_BYTES -> {
        byte[] bytes = raw.clone();
        for (int i = m.pick() % Math.max(bytes.length, 1), n = 0; i < bytes.length && n < 8; i += 1 + m.pick() % 13, n++) {
          bytes[i] = (byte) (bytes[i] ^ (1 << (m.pick() % 8)));
        }
        Files.write(file, bytes);
      }
      case DATA_EXTREME_VALUE -> rewriteText(file, gzipped, text -> replaceField(text, m));
      case DATA_SEPARATOR -> rewriteText(file, gzipped, text -> text.replace(",", m.choose(List.of(";", "\t", " ", "|", ",,"))));
      case DATA_HEADER -> rewriteText(file, gzipped, text -> header(text, m));
      case DATA_EMPTY -> Files.write(file, new byte[0]);
      case DATA_BINARY -> Files.write(file, binary(m.pick(), 1 + m.pick() % 4096));
      case DATA_FOLDER -> {
        Files.delete(file);
        Files.createDirectory(file);
      }
      case DATA_LINK_LOOP -> {
        Files.delete(file);
        Path other = file.resolveSibling("loop-" + file.getFileName());
        Files.deleteIfExists(other);
        Files.createSymbolicLink(file, other.getFileName());
        Files.createSymbolicLink(other, file.getFileName());
      }
      case DATA_DELETE -> Files.delete(file);
      case DATA_STRAY_FILE -> {
        Path folder = Files.isDirectory(fixture.folder()) ? fixture.folder() : fixture.folder().getParent();
        Files.write(folder.resolve("stray-" + m.pick() % 7 + m.choose(List.of(".csv", ".csv.gz", ".json", ".parquet", "_adjacency.csv"))),
            m.pick() % 2 == 0 ? binary(m.pick(), 64) : "a;b;c\n1;2;3\n".getBytes(StandardCharsets.UTF_8));
      }
      case DATA_GZIP -> {
        byte[] zipped = gzipped ? raw : gzip(raw);
        byte[] broken = m.pick() % 2 == 0
            ? java.util.Arrays.copyOf(zipped, Math.max(2, zipped.length - 1 - m.pick() % Math.max(zipped.length - 2, 1)))
            : flipTail(zipped, m.pick());
        Files.write(file, broken);
      }
      default -> throw new IllegalArgumentException("not a data edit: " + m);
    }
  }

  private interface TextEdit {
    String apply(String text);
  }

  private static void rewriteText(Path file, boolean gzipped, TextEdit edit) throws IOException {
    byte[] raw = Files.readAllBytes(file);
    String text;
    try {
      text = new String(gzipped ? gunzip(raw) : raw, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return; // already broken by an earlier edit
    }
    byte[] out = edit.apply(text).getBytes(StandardCharsets.UTF_8);
    Files.write(file, gzipped ? gzip(out) : out);
  }

  /** Replaces one field of one data line (comma, whitespace or JSON number) with an extreme value. */
  private static String replaceField(String text, Mutation m) {
    var matcher = java.util.regex.Pattern.compile("(?<=[,\\s:\\[])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?").matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (matcher.find()) {
      spans.add(new int[] {matcher.start(), matcher.end()});
    }
    if (spans.isEmpty()) {
      return text;
    }
    int[] span = spans.get(m.at(spans.size()));
    return text.substring(0, span[0]) + m.choose(VALUES) + text.substring(span[1]);
  }

  private static String header(String text, Mutation m) {
    int end = text.indexOf('\n');
    String first = end < 0 ? text : text.substring(0, end);
    String rest = end < 0 ? "" : text.substring(end);
    return switch (m.pick() % 5) {
      case 0 -> rest.isEmpty() ? rest : rest.substring(1); // no header
      case 1 -> first.toUpperCase(java.util.Locale.ROOT) + rest; // renamed columns
      case 2 -> first + "," + first.substring(first.lastIndexOf(',') + 1) + rest; // a duplicated column
      case 3 -> first.replaceFirst("[A-Za-z_]+", "renamed") + rest;
      default -> "\uFEFF" + first + rest;
    };
  }

  private static byte[] binary(long seed, int length) {
    byte[] bytes = new byte[length];
    new java.util.Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static byte[] flipTail(byte[] bytes, int pick) {
    byte[] copy = bytes.clone();
    for (int i = Math.max(10, copy.length - 1 - pick % 16); i < copy.length; i += 3) {
      copy[i] = (byte) ~copy[i];
    }
    return copy;
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}
