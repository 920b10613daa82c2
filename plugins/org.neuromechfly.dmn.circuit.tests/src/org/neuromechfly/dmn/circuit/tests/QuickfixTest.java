package org.neuromechfly.dmn.circuit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.ide.quickfix.IssueQuickfixes;
import org.neuromechfly.dmn.circuit.ide.quickfix.IssueQuickfixes.Fix;
import org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes;
import org.neuromechfly.dmn.connectome.reference.ReferenceData;

/**
 * Each quick fix end to end: a model that triggers the diagnostic, the fix's edits applied to the text,
 * and the re-validated result free of that diagnostic.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(CircuitIdeInjectorProvider.class)
class QuickfixTest {
  @Inject private ParseHelper<Circuit> parser;
  @Inject private ValidationTestHelper validation;
  @Inject private IssueQuickfixes quickfixes;

  @Test
  void unknownCellTypeIsReplacedByTheTypeAnAliasNames() throws Exception {
    String text = "circuit Mb\npopulation KC : Kenyon { count 50 }\n";
    List<Fix> fixes = fixes(text, CircuitIssueCodes.UNKNOWN_CELL_TYPE);
    assertEquals("Change to 'KC'", fixes.get(0).label());
    assertFixed(text, CircuitIssueCodes.UNKNOWN_CELL_TYPE, 0, "circuit Mb\npopulation KC : KC { count 50 }\n");
  }

  @Test
  void misspelledCellTypeIsReplacedByTheNearestType() throws Exception {
    String text = "circuit Al\npopulation PN : uPM { count 50 }\n";
    assertFixed(text, CircuitIssueCodes.UNKNOWN_CELL_TYPE, 0, "circuit Al\npopulation PN : uPN { count 50 }\n");
  }

  @Test
  void cellTypeGuessesComeBestFirst() throws Exception {
    String text = "circuit Mb\npopulation M : MBOM { count 50 }\n";
    List<String> labels = fixes(text, CircuitIssueCodes.UNKNOWN_CELL_TYPE).stream().map(Fix::label).toList();
    assertEquals("Change to 'MBON'", labels.get(0), labels.toString());
  }

  @Test
  void unknownPopulationIsChangedToTheClosestDeclaredOneBestFirst() throws Exception {
    String text = "circuit Mb\npopulation MBON : MBON { count 50 }\npopulation KC : KC { count 50 }\nprojection KC -> MBNO dense\n";
    String code = org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC;
    List<String> labels = fixes(text, code).stream().map(Fix::label).toList();
    assertEquals(List.of("Change to 'MBON'", "Change to 'KC'"), labels);
    assertFixed(text, code, 0, text.replace("MBNO", "MBON"));
  }

  @Test
  void unknownPopulationThatIsACellTypeCanBeDeclared() throws Exception {
    String text = "circuit Mb\npopulation KC : KC { count 50 }\nprojection KC -> MBON dense\n";
    String code = org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC;
    List<Fix> fixes = fixes(text, code);
    Fix declare = fixes.stream().filter(f -> f.label().startsWith("Declare")).findFirst().orElseThrow(() -> new AssertionError(fixes.toString()));
    String fixed = declare.applyTo(text);
    assertTrue(fixed.contains("population KC : KC { count 50 }\npopulation MBON : MBON { count "), fixed);
    assertTrue(issues(fixed).stream().noneMatch(i -> code.equals(i.getCode())), issues(fixed).toString());
  }

  @Test
  void missingUnitIsAppended() throws Exception {
    assertFixed(
        "circuit U\npopulation A : ORN { count 50 tau_mem 20 }\n",
        CircuitIssueCodes.MISSING_UNIT,
        0,
        "circuit U\npopulation A : ORN { count 50 tau_mem 20 ms }\n");
  }

  @Test
  void unitOfTheWrongDimensionIsReplaced() throws Exception {
    assertFixed(
        "circuit U\npopulation A : ORN { count 50 tau_mem 20 mm }\n",
        CircuitIssueCodes.WRONG_DIMENSION,
        0,
        "circuit U\npopulation A : ORN { count 50 tau_mem 20 ms }\n");
  }

  @Test
  void unknownWordIsReplacedByTheNearestOne() throws Exception {
    assertFixed(
        "circuit T\ntraining { optimizer adma }\n",
        CircuitIssueCodes.UNKNOWN_CHOICE,
        0,
        "circuit T\ntraining { optimizer adam }\n");
  }

  @Test
  void signContradictingTheTransmitterIsRemoved() throws Exception {
    assertFixed(
        """
        circuit S
        population A : ORN { count 5 }
        population B : uPN { count 5 }
        projection A -> B one_to_one sign inhibitory weight constant(0.5)
        """,
        CircuitIssueCodes.SIGN_CONTRADICTS_TRANSMITTER,
        0,
        """
        circuit S
        population A : ORN { count 5 }
        population B : uPN { count 5 }
        projection A -> B one_to_one weight constant(0.5)
        """);
  }

  @Test
  void implausibleTauIsSetToTheTypicalValue() throws Exception {
    String text = "circuit Tau\npopulation A : ORN { count 50 tau_mem 900 ms }\n";
    Issue issue = issue(text, CircuitIssueCodes.TAU_OUT_OF_RANGE);
    String typical = issue.getData()[0];
    assertTrue(typical.endsWith(" ms"), typical);
    assertFixed(text, CircuitIssueCodes.TAU_OUT_OF_RANGE, 0, text.replace("900 ms", typical));
  }

  @Test
  void implausibleThresholdIsSetToTheTypicalValue() throws Exception {
    String text = "circuit Th\npopulation A : ORN { count 50 threshold 40 }\n";
    String typical = issue(text, CircuitIssueCodes.THRESHOLD_OUT_OF_RANGE).getData()[0];
    assertFixed(text, CircuitIssueCodes.THRESHOLD_OUT_OF_RANGE, 0, text.replace("threshold 40", "threshold " + typical));
  }

  @Test
  void countFarFromTheReferenceIsSetToTheReferenceCount() throws Exception {
    String text = "circuit Far\npopulation KC : KC { count 1 }\n";
    String typical = issue(text, CircuitIssueCodes.COUNT_FAR_FROM_REFERENCE).getData()[0];
    assertFixed(text, CircuitIssueCodes.COUNT_FAR_FROM_REFERENCE, 0, text.replace("count 1", "count " + typical));
  }

  @Test
  void implausibleKcSparsityTargetIsSetToTheTypicalValue() throws Exception {
    String text = "circuit Sp\npopulation KC : KC { count 2000 }\nloss { sparsity 1 on KC target 90 % }\n";
    String typical = issue(text, CircuitIssueCodes.SPARSITY_OUT_OF_RANGE).getData()[0];
    assertFixed(text, CircuitIssueCodes.SPARSITY_OUT_OF_RANGE, 0, text.replace("90 %", typical));
  }

  @Test
  void fanInLargerThanTheSourceIsSetToItsSize() throws Exception {
    String model =
        """
        circuit F
        population A : ORN { count 5 }
        population B : uPN { count 5 }
        projection A -> B random fan_in %s
        """;
    assertFixed(model.formatted(12), CircuitIssueCodes.FAN_IN_TOO_LARGE, 0, model.formatted(5));
  }

  @Test
  void missingCountOpensABlockWithTheReferenceCount() throws Exception {
    long typical = Math.round(ReferenceData.bundled().cellType("KC").orElseThrow().count().typical());
    assertFixed(
        "circuit C\npopulation KC : KC\n",
        CircuitIssueCodes.MISSING_COUNT,
        0,
        "circuit C\npopulation KC : KC { count " + typical + " }\n");
  }

  @Test
  void missingCountJoinsAnInlineBlock() throws Exception {
    long typical = Math.round(ReferenceData.bundled().cellType("KC").orElseThrow().count().typical());
    assertFixed(
        "circuit C\npopulation KC : KC { tau_mem 20 ms }\n",
        CircuitIssueCodes.MISSING_COUNT,
        0,
        "circuit C\npopulation KC : KC { count " + typical + " tau_mem 20 ms }\n");
  }

  @Test
  void missingCountGoesOnItsOwnLineInAMultiLineBlock() throws Exception {
    assertFixed(
        """
        circuit C
        population X : Unknown_type_xyz {
          tau_mem 20 ms
        }
        """,
        CircuitIssueCodes.MISSING_COUNT,
        0,
        """
        circuit C
        population X : Unknown_type_xyz {
          tau_mem 20 ms
          count 1
        }
        """);
  }

  @Test
  void missingTaskSettingIsAddedWithItsExample() throws Exception {
    String model =
        """
        circuit Nav
        population DN : DN { count 10 }
        task navigation {
          arena 200 mm x 200 mm
          source at (150 mm, 100 mm)
          start within 40 mm of (50 mm, 100 mm)
          steps 1000
          forward from DN[0..4]
          turn from DN[5..9]%s
        }
        """;
    assertFixed(model.formatted(""), CircuitIssueCodes.MISSING_TASK_SETTING, 0, model.formatted("\n  dt 1 ms"));
  }

  @Test
  void populationCountIsSetToWhatTheConnectomeQuerySelects() throws Exception {
    assumeTrue(
        Files.isDirectory(Path.of(System.getProperty("dmn.data.dir", "../../../shared/data"), "hemibrain_v1.2.1_mushroom_body")),
        "needs the connectome data directory (-Ddmn.data.dir)");
    String text =
        """
        circuit Query
        connectome hemibrain neuprint "hemibrain_v1.2.1_mushroom_body" version "v1.2.1"
        population KC : KC { count 3 }
        population MBON : MBON { count 2 }
        projection KC -> MBON from hemibrain where pre "KC.*" post "MBON.*"
        """;
    Issue issue = issue(text, CircuitIssueCodes.CONNECTOME_COUNT_MISMATCH);
    String population = issue.getData()[0];
    String selected = issue.getData()[1];
    String fixed = fixes(text, issue).get(0).applyTo(text);
    assertTrue(fixed.contains("population " + population + " : " + population + " { count " + selected + " }"), fixed);
    assertTrue(
        issues(fixed).stream().noneMatch(i -> CircuitIssueCodes.CONNECTOME_COUNT_MISMATCH.equals(i.getCode()) && population.equals(i.getData()[0])),
        () -> issues(fixed).toString());
  }

  @Test
  void issuesWithoutAFixGetNone() throws Exception {
    // a transmitter the language does not know carries no suggestion: no fix rather than a wrong one
    String text = "circuit X\npopulation A : ORN { count 5 }\npopulation B : uPN { count 5 }\nprojection A -> B dense transmitter XYZ\n";
    assertTrue(fixes(text, issue(text, CircuitIssueCodes.UNKNOWN_CHOICE)).isEmpty());
  }

  // --- limits (issue #12) ---------------------------------------------------------------------------

  private static final String TASK = """
      circuit L
      population DN : DN { count 10 }
      task navigation {
        arena 200 mm x 200 mm source at (150 mm, 100 mm) start within %s of (140 mm, 100 mm)
        steps 100 dt 1 ms %s forward from DN[0..4] turn from %s
      }
      loss { navigation 1.0 goal radius %s }
      training { batch %s }
      """;

  private static String task(String radius, String extra, String turn, String goal, String batch) {
    return TASK.formatted(radius, extra, turn, goal, batch);
  }

  @Test
  void aReversedRangeIsWrittenLowToHigh() throws Exception {
    assertFixed(task("10 mm", "", "DN[9..5]", "10 mm", "2"), CircuitIssueCodes.SLICE_OUT_OF_RANGE, 0,
        task("10 mm", "", "DN[5..9]", "10 mm", "2"));
  }

  @Test
  void negativeRadiiAndSpeedsAndOverlongDelaysGetSensibleValues() throws Exception {
    assertFixed(task("-10 mm", "", "DN[5..9]", "10 mm", "2"), CircuitIssueCodes.VALUE_OUT_OF_RANGE, 0,
        task("10 mm", "", "DN[5..9]", "10 mm", "2"));
    assertFixed(task("10 mm", "max speed 0 mm/s", "DN[5..9]", "10 mm", "2"), CircuitIssueCodes.VALUE_OUT_OF_RANGE, 0,
        task("10 mm", "max speed 30 mm/s", "DN[5..9]", "10 mm", "2"));
    assertFixed(task("10 mm", "", "DN[5..9]", "0 mm", "2"), CircuitIssueCodes.VALUE_OUT_OF_RANGE, 0,
        task("10 mm", "", "DN[5..9]", "10 mm", "2"));
    assertFixed(task("10 mm", "motor delay 5 s", "DN[5..9]", "10 mm", "2"), CircuitIssueCodes.DELAY_TOO_LONG, 0,
        task("10 mm", "motor delay 20 ms", "DN[5..9]", "10 mm", "2"));
  }

  @Test
  void aBatchTooLargeToTrainIsCutToTheLargestThatFits() throws Exception {
    String text = task("10 mm", "", "DN[5..9]", "10 mm", "2000000000");
    Issue issue = issue(text, CircuitIssueCodes.TOO_LARGE_TO_TRAIN);
    int batch = Integer.parseInt(issue.getData()[0]);
    // 100 steps × 10 cells: no larger batch fits one Java array, and this Java VM's heap decides the rest
    assertTrue(batch >= 1 && batch <= (Integer.MAX_VALUE - 8L) / 1000, issue.toString());
    String fixed = fixes(text, issue).get(0).applyTo(text);
    assertEquals(task("10 mm", "", "DN[5..9]", "10 mm", Integer.toString(batch)), fixed);
    assertTrue(issues(fixed).stream().noneMatch(i -> CircuitIssueCodes.TOO_LARGE_TO_TRAIN.equals(i.getCode())), () -> issues(fixed).toString());
    String oneMore = task("10 mm", "", "DN[5..9]", "10 mm", Integer.toString(batch + 1));
    assertTrue(issues(oneMore).stream().anyMatch(i -> CircuitIssueCodes.TOO_LARGE_TO_TRAIN.equals(i.getCode())), "the largest that fits");
  }

  // --- helpers --------------------------------------------------------------------------------------

  /** Applies fix {@code index} of the first issue with the code and checks the result. */
  private void assertFixed(String text, String code, int index, String expected) {
    Issue issue = issue(text, code);
    List<Fix> fixes = fixes(text, issue);
    assertTrue(fixes.size() > index, () -> "no fix " + index + " for " + issue + ": " + fixes);
    String fixed = fixes.get(index).applyTo(text);
    assertEquals(expected, fixed);
    Predicate<Issue> same = i -> code.equals(i.getCode()) && Arrays.equals(i.getData(), issue.getData());
    assertFalse(issues(fixed).stream().anyMatch(same), () -> "still reported after the fix: " + issues(fixed));
  }

  private List<Fix> fixes(String text, String code) {
    return fixes(text, issue(text, code));
  }

  /** Fixes against a fresh parse of the text, as the editor computes them. */
  private List<Fix> fixes(String text, Issue issue) {
    return quickfixes.fixes(resource(text), issue);
  }

  private Issue issue(String text, String code) {
    return issues(text).stream()
        .filter(i -> code.equals(i.getCode()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + issues(text)));
  }

  private List<Issue> issues(String text) {
    return validation.validate(resource(text));
  }

  private XtextResource resource(String text) {
    try {
      return (XtextResource) parser.parse(text).eResource();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
