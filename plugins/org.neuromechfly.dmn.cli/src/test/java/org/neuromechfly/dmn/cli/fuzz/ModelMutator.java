package org.neuromechfly.dmn.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits a {@code .circuit} text the way typing, copying, tools and attackers do: truncation, token
 * deletions, duplications and swaps, keywords where names belong, extreme numbers, swapped units,
 * control characters, repeated lines and list items, huge names, hostile paths, other connectome
 * formats and other encodings. Deterministic: the same text and mutations give the same bytes.
 */
public final class ModelMutator {
  private ModelMutator() {}

  /** Largest mutant: the fuzz invariants are stated for inputs of at most 1 MB. */
  public static final int MAX_BYTES = 1 << 20;

  private static final Pattern TOKEN = Pattern.compile(
      "\"(?:[^\"\\\\]++|\\\\.)*+\"?|//[^\\n]*|\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?|[A-Za-z_][A-Za-z0-9_]*|\\S");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  static final List<String> KEYWORDS = List.of(
      "circuit", "population", "projection", "connectome", "task", "loss", "training", "export", "count", "tau_mem",
      "tau_syn", "threshold", "refractory", "bias", "reset", "learn", "shared", "graded", "one_to_one", "glomerular",
      "random", "fan_in", "dense", "from", "where", "roi", "pre", "post", "side", "min_synapses", "weight", "delay",
      "navigation", "arena", "source", "plume", "start", "within", "of", "steps", "dt", "motor", "forward", "turn",
      "max", "speed", "gradient", "energy", "sparsity", "activity", "band", "optimizer", "lr", "schedule", "episodes",
      "batch", "clip", "seed", "checkpoint", "every", "bptt", "window", "engine", "surrogate", "slope", "nir", "loihi",
      "x", "..", "->", "{", "}", "(", ")", "[", "]", ",", ":", "*", "%", "-", "/", "samediff", "fused", "KC", "DN", "ORN");
  static final List<String> EXTREMES = List.of(
      "0", "-0", "-1", "1", "2147483647", "2147483648", "-2147483649", "4294967296", "99999999999999999999999",
      "1e308", "1e309", "1e-400", "4.9e-324", "1e-300", "0.0000001", "1e6", "1000000", "123456789.123456789", "1e-3",
      "65536", "00000000000000000000000000001", "1.5", "-1e308");
  static final List<String> UNITS = List.of("ms", "s", "us", "mm", "m", "um", "cm", "Hz", "kHz", "%", "mm/s", "m/s",
      "deg", "deg/s", "mV", "furlong", "mm/ms", "ms/mm", "");
  static final List<String> CONTROLS = List.of("\u0000", "\n", "\r", "\f", "\t", "\u2028", "\uFEFF", "\u001b", "\r\n", "\u00a0", "\uD83E\uDEB0");
  static final List<String> HOSTILE_STRINGS = List.of(
      "/etc/passwd", "../../../etc/hostname", "\\u0000", "", " ", "x".repeat(5000), "C:\\\\data", "~/.ssh/id_rsa",
      "hemibrain_v1.2.1_mushroom_body/../../..", "nir_samples", "flyvis/fib25-fib19_v2.2.json",
      "larval_mb_eichler2017_graspologic", "hemibrain_olf_data_schlegel2021", "schema_samples", "flyvis",
      "hemibrain_v1.2.1_mushroom_body/neurons.csv", "README.md", "\\n\\r\\f", ".", "..", "/", "/dev/zero", "/proc/self/mem",
      "hemibrain_v1.2.1_mushroom_body", "[(?<", "*", "KC.*", ".*", "(a+)+b", "((a+)+)+b", "((.*)*)*x", "CA(R)");
  static final List<String> FORMATS = List.of("neuprint", "codex", "flyvis", "adjacency", "shiu", "csv", "nir");
  static final List<Integer> REPEATS = List.of(2, 3, 10, 100, 1000, 5000);

  /** The mutant's bytes (UTF-8 unless an encoding edit re-encoded it), at most {@link #MAX_BYTES}. */
  public static byte[] apply(String text, List<Mutation> mutations) {
    String current = text;
    byte[] encoded = null;
    for (Mutation m : mutations) {
      if (!m.kind().onModel()) {
        continue;
      }
      if (m.kind() == Mutation.Kind.ENCODING) {
        encoded = encode(current, m);
        continue;
      }
      current = edit(current, m);
      if (current.length() > MAX_BYTES / 2) {
        current = current.substring(0, MAX_BYTES / 2);
      }
    }
    byte[] bytes = encoded != null ? encoded : current.getBytes(StandardCharsets.UTF_8);
    return bytes.length > MAX_BYTES ? java.util.Arrays.copyOf(bytes, MAX_BYTES) : bytes;
  }

  private record Token(int start, int end, String text) {}

  private static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(new Token(m.start(), m.end(), m.group()));
    }
    return tokens;
  }

  private static List<Token> matching(List<Token> tokens, Pattern pattern) {
    return tokens.stream().filter(t -> pattern.matcher(t.text()).matches()).toList();
  }

  private static String replace(String text, Token t, String with) {
    return text.substring(0, t.start()) + with + text.substring(t.end());
  }

  static String edit(String text, Mutation m) {
    List<Token> tokens = tokens(text);
    if (tokens.isEmpty()) {
      return m.kind() == Mutation.Kind.CONTROL_CHARACTER ? m.choose(CONTROLS) + text : text;
    }
    Token t = tokens.get(m.at(tokens.size()));
    switch (m.kind()) {
      case TRUNCATE -> {
        return text.substring(0, m.at(text.length() + 1));
      }
      case DELETE_TOKEN -> {
        return replace(text, t, "");
      }
      case DUPLICATE_TOKEN -> {
        return replace(text, t, t.text() + " " + t.text());
      }
      case SWAP_TOKENS -> {
        Token u = tokens.get(m.pick() % tokens.size());
        if (u == t) {
          return text;
        }
        Token first = u.start() < t.start() ? u : t;
        Token second = first == u ? t : u;
        return text.substring(0, first.start()) + second.text() + text.substring(first.end(), second.start()) + first.text()
            + text.substring(second.end());
      }
      case KEYWORD_FOR_TOKEN -> {
        return replace(text, t, m.choose(KEYWORDS));
      }
      case EXTREME_NUMBER -> {
        List<Token> numbers = matching(tokens, NUMBER);
        return numbers.isEmpty() ? text : replace(text, numbers.get(m.at(numbers.size())), m.choose(EXTREMES));
      }
      case UNIT_SWAP -> {
        List<Token> units = tokens.stream().filter(u -> UNITS.contains(u.text()) && !u.text().isEmpty()).toList();
        return units.isEmpty() ? text : replace(text, units.get(m.at(units.size())), m.choose(UNITS));
      }
      case CONTROL_CHARACTER -> {
        int at = m.at(text.length() + 1);
        return text.substring(0, at) + m.choose(CONTROLS) + text.substring(at);
      }
      case REPEAT_LINE -> {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = m.at(lines.size());
        int times = Math.min(m.choose(REPEATS), MAX_BYTES / 2 / Math.max(1, lines.get(at).length() + 1));
        lines.addAll(at, Collections.nCopies(Math.max(times - 1, 0), lines.get(at)));
        return String.join("\n", lines);
      }
      case REPEAT_LIST_ITEM -> {
        List<Token> commas = tokens.stream().filter(c -> c.text().equals(",")).toList();
        if (commas.isEmpty()) {
          return text;
        }
        Token comma = commas.get(m.at(commas.size()));
        int next = tokens.indexOf(comma) + 1;
        if (next >= tokens.size()) {
          return text;
        }
        String item = tokens.get(next).text();
        int times = Math.min(m.choose(REPEATS) * 10, MAX_BYTES / 2 / (item.length() + 2));
        return text.substring(0, comma.end()) + (" " + item + ",").repeat(times) + text.substring(comma.end());
      }
      case LONG_IDENTIFIER -> {
        List<Token> names = matching(tokens, NAME);
        return names.isEmpty() ? text : replace(text, names.get(m.at(names.size())), "N" + "n".repeat(List.of(100, 1000, 10_000, 100_000).get(m.pick() % 4)));
      }
      case HOSTILE_STRING -> {
        List<Token> strings = tokens.stream().filter(s -> s.text().startsWith("\"")).toList();
        return strings.isEmpty() ? text : replace(text, strings.get(m.at(strings.size())), "\"" + m.choose(HOSTILE_STRINGS) + "\"");
      }
      case FORMAT_SWAP -> {
        List<Token> formats = tokens.stream().filter(f -> FORMATS.contains(f.text())).toList();
        return formats.isEmpty() ? text : replace(text, formats.get(m.at(formats.size())), m.choose(FORMATS));
      }
      default -> throw new IllegalArgumentException("not a text edit: " + m);
    }
  }

  /** Other encodings, and bytes that are not UTF-8 at all. */
  private static byte[] encode(String text, Mutation m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (m.pick() % 5) {
      case 0 -> out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
      case 1 -> out.writeBytes(text.getBytes(StandardCharsets.UTF_16));
      case 2 -> {
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
      }
      case 3 -> {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int at = m.at(bytes.length + 1);
        out.write(bytes, 0, at);
        out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
        out.write(bytes, at, bytes.length - at);
      }
      default -> {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = m.at(bytes.length + 1); i < bytes.length; i += 97) {
          bytes[i] = (byte) (bytes[i] ^ 0x80);
        }
        out.writeBytes(bytes);
      }
    }
    return out.toByteArray();
  }
}
