package org.neuromechfly.dmn.circuit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.compiler.CircuitCompiler;
import org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes;
import org.neuromechfly.dmn.model.CircuitKeywords;
import org.neuromechfly.dmn.model.CircuitSpec;
import org.neuromechfly.dmn.model.LearnableParameter;
import org.neuromechfly.dmn.model.Population;
import org.neuromechfly.dmn.model.ResetMode;
import org.neuromechfly.dmn.model.TrainingSpec;
import org.neuromechfly.dmn.model.TrainingTarget;
import org.neuromechfly.dmn.model.json.CircuitJson;

/** {@code training { target loihi2 }}: parsed, compiled, checked while typing; the examples kept in step. */
@ExtendWith(InjectionExtension.class)
@InjectWith(CircuitInjectorProvider.class)
class HardwareTargetTest {
  @Inject private ModelFiles files;
  @Inject private CircuitCompiler compiler;
  @Inject private IGrammarAccess grammar;

  private static final String CIRCUIT = """
      circuit C
      population ORN : ORN { count 4 tau_mem 10 ms }
      population PN : uPN { count 4 tau_mem 10 ms learn bias }
      population KC : KC { count 8 tau_mem 10 ms }
      population APL : APL { count 1 tau_mem 10 ms %s }
      population MBON : MBON { count 2 %s }
      projection ORN -> PN one_to_one
      projection PN -> KC dense
      projection KC -> APL dense
      projection APL -> KC dense
      projection KC -> MBON dense
      projection MBON -> APL dense
      training { %s }
      """;

  private List<Issue> errors(String text) throws Exception {
    var resource = files.parse(text, "test.circuit");
    return files.validate(resource).stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
  }

  private CircuitSpec compile(String text) throws Exception {
    var resource = files.parse(text, "test.circuit");
    assertEquals(List.of(), errors(text).stream().map(Issue::getMessage).toList());
    return compiler.compile((Circuit) resource.getContents().get(0));
  }

  @Test
  void targetCompilesAndOnChipCellsResetToZero() throws Exception {
    CircuitSpec spec = compile(CIRCUIT.formatted("", "tau_mem 10 ms", "target loihi2"));
    assertEquals(TrainingTarget.LOIHI2, spec.training().target());
    assertEquals(ResetMode.SUBTRACT, spec.population("ORN").orElseThrow().neuron().resetMode(),
        "the spike source keeps its reset: it runs off-chip");
    for (String p : List.of("PN", "KC", "APL", "MBON")) {
      assertEquals(ResetMode.ZERO, spec.population(p).orElseThrow().neuron().resetMode(), p);
      assertEquals(0.0, spec.population(p).orElseThrow().neuron().reset(), p);
    }
    assertNull(compile(CIRCUIT.formatted("", "tau_mem 10 ms", "")).training().target(), "no target: float training");
  }

  @Test
  void whatTheBundleCannotHoldIsAnErrorOnTheSettingThatAsksForIt() throws Exception {
    List<Issue> errors = errors(CIRCUIT.formatted("graded", "tau_mem 20 ms learn tau_mem reset subtract", "target loihi2"));
    Set<String> messages = errors.stream().map(Issue::getMessage).collect(Collectors.toSet());
    assertTrue(errors.stream().allMatch(i -> CircuitIssueCodes.HARDWARE_TARGET_UNSUPPORTED.equals(i.getCode())),
        messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.contains("APL is graded")), messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.contains("MBON resets by subtraction")), messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.contains("MBON learns tau_mem")), messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.contains("MBON has tau_mem 20 ms but KC has 10 ms")), messages.toString());
    // the graded error sits on 'graded' (line 5), the others on MBON's settings (line 6)
    assertTrue(errors.stream().anyMatch(i -> i.getMessage().contains("graded") && i.getLineNumber() == 5));
    assertTrue(errors.stream().filter(i -> i.getMessage().startsWith("target loihi2: MBON"))
        .allMatch(i -> i.getLineNumber() == 6));
  }

  @Test
  void unknownTargetsAndEnginesThatCannotTrainForLoihiAreRefused() throws Exception {
    var unknown = errors(CIRCUIT.formatted("", "tau_mem 10 ms", "target loihi3"));
    assertTrue(unknown.stream().anyMatch(i -> i.getMessage().contains("Unknown training target 'loihi3'. Did you mean"
        + " 'loihi2'?")), unknown.toString());
    var samediff = errors(CIRCUIT.formatted("", "tau_mem 10 ms", "engine samediff target loihi2"));
    assertTrue(samediff.stream().anyMatch(i -> i.getMessage().startsWith("The samediff engine cannot train for loihi2")
        && CircuitIssueCodes.ENGINE_UNSUPPORTED.equals(i.getCode())), samediff.toString());
  }

  @Test
  void frozenRefractoryPeriodsAreTrainedByTheFusedEngineForCellsThatResetToAValue() throws Exception {
    String frozen = "tau_syn 5 ms refractory 2 ms refractory_mode freeze";
    assertEquals(List.of(), errors(CIRCUIT.formatted("", frozen + " reset to 0", "")).stream().map(Issue::getMessage)
        .toList());
    var subtracting = errors(CIRCUIT.formatted("", frozen, ""));
    assertTrue(subtracting.stream().anyMatch(i -> i.getMessage().contains("MBON resets by subtraction. Add 'reset to 0'")
        && CircuitIssueCodes.ENGINE_UNSUPPORTED.equals(i.getCode()) && i.getLineNumber() == 6), subtracting.toString());
    var samediff = errors(CIRCUIT.formatted("", frozen + " reset to 0", "engine samediff"));
    assertTrue(samediff.stream().anyMatch(i -> i.getMessage().startsWith("The samediff engine cannot train MBON's frozen"
        + " refractory periods")), samediff.toString());
  }

  /** The keyword list the NIR importer escapes with is the grammar's. */
  @Test
  void keywordListMatchesTheGrammar() {
    Set<String> words = GrammarUtil.getAllKeywords(grammar.getGrammar()).stream()
        .filter(k -> k.matches("[a-z_][a-z_0-9]*") && k.length() > 0).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(words, new TreeSet<>(CircuitKeywords.WORDS));
  }

  /**
   * The main example's hardware-faithful variant differs from it only where Loihi 2 requires (its
   * header says which): whoever changes the main example must change the variant too.
   */
  @Test
  void loihiVariantOfTheMainExampleIsTheMainExampleAsLoihiNeedsIt() throws Exception {
    assertLoihiVariant("olfactory.circuit", "olfactory_loihi2.circuit");
  }

  /** The same for the mushroom body on hemibrain wiring. */
  @Test
  void loihiVariantOfTheHemibrainExampleIsTheHemibrainExampleAsLoihiNeedsIt() throws Exception {
    assertLoihiVariant("hemibrain_navigation.circuit", "hemibrain_navigation_loihi2.circuit");
  }

  private void assertLoihiVariant(String original, String variant) throws Exception {
    CircuitSpec main = compileFile(original);
    CircuitSpec loihi = compileFile(variant);
    assertEquals(TrainingTarget.LOIHI2, loihi.training().target());
    Population loihiApl = loihi.populations().stream().filter(p -> p.name().equals("APL")).findFirst().orElseThrow();
    assertEquals(20.0, loihiApl.initialRate().value(), 1e-9, "APL initial rate in Hz");
    List<Population> pops = main.populations().stream().map(p -> {
      var m = p.neuron();
      boolean onChip = !p.name().equals("ORN") && !p.name().equals("JON");
      var neuron = onChip ? new org.neuromechfly.dmn.model.NeuronModel(m.tauMem(), m.tauSyn(), m.threshold(), 0.0,
          m.refractory(), ResetMode.ZERO, false, m.bias()) : m;
      List<LearnableParameter> learned = p.learned().stream().filter(l -> !onChip || l != LearnableParameter.TAU_MEM)
          .toList();
      // the spiking APL is calibrated to fire (the graded one passes its output on without a rate)
      var initialRate = p.name().equals("APL") ? loihiApl.initialRate() : p.initialRate();
      return new Population(p.name(), p.cellType(), p.count(), neuron, learned, p.sharing(), initialRate);
    }).toList();
    TrainingSpec training = main.training().toBuilder().target(TrainingTarget.LOIHI2).build();
    CircuitSpec expected = new CircuitSpec(loihi.name(), main.referenceData(), main.connectomes(), pops,
        main.projections(), main.task(), main.losses(), training, loihi.exports());
    assertEquals(CircuitJson.write(expected), CircuitJson.write(loihi));
  }

  private CircuitSpec compileFile(String name) throws Exception {
    var resource = files.load(ModelFiles.examples().resolve(name));
    assertEquals(List.of(), files.validate(resource).stream().filter(i -> i.getSeverity() == Severity.ERROR)
        .map(Issue::getMessage).toList(), name);
    return compiler.compile((Circuit) resource.getContents().get(0));
  }
}
