package org.neuromechfly.dmn.circuit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.compiler.CircuitCompiler;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.Connectivity;
import org.neuromechfly.dmn.model.GradientPath;
import org.neuromechfly.dmn.model.NavigationTask;
import org.neuromechfly.dmn.model.Optimizer;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.Sign;
import org.neuromechfly.dmn.model.Transmitter;
import org.neuromechfly.dmn.model.json.CircuitJson;

@ExtendWith(InjectionExtension.class)
@InjectWith(CircuitInjectorProvider.class)
class CompilerTest {
  @Inject private ModelFiles files;
  @Inject private CircuitCompiler compiler;

  private CircuitSpec compile(String text) throws Exception {
    var resource = files.parse(text, "test.circuit");
    assertEquals(java.util.List.of(), files.validate(resource).stream().filter(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR).map(i -> i.getMessage()).toList());
    return compiler.compile((Circuit) resource.getContents().get(0));
  }

  @Test
  void convertsQuantitiesToSiAndFillsDefaults() throws Exception {
    CircuitSpec spec = compile("""
        circuit C
        population ORN : ORN { count 4 tau_mem 10 ms reset to 0 }
        population PN : uPN { count 4 }
        projection ORN -> PN one_to_one
        training { lr 0.01 optimizer sgd }
        """);
    var orn = spec.population("ORN").orElseThrow();
    assertEquals(0.010, orn.neuron().tauMem().si(), 1e-15);
    assertEquals(ResetMode.ZERO, orn.neuron().resetMode());
    assertEquals(0.020, spec.population("PN").orElseThrow().neuron().tauMem().si(), 1e-15);
    assertNull(orn.neuron().tauSyn());
    assertEquals(Optimizer.SGD, spec.training().optimizer());
    assertEquals(0.01, spec.training().learningRate());
    assertEquals(42, spec.training().seed());
  }

  @Test
  void signComesFromTheSourceCellTypesTransmitter() throws Exception {
    CircuitSpec spec = compile("""
        circuit C
        population KC : KC { count 10 }
        population APL : APL { count 1 graded }
        projection KC -> APL dense
        projection APL -> KC dense
        """);
    assertEquals(Sign.EXCITATORY, spec.projections().get(0).sign());
    assertEquals(Transmitter.ACETYLCHOLINE, spec.projections().get(0).transmitter());
    assertEquals(Sign.INHIBITORY, spec.projections().get(1).sign());
    assertEquals(Transmitter.GABA, spec.projections().get(1).transmitter());
  }

  @Test
  void wholePopulationSliceAndTaskDefaults() throws Exception {
    CircuitSpec spec = compile("""
        circuit C
        population DN : DN { count 6 }
        task navigation {
          arena 200 mm x 100 mm source at (150 mm, 50 mm) start within 40 mm of (50 mm, 50 mm)
          steps 100 dt 1 ms forward from DN turn from DN[3..5]
        }
        """);
    NavigationTask task = assertInstanceOf(NavigationTask.class, spec.task());
    assertEquals(0, task.forward().first());
    assertEquals(5, task.forward().last());
    assertEquals(0.2, task.arenaWidth().si(), 1e-12);
    assertEquals(GradientPath.MOTOR_ONLY, task.gradientPath());
    assertEquals(0.02, task.motorDelay().si(), 1e-12);
  }

  @Test
  void connectomeQueriesCarryTheirFilters() throws Exception {
    CircuitSpec spec = compile("""
        circuit C
        connectome hb neuprint "hemibrain" version "v1.2.1"
        population PN : uPN { count 119 }
        population KC : KC { count 1776 }
        projection PN -> KC from hb where roi "CA(R)" pre ".*PN" post "KC.*" min_synapses 3
        """);
    var rule = assertInstanceOf(Connectivity.FromConnectome.class, spec.projections().get(0).connectivity());
    assertEquals("hb", rule.source());
    assertEquals("CA(R)", rule.query().roi());
    assertEquals(3, rule.query().minSynapses());
    assertEquals("v1.2.1", spec.connectome("hb").orElseThrow().version());
  }

  @Test
  void irMatchesTheGoldenFiles() throws Exception {
    for (Path model : ModelFiles.circuits(ModelFiles.examples())) {
      var resource = files.load(model);
      String json = CircuitJson.write(compiler.compile((Circuit) resource.getContents().get(0)));
      Path golden = ModelFiles.resources().resolve("golden").resolve(model.getFileName().toString().replace(".circuit", ".ir.json"));
      if (Boolean.getBoolean("dmn.golden.update")) {
        Files.writeString(golden, json);
      }
      assertTrue(Files.exists(golden), "missing golden file " + golden + "; run the build with -Ddmn.golden.update=true once and review it");
      assertEquals(Files.readString(golden), json, model + " compiles to different IR than " + golden);
      assertEquals(json, CircuitJson.write(CircuitJson.read(json)), "IR JSON does not round-trip");
    }
  }
}
