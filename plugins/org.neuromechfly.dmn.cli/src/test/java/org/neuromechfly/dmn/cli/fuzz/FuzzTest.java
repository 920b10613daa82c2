package org.neuromechfly.dmn.cli.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Assertions;

/**
 * The bounded fuzz run of the test suite (issue #12): a few thousand mutated models, broken
 * connectome exports and damaged NIR files, with fixed seeds, through the real command line. Every
 * case must keep the promises {@link Fuzzer} checks. Valid mutants of the small seed and of the data
 * fixtures are also trained for one episode (a bounded number per run). The long run with its figures
 * is {@code benchmarks/fuzz}.
 */
class FuzzTest {
  private static final int TRAININGS_PER_PROPERTY = 6;

  private static Path work;
  private static Fuzzer fuzzer;
  private static List<Seeds.Seed> seeds;
  private static final AtomicInteger modelTrainings = new AtomicInteger();
  private static final AtomicInteger dataTrainings = new AtomicInteger();

  @BeforeContainer
  static void setUp() throws IOException {
    work = Files.createTempDirectory("dmn-fuzz");
    Path repository = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "../.."));
    seeds = Seeds.load(repository);
    String data = System.getProperty("dmn.data.dir");
    fuzzer = new Fuzzer(work, data == null ? null : Path.of(data), true);
  }

  @AfterContainer
  static void tearDown() throws IOException {
    try (var all = Files.walk(work)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Property(tries = 2000, seed = "1207202612", shrinking = ShrinkingMode.BOUNDED)
  void mutatedModelsKeepThePromises(@ForAll("seedIndex") int seed, @ForAll("modelMutations") List<Mutation> mutations) throws IOException {
    Seeds.Seed s = seeds.get(seed);
    boolean train = s.name().equals("small") && modelTrainings.get() < TRAININGS_PER_PROPERTY;
    Fuzzer.Outcome outcome = fuzzer.model(s.name(), s.text(), mutations, train);
    if (!outcome.training().equals("-")) {
      modelTrainings.incrementAndGet();
    }
    Assertions.assertEquals(List.of(), outcome.violations(), outcome.description());
  }

  @Property(tries = 700, seed = "1207202613", shrinking = ShrinkingMode.BOUNDED)
  void brokenConnectomeDataIsReportedNotCrashedOn(@ForAll("formats") String format, @ForAll("dataMutations") List<Mutation> mutations)
      throws IOException {
    boolean train = dataTrainings.get() < TRAININGS_PER_PROPERTY;
    Fuzzer.Outcome outcome = fuzzer.data(format, mutations, train);
    if (!outcome.training().equals("-")) {
      dataTrainings.incrementAndGet();
    }
    Assertions.assertEquals(List.of(), outcome.violations(), outcome.description());
  }

  @Property(tries = 300, seed = "1207202614", shrinking = ShrinkingMode.BOUNDED)
  void damagedNirFilesImportOrFailWithOneLine(@ForAll("nirSeeds") NirSeed seed, @ForAll("nirMutations") List<Mutation> mutations)
      throws IOException {
    Fuzzer.Outcome outcome = fuzzer.nir(seed.name(), seed.bytes(), mutations);
    Assertions.assertEquals(List.of(), outcome.violations(), outcome.description());
  }

  record NirSeed(String name, byte[] bytes) {
    @Override
    public String toString() {
      return name;
    }
  }

  @Provide
  Arbitrary<Integer> seedIndex() {
    // the small model twice as often as any other seed: its valid mutants are cheap to check fully
    int small = seeds.size() - 1;
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, Arbitraries.just(small)),
        net.jqwik.api.Tuple.of(Math.max(small, 1), Arbitraries.integers().between(0, small)));
  }

  @Provide
  Arbitrary<List<Mutation>> modelMutations() {
    return mutations(java.util.Arrays.stream(Mutation.Kind.values()).filter(Mutation.Kind::onModel).toList(), 4);
  }

  @Provide
  Arbitrary<List<Mutation>> dataMutations() {
    return mutations(java.util.Arrays.stream(Mutation.Kind.values()).filter(k -> !k.onModel()).toList(), 3);
  }

  @Provide
  Arbitrary<List<Mutation>> nirMutations() {
    return mutations(List.of(Mutation.Kind.DATA_TRUNCATE, Mutation.Kind.DATA_FLIP_BYTES, Mutation.Kind.DATA_EMPTY, Mutation.Kind.DATA_BINARY), 3);
  }

  @Provide
  Arbitrary<String> formats() {
    return Arbitraries.of(DataFixtures.FORMATS);
  }

  @Provide
  Arbitrary<NirSeed> nirSeeds() {
    return Arbitraries.of(nirSeedList());
  }

  static Arbitrary<List<Mutation>> mutations(List<Mutation.Kind> kinds, int max) {
    return Combinators.combine(Arbitraries.of(kinds), Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 100_000))
        .as(Mutation::new)
        .list().ofMinSize(1).ofMaxSize(max);
  }

  /** NIR files to damage: one exported here from the small model, and the NIR samples of the shared data. */
  static List<NirSeed> nirSeedList() {
    try {
      List<NirSeed> result = new ArrayList<>();
      Path dir = Files.createDirectories(work.resolve("nir-seeds"));
      // NIR has no refractory period: the exported seed leaves it out
      Path model = Files.writeString(dir.resolve("small.circuit"), Seeds.small().replace(" refractory 2 ms", ""));
      Path nir = dir.resolve("small.nir");
      if (!Files.exists(nir)) {
        var r = Fuzzer.dmn("export", model.toString(), "--nir", nir.toString());
        Assertions.assertEquals(0, r.exit(), r.err());
      }
      result.add(new NirSeed("small.nir", Files.readAllBytes(nir)));
      String data = System.getProperty("dmn.data.dir");
      Path samples = data == null ? null : Path.of(data, "nir_samples");
      if (samples != null && Files.isDirectory(samples)) {
        try (var files = Files.list(samples)) {
          for (Path f : files.filter(f -> f.toString().endsWith(".nir")).sorted().toList()) {
            result.add(new NirSeed(f.getFileName().toString(), Files.readAllBytes(f)));
          }
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
