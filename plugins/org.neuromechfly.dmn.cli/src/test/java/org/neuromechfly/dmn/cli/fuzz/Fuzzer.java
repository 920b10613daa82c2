package org.neuromechfly.dmn.cli.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.neuromechfly.dmn.cli.Dmn;
import org.neuromechfly.dmn.model.json.CircuitJson;

/**
 * Runs one fuzz case through the real command line, in process, and checks the promises of issue
 * #12: no exception escapes (no stack trace, no "internal error"), every diagnostic is one line
 * {@code file:line:col: severity: message [code]}, exit codes are the documented ones, validating
 * an input of at most 1 MB takes at most {@value #MAX_VALIDATION_SECONDS} s, and a model that
 * validates without errors compiles, formats to the same IR, and either trains one short episode or
 * is refused before training with a message. Validation time is the validating thread's CPU time,
 * so that other processes on a shared machine do not decide the outcome; wall time above
 * {@value #MAX_WALL_SECONDS} s counts as a hang. Shared by the bounded property run in the test suite
 * (FuzzTest) and the long run (benchmarks/fuzz).
 */
public final class Fuzzer {

  /** The bound on validating an input of at most 1 MB. */
  public static final double MAX_VALIDATION_SECONDS = 5.0;
  /** Wall time that counts as a hang whatever the load. */
  public static final double MAX_WALL_SECONDS = 60.0;

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  static final Pattern DIAGNOSTIC = Pattern.compile("^.+:\\d+:\\d+: (error|warning|info): .+ \\[([a-z0-9_]+)\\]$");

  /** What one case did. */
  public record Outcome(
      String kind, String description, int validateExit, double validateSeconds, double validateWallSeconds, long bytes, boolean hadErrors,
      String training, List<String> violations) {

    public boolean escaped() {
      return !violations.isEmpty();
    }
  }

  /** One run of {@code dmn}: exit code, outputs, CPU seconds of this thread and wall seconds. */
  record Run(int exit, String out, String err, double seconds, double wallSeconds) {}

  private final Path work;
  private final Path sharedData;
  private final boolean forceFusedEngine;
  private int counter;

  /**
   * @param work a scratch folder (each case gets a fresh subfolder, removed afterwards)
   * @param sharedData the shared data folder (for the flyvis fixture, and model seeds naming real data), or null
   * @param forceFusedEngine train with {@code --engine fused} (SameDiff takes ~20× as long per episode)
   */
  public Fuzzer(Path work, Path sharedData, boolean forceFusedEngine) {
    this.work = work;
    this.sharedData = sharedData;
    this.forceFusedEngine = forceFusedEngine;
  }

  static Run dmn(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    int exit;
    try {
      exit = Dmn.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    } catch (RuntimeException | StackOverflowError e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      exit = -1;
      err.write("\nESCAPED: " + trace);
    }
    return new Run(exit, out.toString(), err.toString(), (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9, (System.nanoTime() - start) / 1e9);
  }

  /** A mutated model, validated against the shared data (and, when it validates, compiled, formatted, trained). */
  public Outcome model(String seedName, String seed, List<Mutation> mutations, boolean train) throws IOException {
    Path dir = freshFolder();
    try {
      byte[] bytes = ModelMutator.apply(seed, mutations);
      Path file = Files.write(dir.resolve("mutant.circuit"), bytes);
      String description = seedName + " " + mutations;
      List<String> dataArgs = sharedData == null ? List.of() : List.of("--data-dir", sharedData.toString());
      return check("model", description, file, bytes.length, dataArgs, train, dir);
    } finally {
      delete(dir);
    }
  }

  /** A broken connectome fixture of a format, validated (and trained when it still validates). */
  public Outcome data(String format, List<Mutation> mutations, boolean train) throws IOException {
    Path dir = freshFolder();
    try {
      DataFixtures.Fixture fixture = DataFixtures.write(format, dir.resolve("data"), sharedData);
      DataMutator.apply(fixture, mutations);
      Path file = Files.writeString(dir.resolve("data.circuit"), fixture.model());
      Outcome outcome = check("data", fixture.format() + " " + mutations, file, Files.size(file),
          List.of("--data-dir", fixture.dataRoot().toString()), train, dir);
      List<String> violations = new ArrayList<>(outcome.violations());
      return new Outcome(outcome.kind(), outcome.description(), outcome.validateExit(), outcome.validateSeconds(),
          outcome.validateWallSeconds(), outcome.bytes(),
          outcome.hadErrors(), outcome.training(), violations);
    } finally {
      delete(dir);
    }
  }

  /** A damaged NIR (HDF5) file imported: a model and weights, or one error line. */
  public Outcome nir(String seedName, byte[] seed, List<Mutation> mutations) throws IOException {
    Path dir = freshFolder();
    try {
      Path file = dir.resolve("graph.nir");
      Files.write(file, seed);
      DataFixtures.Fixture asFile = new DataFixtures.Fixture("nir", dir, file, "");
      DataMutator.apply(asFile, mutations);
      Path out = Files.createDirectories(dir.resolve("out"));
      Run r = dmn("import", file.toString(), "--out", out.toString(), "--dt", "0.001");
      List<String> violations = new ArrayList<>();
      noEscape(r, violations);
      if (r.exit() != 0 && r.exit() != 1) {
        violations.add("import exit " + r.exit());
      }
      if (r.exit() == 1 && !r.err().startsWith("error: ")) {
        violations.add("import failed without an error line: " + r.err());
      }
      if (r.wallSeconds() > MAX_WALL_SECONDS) {
        violations.add(String.format(java.util.Locale.ROOT, "import took %.1f s", r.wallSeconds()));
      }
      return new Outcome("nir", seedName + " " + mutations, r.exit(), r.seconds(), r.wallSeconds(), seed.length, r.exit() != 0, "-", violations);
    } finally {
      delete(dir);
    }
  }

  private Outcome check(String kind, String description, Path file, long bytes, List<String> dataArgs, boolean train, Path dir)
      throws IOException {
    List<String> violations = new ArrayList<>();
    Run validate = dmn(concat(List.of("validate"), dataArgs, List.of(file.toString())));
    noEscape(validate, violations);
    boolean errors = false;
    for (String line : validate.out().lines().toList()) {
      var m = DIAGNOSTIC.matcher(line);
      if (!m.matches()) {
        violations.add("not a one-line diagnostic: " + cut(line));
      } else {
        errors |= m.group(1).equals("error");
        if (m.group(2).equals("none") || m.group(2).equals("internal_error")) {
          violations.add("diagnostic without a proper code: " + cut(line));
        }
      }
    }
    for (String line : validate.err().lines().toList()) {
      if (!line.startsWith("error: ") && !line.matches("\\d+ of \\d+ file\\(s\\) failed validation")) {
        violations.add("unexpected error output: " + cut(line));
      }
    }
    if (validate.exit() != (errors || validate.err().startsWith("error: ") ? 1 : 0)) {
      violations.add("validate exit " + validate.exit() + " with" + (errors ? "" : "out") + " errors");
    }
    if (bytes <= ModelMutator.MAX_BYTES && validate.seconds() > MAX_VALIDATION_SECONDS) {
      violations.add(String.format(java.util.Locale.ROOT, "validation took %.1f s of CPU", validate.seconds()));
    }
    if (validate.wallSeconds() > MAX_WALL_SECONDS) {
      violations.add(String.format(java.util.Locale.ROOT, "validation took %.1f s (wall)", validate.wallSeconds()));
    }
    String training = "-";
    if (validate.exit() == 0 && violations.isEmpty()) {
      checkCompileAndFormat(file, dataArgs, dir, violations);
      if (train && violations.isEmpty()) {
        training = train(file, dataArgs, dir, violations);
      }
    }
    return new Outcome(kind, description, validate.exit(), validate.seconds(), validate.wallSeconds(), bytes, errors, training, violations);
  }

  private static void checkCompileAndFormat(Path file, List<String> dataArgs, Path dir, List<String> violations) throws IOException {
    Run compile = dmn(concat(List.of("compile"), dataArgs, List.of(file.toString())));
    noEscape(compile, violations);
    if (compile.exit() != 0) {
      violations.add("validates without errors but does not compile: " + cut(compile.err()));
      return;
    }
    Path formatted = dir.resolve("formatted.circuit");
    Files.copy(file, formatted);
    Run fmt = dmn("fmt", formatted.toString());
    noEscape(fmt, violations);
    if (fmt.exit() != 0) {
      violations.add("validates but does not format: " + cut(fmt.out() + fmt.err()));
      return;
    }
    if (dmn("fmt", "--check", formatted.toString()).exit() != 0) {
      violations.add("formatting is not idempotent");
    }
    Run again = dmn(concat(List.of("compile"), dataArgs, List.of(formatted.toString())));
    if (again.exit() != 0 || !CircuitJson.read(again.out()).equals(CircuitJson.read(compile.out()))) {
      violations.add("formatting changed the compiled circuit");
    }
  }

  private String train(Path file, List<String> dataArgs, Path dir, List<String> violations) {
    List<String> args = new ArrayList<>(List.of(concat(List.of("train"), dataArgs,
        List.of(file.toString(), "--episodes", "1", "--out", dir.resolve("run").toString(), "--no-progress"))));
    if (forceFusedEngine) {
      args.addAll(List.of("--engine", "fused"));
    }
    Run r = dmn(args.toArray(String[]::new));
    noEscape(r, violations);
    if (r.exit() == 0) {
      if (!r.out().contains("done: 1 episodes")) {
        violations.add("train exited 0 without training an episode: " + cut(r.out()));
      }
      if (r.out().contains("final loss NaN")) {
        violations.add("trained to a loss of NaN");
      }
      return "trained";
    }
    if (r.exit() != 1 || !r.err().startsWith("error: ")) {
      violations.add("train exit " + r.exit() + " without an error message: " + cut(r.err()));
    }
    return "refused";
  }

  /** A Java exception's class name in output: a stack trace or an exception's toString leaked. */
  private static final Pattern JAVA_EXCEPTION = Pattern.compile("\\b(java|javax|org|com|net|picocli)\\.[\\w.$]+(Exception|Error)\\b");

  private static void noEscape(Run r, List<String> violations) {
    String all = r.out() + r.err();
    for (String sign : List.of("ESCAPED: ", "internal error", "\tat ", "[internal_error]", "Error executing")) {
      if (all.contains(sign)) {
        violations.add("escape (" + sign.trim() + "): " + cut(all.substring(Math.max(0, all.indexOf(sign) - 200))));
        return;
      }
    }
    var m = JAVA_EXCEPTION.matcher(all);
    if (m.find()) {
      violations.add("escape (" + m.group() + "): " + cut(all.substring(Math.max(0, m.start() - 200))));
    }
  }

  private static String[] concat(List<String> a, List<String> b, List<String> c) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    all.addAll(c);
    return all.toArray(String[]::new);
  }

  private static String cut(String s) {
    return s.length() > 600 ? s.substring(0, 600) + "…" : s;
  }

  private synchronized Path freshFolder() throws IOException {
    return Files.createDirectories(work.resolve("case-" + (counter++)));
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
