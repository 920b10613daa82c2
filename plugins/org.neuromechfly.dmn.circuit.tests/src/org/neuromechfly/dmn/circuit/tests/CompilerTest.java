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

  @Test
  void experimentTaskCompilesStimuliSilencingAndRefractoryMode() throws Exception {
    CircuitSpec spec = compile("""
        circuit E
        population A : ORN { count 10 tau_syn 5 ms reset to 0 refractory 2.1 ms refractory_mode freeze }
        population B : uPN { count 5 tau_syn 5 ms }
        projection A -> B dense weight constant(0.5)
        task experiment {
          dt 0.1 ms
          duration 50 ms
          trials 3
          stimulate A[0..3] poisson 150 Hz
          stimulate B poisson 20 Hz weight 0.5
          silence B[1..2]
        }
        """);
    var task = assertInstanceOf(org.neuromechfly.dmn.model.StimulusExperiment.class, spec.task());
    assertEquals(500, task.steps());
    assertEquals(1e-4, task.dt().si(), 1e-18);
    assertEquals(3, task.trials());
    assertEquals(2, task.stimuli().size());
    var a = task.stimuli().get(0);
    assertEquals("A", a.cells().population());
    assertEquals(0, a.cells().first());
    assertEquals(3, a.cells().last());
    assertEquals(150, a.rate().si(), 1e-12);
    // Shiu et al. 2024: 250 x 0.275 mV per Poisson event over the 7 mV from rest to threshold
    assertEquals(250 * 0.275 / 7, a.weight(), 1e-12);
    assertEquals(0.5, task.stimuli().get(1).weight(), 1e-12);
    assertEquals("B", task.silenced().get(0).population());
    assertEquals(org.neuromechfly.dmn.model.RefractoryMode.FREEZE,
        spec.population("A").orElseThrow().neuron().refractoryBehaviour());
    assertEquals(org.neuromechfly.dmn.model.RefractoryMode.CLAMP,
        spec.population("B").orElseThrow().neuron().refractoryBehaviour());
    String json = CircuitJson.write(spec);
    assertEquals(json, CircuitJson.write(CircuitJson.read(json)), "IR JSON does not round-trip");
  }

  @Test
  void experimentSettingsAndNavigationSettingsDoNotMix() throws Exception {
    var resource = files.parse("""
        circuit E
        population A : ORN { count 10 }
        task experiment {
          dt 0.1 ms
          duration 50 ms
          arena 1 m x 1 m
          stimulate A[0..12] poisson 150 Hz
          stimulate A neurons 7 poisson 150 Hz
        }
        """, "test.circuit");
    var codes = files.validate(resource).stream()
        .filter(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR)
        .map(i -> org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes.shortCode(i.getCode()) + "@" + i.getLineNumber())
        .sorted().toList();
    assertEquals(java.util.List.of("slice_out_of_range@7", "unknown_neuron@8", "wrong_task_setting@6"), codes);
  }
}
