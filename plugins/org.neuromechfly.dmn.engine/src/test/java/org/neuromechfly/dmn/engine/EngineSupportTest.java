package org.neuromechfly.dmn.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.ExecutionEngine;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.NeuronModel;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.RefractoryMode;
import org.neuromechfly.dmn.model.ResetMode;

/**
 * Which engine trains frozen refractory periods: the fused kernel does for cells that reset to a
 * value (it holds them there, as the frozen membrane is after such a reset), not for subtractive resets,
 * whose frozen membrane `dmn simulate` keeps where the reset left it; SameDiff does not.
 */
class EngineSupportTest {

  @Test
  void frozenPeriodsAreTrainedByTheFusedKernelForCellsThatResetToAValue() {
    CircuitSpec frozen = withFrozenPeriods(ResetMode.ZERO);
    assertEquals(List.of(), EngineSupport.problems(frozen, ExecutionEngine.FUSED));
    List<String> samediff = EngineSupport.problems(frozen, ExecutionEngine.SAMEDIFF);
    assertTrue(samediff.stream().anyMatch(p -> p.contains("population DN has refractory_mode freeze")), samediff.toString());

    List<String> subtracting = EngineSupport.problems(withFrozenPeriods(ResetMode.SUBTRACT), ExecutionEngine.FUSED);
    assertEquals(1, subtracting.size(), subtracting.toString());
    assertTrue(subtracting.get(0).contains("population DN has refractory_mode freeze with a subtractive reset"),
        subtracting.get(0));
  }

  private static CircuitSpec withFrozenPeriods(ResetMode reset) {
    CircuitSpec spec = TinyCircuit.spec(40, GradientPath.FULL);
    List<Population> pops = new ArrayList<>();
    for (Population p : spec.populations()) {
      NeuronModel m = p.neuron();
      pops.add(!p.name().equals("DN") ? p : new Population(p.name(), p.cellType(), p.count(),
          new NeuronModel(m.tauMem(), TinyCircuit.ms(5), m.threshold(), 0.0, TinyCircuit.ms(2), reset, false, m.bias(),
              RefractoryMode.FREEZE), p.learned(), p.sharing()));
    }
    return new CircuitSpec(spec.name(), spec.referenceData(), spec.connectomes(), pops, spec.projections(),
        spec.task(), spec.losses(), spec.training(), spec.exports());
  }
}
