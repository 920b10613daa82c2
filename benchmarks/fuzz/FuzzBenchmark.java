import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.neuromechfly.dmn.cli.fuzz.DataFixtures;
import org.neuromechfly.dmn.cli.fuzz.Fuzzer;
import org.neuromechfly.dmn.cli.fuzz.Mutation;
import org.neuromechfly.dmn.cli.fuzz.Seeds;

/**
 * The long fuzz run of issue #12: the same cases and promises as the bounded run in the test suite
 * (FuzzTest, through {@link Fuzzer}), for as many cases as asked, with figures — cases tried per kind,
 * escapes found, the slowest validations (CPU and wall), how many valid mutants trained or were refused
 * before training — and the machine's load. A harness, not a test: see benchmarks/fuzz/README.md.
 *
 * <p>Arguments: {@code --cases N} (default 20000), {@code --seed S} (default 42), {@code --data DIR}
 * (the shared data, default ../shared/data), {@code --train P} (fraction of valid mutants also trained
 * for one episode, default 0.1), {@code --report FILE} (default target/fuzz-report.md), {@code --as-written}
 * (train with the model's own engine instead of forcing the fused one).
 */
public final class FuzzBenchmark {

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int cases = Integer.parseInt(options.getOrDefault("--cases", "20000"));
    long seed = Long.parseLong(options.getOrDefault("--seed", "42"));
    double trainShare = Double.parseDouble(options.getOrDefault("--train", "0.1"));
    Path data = Path.of(options.getOrDefault("--data", "../shared/data"));
    Path report = Path.of(options.getOrDefault("--report", "target/fuzz-report.md"));
    boolean asWritten = options.containsKey("--as-written");
    System.setProperty("dmn.data.dir", data.toAbsolutePath().toString());

    Path work = Files.createTempDirectory("dmn-fuzz-bench");
    List<Seeds.Seed> seeds = Seeds.load(Path.of("."));
    List<byte[]> nirSeeds = nirSeeds(work, data);
    Fuzzer fuzzer = new Fuzzer(work, Files.isDirectory(data) ? data : null, !asWritten);
    Random random = new Random(seed);
    List<Mutation.Kind> modelKinds = Arrays.stream(Mutation.Kind.values()).filter(Mutation.Kind::onModel).toList();
    List<Mutation.Kind> dataKinds = Arrays.stream(Mutation.Kind.values()).filter(k -> !k.onModel()).toList();
    List<Mutation.Kind> nirKinds = List.of(Mutation.Kind.DATA_TRUNCATE, Mutation.Kind.DATA_FLIP_BYTES, Mutation.Kind.DATA_EMPTY, Mutation.Kind.DATA_BINARY);

    String loadBefore = load();
    long started = System.nanoTime();
    Map<String, int[]> perKind = new TreeMap<>(); // tried, escapes, valid, trained, refused
    Map<String, List<Double>> cpu = new TreeMap<>();
    List<Fuzzer.Outcome> escapes = new ArrayList<>();
    List<Fuzzer.Outcome> slowest = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      double r = random.nextDouble();
      Fuzzer.Outcome outcome;
      if (r < 0.7) {
        Seeds.Seed s = random.nextInt(3) == 0 ? seeds.get(seeds.size() - 1) : seeds.get(random.nextInt(seeds.size()));
        outcome = fuzzer.model(s.name(), s.text(), mutations(random, modelKinds, 4), random.nextDouble() < trainShare);
      } else if (r < 0.92) {
        String format = DataFixtures.FORMATS.get(random.nextInt(DataFixtures.FORMATS.size()));
        outcome = fuzzer.data(format, mutations(random, dataKinds, 3), random.nextDouble() < trainShare);
      } else {
        int which = random.nextInt(nirSeeds.size());
        outcome = fuzzer.nir("nir#" + which, nirSeeds.get(which), mutations(random, nirKinds, 3));
      }
      int[] counts = perKind.computeIfAbsent(outcome.kind(), k -> new int[5]);
      counts[0]++;
      counts[1] += outcome.escaped() ? 1 : 0;
      counts[2] += outcome.validateExit() == 0 && !outcome.hadErrors() ? 1 : 0;
      counts[3] += outcome.training().equals("trained") ? 1 : 0;
      counts[4] += outcome.training().equals("refused") ? 1 : 0;
      cpu.computeIfAbsent(outcome.kind(), k -> new ArrayList<>()).add(outcome.validateSeconds());
      if (outcome.escaped()) {
        escapes.add(outcome);
        System.out.println("ESCAPE " + outcome.description() + ": " + outcome.violations());
      }
      slowest.add(outcome);
      slowest.sort(Comparator.comparingDouble(Fuzzer.Outcome::validateSeconds).reversed());
      if (slowest.size() > 5) {
        slowest.remove(5);
      }
      if ((i + 1) % 500 == 0) {
        System.out.printf(Locale.ROOT, "%d cases, %d escapes, %.0f s%n", i + 1, escapes.size(), (System.nanoTime() - started) / 1e9);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    String text = report(cases, seed, seconds, loadBefore, load(), perKind, cpu, escapes, slowest, trainShare, asWritten);
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, text);
    System.out.println(text);
    System.exit(escapes.isEmpty() ? 0 : 1);
  }

  static List<Mutation> mutations(Random random, List<Mutation.Kind> kinds, int max) {
    List<Mutation> list = new ArrayList<>();
    for (int n = 1 + random.nextInt(max); n > 0; n--) {
      list.add(new Mutation(kinds.get(random.nextInt(kinds.size())), random.nextDouble(), random.nextInt(100_000)));
    }
    return list;
  }

  static List<byte[]> nirSeeds(Path work, Path data) throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    Path model = Files.writeString(work.resolve("small.circuit"), Seeds.small().replace(" refractory 2 ms", ""));
    Path nir = work.resolve("small.nir");
    org.neuromechfly.dmn.cli.Dmn.run(new java.io.PrintWriter(System.out), new java.io.PrintWriter(System.err), "export", model.toString(), "--nir", nir.toString());
    seeds.add(Files.readAllBytes(nir));
    Path samples = data.resolve("nir_samples");
    if (Files.isDirectory(samples)) {
      try (var files = Files.list(samples)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".nir")).sorted().toList()) {
          seeds.add(Files.readAllBytes(f));
        }
      }
    }
    return seeds;
  }

  static String report(int cases, long seed, double seconds, String loadBefore, String loadAfter, Map<String, int[]> perKind,
      Map<String, List<Double>> cpu, List<Fuzzer.Outcome> escapes, List<Fuzzer.Outcome> slowest, double trainShare, boolean asWritten) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "# Fuzz run: %d cases, seed %d, %.0f s%n%n", cases, seed, seconds));
    b.append(String.format(Locale.ROOT, "Java %s, %d cores, max heap %d MiB; load average before: %s, after: %s; train share %.2f%s%n%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        loadBefore, loadAfter, trainShare, asWritten ? " (engine as written)" : " (fused engine)"));
    b.append("| kind | cases | escapes | valid | trained | refused before training | validation CPU median / p99 / max (s) |\n");
    b.append("|---|---|---|---|---|---|---|\n");
    int total = 0;
    int escaped = 0;
    for (var e : perKind.entrySet()) {
      int[] c = e.getValue();
      List<Double> t = new ArrayList<>(cpu.get(e.getKey()));
      t.sort(null);
      b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.3f / %.3f / %.3f |%n", e.getKey(), c[0], c[1], c[2], c[3], c[4],
          t.get(t.size() / 2), t.get(Math.min(t.size() - 1, (int) (t.size() * 0.99))), t.get(t.size() - 1)));
      total += c[0];
      escaped += c[1];
    }
    b.append(String.format(Locale.ROOT, "%n**%d cases, %d escapes.**%n%n", total, escaped));
    b.append("Slowest validations (CPU s / wall s, bytes, case):\n\n");
    for (Fuzzer.Outcome o : slowest) {
      b.append(String.format(Locale.ROOT, "- %.2f / %.2f, %d bytes: %s%n", o.validateSeconds(), o.validateWallSeconds(), o.bytes(), cut(o.description())));
    }
    if (!escapes.isEmpty()) {
      b.append("\nEscapes:\n\n");
      for (Fuzzer.Outcome o : escapes.subList(0, Math.min(20, escapes.size()))) {
        b.append("- ").append(cut(o.description())).append(": ").append(cut(o.violations().toString())).append('\n');
      }
    }
    return b.toString();
  }

  static String cut(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
    } catch (IOException e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--as-written")) {
        options.put(args[i], "true");
      } else if (i + 1 < args.length) {
        options.put(args[i], args[++i]);
      }
    }
    return options;
  }
}
