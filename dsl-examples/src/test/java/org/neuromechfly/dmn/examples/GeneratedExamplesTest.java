package org.neuromechfly.dmn.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.connectome.wiring.CircuitWiringBuilder;
import org.neuromechfly.dmn.connectome.wiring.DataDirectory;
import org.neuromechfly.dmn.generated.MushroomBodyTraining;
import org.neuromechfly.dmn.generated.OlfactoryNavigationTraining;

/**
 * The programs xtext-maven-plugin generated from the examples in this build: they compiled against the
 * engine (or this test would not compile), and they train.
 */
class GeneratedExamplesTest {
  @TempDir Path dir;

  /**
   * Per-episode training losses are measured on fresh random starts, so they are noisy; the navigation
   * loss that must fall is the distance to the source on the fixed held-out starts, before vs after.
   */
  @Test
  void olfactoryProgramTrainsAndItsHeldOutNavigationLossFalls() throws Exception {
    Path run = dir.resolve("olfactory");
    var result = OlfactoryNavigationTraining.train(run, 4);
    assertEquals(4, result.episodes());
    List<String> history = Files.readAllLines(run.resolve("history.csv"));
    assertEquals(5, history.size(), "header + 4 episodes");
    var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.resolve("summary.json").toFile());
    double before = summary.get("closestApproachBeforeMm").asDouble();
    double after = summary.get("closestApproachAfterMm").asDouble();
    assertTrue(after < before, "held-out closest approach did not fall: " + before + " mm -> " + after + " mm");
    assertTrue(Files.exists(run.resolve("checkpoint.json")));
  }

  @Test
  void mushroomBodyProgramWiresTheHemibrainData() {
    DataDirectory data = DataDirectory.fromSystemProperty();
    Assumptions.assumeTrue(data.exists(), "needs the connectome data directory (-Ddmn.data.dir)");
    var wiring = CircuitWiringBuilder.build(MushroomBodyTraining.circuit(), data.withoutCache());
    var pnToKc = wiring.projection("PN", "KC").orElseThrow().edges();
    assertEquals(119, pnToKc.sourceCount());
    assertEquals(1919, pnToKc.targetCount());
    // 1,776 KCs receive uPN input in CA(R), from 6.46 distinct uPNs on average (data README)
    long innervated = java.util.Arrays.stream(pnToKc.fanIn()).filter(n -> n > 0).count();
    assertEquals(1776, innervated);
    assertEquals(6.46, (double) pnToKc.edgeCount() / innervated, 0.01);
  }
}
