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

  @Test
  void olfactoryProgramTrainsAndItsLossFalls() throws Exception {
    Path run = dir.resolve("olfactory");
    var result = OlfactoryNavigationTraining.train(run, 4);
    assertEquals(4, result.episodes());
    List<Double> losses = Files.readAllLines(run.resolve("history.csv")).stream().skip(1)
        .map(line -> Double.parseDouble(line.split(",")[2])).toList();
    assertEquals(4, losses.size());
    assertTrue(losses.get(losses.size() - 1) < losses.get(0), "loss did not fall: " + losses);
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
