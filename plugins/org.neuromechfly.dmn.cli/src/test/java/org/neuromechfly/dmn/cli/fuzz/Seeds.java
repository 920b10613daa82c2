package org.neuromechfly.dmn.cli.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The models the fuzzing starts from: the language's valid and invalid corpus, the examples, and a
 * small model that trains in a second (so that valid mutants can be trained often).
 */
public final class Seeds {
  private Seeds() {}

  /** A seed model. */
  public record Seed(String name, String text) {}

  /**
   * Reads the seeds.
   *
   * @param repository the repository root (corpus and examples are read from their usual places)
   */
  public static List<Seed> load(Path repository) throws IOException {
    List<Seed> seeds = new ArrayList<>();
    Path corpus = repository.resolve("plugins/org.neuromechfly.dmn.circuit.tests/resources/corpus");
    for (Path folder : List.of(corpus.resolve("valid"), corpus.resolve("invalid"), repository.resolve("dsl-examples"))) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".circuit")).sorted().toList()) {
          seeds.add(new Seed(repository.relativize(file).toString(), Files.readString(file)));
        }
      }
    }
    seeds.add(new Seed("small", small()));
    return seeds;
  }

  /** The small trainable model (a test resource of the command line). */
  public static String small() throws IOException {
    try (var in = Seeds.class.getResourceAsStream("/fuzz/small.circuit")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
