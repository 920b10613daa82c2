package org.neuromechfly.dmn.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromechfly.dmn.export.loihi.LoihiOptions;
import org.neuromechfly.dmn.export.loihi.QuantisationReport;
import org.neuromechfly.dmn.export.loihi.SpikeAgreement;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.TrainingSpec;
import org.neuromechfly.dmn.model.TrainingTarget;

/** The bundle's integers against the model on the same input: agreement per on-chip population. */
class QuantisationAgreementTest {
  @TempDir Path tmp;

  private static final LoihiOptions OPTIONS = LoihiOptions.defaults().withInput(0, 0.1).withReportSteps(2000);

  /** Trained in float (subtractive reset): the bundle follows the rates, not every spike. */
  @Test
  void floatModelIsApproximated() {
    CircuitParameters c = CircuitParameters.initial(TestCircuits.wire(TestCircuits.chain(), tmp));
    QuantisationReport report = Exports.loihi(CircuitSource.of(c), tmp.resolve("q.net"), OPTIONS).report();
    print("float", report);
    assertEquals("float", report.trainedFor());
    assertTrue(report.sourceSpikes().get("IN") > 1000, report.sourceSpikes().toString());
    for (SpikeAgreement a : report.agreement()) {
      assertEquals(SpikeAgreement.SPIKING, a.status(), a.toString());
      assertTrue(a.modelSpikes() > 10, a.population() + " should be active: " + a);
    }
    assertTrue(report.agreement("HID").countAgreement() > 0.8, report.agreement("HID").toString());
    assertTrue(report.agreement("HID").coincidence() < 0.99, "subtractive reset is not Loihi's: " + report.agreement("HID"));
    assertTrue(report.warnings().stream().anyMatch(w -> w.contains("resets by subtraction")));
    for (var l : report.layers()) {
      assertTrue(l.maxVoltage() < 1, "v within 24 bits");
      assertEquals(0L, l.saturatedVoltages(), l.populations().toString());
    }
  }

  /**
   * Trained for Loihi 2: the model computes the integers it will be exported with, so the bundle
   * reproduces it spike for spike (count agreement and coincidence factor 1).
   */
  @Test
  void modelTrainedForLoihiIsReproducedExactly() {
    CircuitParameters c = CircuitParameters.initial(TestCircuits.wire(forLoihi(TestCircuits.chain()), tmp));
    QuantisationReport report = Exports.loihi(CircuitSource.of(c), tmp.resolve("z.net"), OPTIONS).report();
    print("loihi2", report);
    assertEquals("loihi2", report.trainedFor());
    assertTrue(report.warnings().isEmpty(), report.warnings().toString());
    for (SpikeAgreement a : report.agreement()) {
      assertEquals(SpikeAgreement.SPIKING, a.status(), a.toString());
      assertEquals(a.modelSpikes(), a.bundleSpikes(), a.toString());
      assertEquals(1.0, a.countAgreement(), 0, a.toString());
      assertEquals(1.0, a.matchedWithinOneStep(), 0, a.toString());
      assertEquals(1.0, a.coincidence(), 1e-12, a.toString());
    }
  }

  /** A population that fires on neither side says nothing about agreement, and the report says so. */
  @Test
  void silenceOnBothSidesIsReportedAsSuch() {
    CircuitParameters c = CircuitParameters.initial(TestCircuits.wire(forLoihi(TestCircuits.chain()), tmp));
    QuantisationReport report = Exports.loihi(CircuitSource.of(c), tmp.resolve("s.net"),
        LoihiOptions.defaults().withInput(0, 0.0).withReportSteps(200)).report();
    for (SpikeAgreement a : report.agreement()) {
      assertEquals(SpikeAgreement.SILENT, a.status(), a.toString());
      assertNull(a.countAgreement());
      assertNull(a.coincidence());
    }
  }

  /** The chain with target loihi2 and cells that reset to 0, as the language compiles it. */
  static CircuitSpec forLoihi(CircuitSpec spec) {
    List<org.neuromechfly.dmn.model.Population> pops = spec.populations().stream().map(p -> {
      NeuronModel m = p.neuron();
      return TestCircuits.pop(p.name(), p.count(), new NeuronModel(m.tauMem(), m.tauSyn(), m.threshold(), 0.0,
          m.refractory(), ResetMode.ZERO, false, m.bias()));
    }).toList();
    TrainingSpec training = spec.training().toBuilder().target(TrainingTarget.LOIHI2).build();
    return new CircuitSpec(spec.name(), null, List.of(), pops, spec.projections(), null, List.of(), training, null);
  }

  private static void print(String what, QuantisationReport report) {
    for (SpikeAgreement a : report.agreement()) {
      System.out.printf("%s %-4s model %5d bundle %5d  count %.3f  matched±1 %.3f  coincidence %.3f%n", what,
          a.population(), a.modelSpikes(), a.bundleSpikes(), a.countAgreement(), a.matchedWithinOneStep(),
          a.coincidence());
    }
  }
}
