package org.neuromechfly.dmn.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.engine.TinyCircuit;
import org.neuromechfly.dmn.engine.world.WorldSettings;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.LossTerm;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.PopulationSlice;
import org.neuromechfly.dmn.model.Quantity;
import org.neuromechfly.dmn.model.Unit;

class CircuitValidationTest {
  private final CircuitSpec ok = TinyCircuit.spec(20, GradientPath.MOTOR_ONLY);

  private static List<String> problems(CircuitSpec s) {
    return CircuitValidation.problems(s, WorldSettings.defaults());
  }

  @Test
  void theTinyCircuitIsTrainable() {
    assertEquals(List.of(), problems(ok));
  }

  @Test
  void reportsAMissingPathFromSensorsToMotors() {
    CircuitSpec s = new CircuitSpec(ok.name(), null, ok.connectomes(), ok.populations(),
        ok.projections().stream().filter(p -> !p.target().equals("DN") || p.recurrent()).toList(), ok.task(),
        ok.losses(), ok.training(), null);
    assertTrue(problems(s).stream().anyMatch(m -> m.contains("no path of projections leads from the sensory population ORN")));
  }

  @Test
  void reportsAZeroSizePopulation() {
    List<Population> pops = ok.populations().stream()
        .map(p -> p.name().equals("APL") ? new Population("APL", "APL", 0, p.neuron(), p.learned(), p.sharing()) : p)
        .toList();
    CircuitSpec s = new CircuitSpec(ok.name(), null, ok.connectomes(), pops, ok.projections(), ok.task(), ok.losses(),
        ok.training(), null);
    assertTrue(problems(s).contains("population APL has no cells (count 0); give it a count of at least 1"));
  }

  @Test
  void reportsALossOnAMissingPopulation() {
    CircuitSpec s = new CircuitSpec(ok.name(), null, ok.connectomes(), ok.populations(), ok.projections(), ok.task(),
        List.of(new LossTerm.Sparsity(0.1, "LHN", Quantity.of(2, Unit.PERCENT))), ok.training(), null);
    assertTrue(problems(s).stream().anyMatch(m -> m.startsWith("sparsity loss on population LHN")));
  }

  @Test
  void reportsATaskSliceOutsideTheDnPopulation() {
    NavigationTask t = (NavigationTask) ok.task();
    NavigationTask bad = t.toBuilder().motor(t.forward(), new PopulationSlice("DN", 2, 7)).build();
    CircuitSpec s = new CircuitSpec(ok.name(), null, ok.connectomes(), ok.populations(), ok.projections(), bad,
        ok.losses(), ok.training(), null);
    assertTrue(problems(s).stream().anyMatch(m -> m.contains("turn slice DN[2..7] lies outside population DN of 4 cells")),
        problems(s).toString());
  }
}
