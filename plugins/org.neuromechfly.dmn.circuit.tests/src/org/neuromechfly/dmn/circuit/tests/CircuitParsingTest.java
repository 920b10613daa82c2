package org.neuromechfly.dmn.circuit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage;
import org.neuromechfly.dmn.circuit.circuit.NeuronParameter;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.Task;
import org.neuromechfly.dmn.circuit.circuit.CellSlice;
import org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes;

@ExtendWith(InjectionExtension.class)
@InjectWith(CircuitInjectorProvider.class)
class CircuitParsingTest {
  @Inject private ParseHelper<Circuit> parser;
  @Inject private ValidationTestHelper validation;

  @Test
  void parsesPopulationsProjectionsAndQuantities() throws Exception {
    Circuit circuit = parser.parse("""
        circuit Tiny
        population A : ORN { count 4 tau_mem 1.5e1 ms threshold 1.0 }
        population B : uPN { count 4 tau_mem 20 ms reset to -0.5 }
        projection A -> B one_to_one weight normal(0.5, 0.1) learn delay 2 ms
        """);
    assertTrue(circuit.eResource().getErrors().isEmpty(), () -> circuit.eResource().getErrors().toString());
    Population a = (Population) circuit.getElements().get(0);
    NeuronParameter tau = (NeuronParameter) a.getSettings().get(1);
    assertEquals(15.0, tau.getValue().getValue());
    assertEquals("ms", tau.getValue().getUnit());
    Projection p = (Projection) circuit.getElements().get(2);
    assertEquals("B", p.getTarget().getName());
    validation.assertNoErrors(circuit);
  }

  @Test
  void parsesCellRangesNextToIntegers() throws Exception {
    // '0..4' must lex as INT '..' INT, not as a malformed decimal
    Circuit circuit = parser.parse("""
        circuit Slices
        population DN : DN { count 10 }
        task navigation {
          arena 200 mm x 200 mm source at (150 mm, 100 mm) start within 40 mm of (50 mm, 100 mm)
          steps 10 dt 1 ms forward from DN[0..4] turn from DN[5..9]
        }
        """);
    assertTrue(circuit.eResource().getErrors().isEmpty(), () -> circuit.eResource().getErrors().toString());
    Task task = (Task) circuit.getElements().get(1);
    CellSlice turn = ((org.neuromechfly.dmn.circuit.circuit.TurnSetting) task.getSettings().get(6)).getCells();
    assertEquals(5, turn.getFirst());
    assertEquals(9, turn.getLast());
  }

  @Test
  void unknownPopulationIsALinkingError() throws Exception {
    Circuit circuit = parser.parse("""
        circuit Broken
        population A : ORN { count 4 }
        projection A -> Nowhere dense
        """);
    validation.assertError(circuit, CircuitPackage.Literals.PROJECTION, org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC, "Nowhere");
  }

  @Test
  void bareUnitGetsAHelpfulSyntaxError() throws Exception {
    Circuit circuit = parser.parse("""
        circuit Bare
        population A : ORN { count 4 tau_mem ms }
        """);
    assertFalse(circuit.eResource().getErrors().isEmpty());
    var messages = circuit.eResource().getErrors().stream().map(e -> e.getMessage()).toList();
    assertTrue(messages.stream().anyMatch(m -> m.contains("needs a number")), messages.toString());
  }

  @Test
  void wrongDimensionIsReported() throws Exception {
    Circuit circuit = parser.parse("""
        circuit Units
        population A : ORN { count 4 tau_mem 20 mm }
        """);
    validation.assertError(circuit, CircuitPackage.Literals.QUANTITY, CircuitIssueCodes.WRONG_DIMENSION, "tau_mem is a time");
  }
}
