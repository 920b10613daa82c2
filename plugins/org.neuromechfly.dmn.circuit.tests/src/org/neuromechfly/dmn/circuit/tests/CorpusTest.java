package org.neuromechfly.dmn.circuit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes;

/**
 * The model corpus: every file under {@code valid/} (and every example) validates without a
 * diagnostic; every file under {@code invalid/} states the diagnostics it must produce in comments
 * ({@code // expect error missing_unit 4:22}) and produces exactly those.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(CircuitInjectorProvider.class)
class CorpusTest {
  private static final Pattern EXPECT = Pattern.compile("//\\s*expect\\s+(error|warning|info)\\s+(\\S+)\\s+(\\d+):(\\d+)");

  @Inject private ModelFiles files;

  static Stream<Path> validModels() throws Exception {
    return Stream.concat(ModelFiles.circuits(ModelFiles.resources().resolve("corpus/valid")).stream(), ModelFiles.circuits(ModelFiles.examples()).stream());
  }

  static Stream<Path> invalidModels() throws Exception {
    return ModelFiles.circuits(ModelFiles.resources().resolve("corpus/invalid")).stream();
  }

  /** Corpus models may be tiny, so notes on counts far from the reference (infos) are allowed there. */
  @ParameterizedTest
  @MethodSource("validModels")
  void validModelHasNoErrorsOrWarnings(Path model) throws Exception {
    List<Issue> issues = files.validate(files.load(model));
    assertEquals(List.of(), issues.stream().filter(i -> i.getSeverity() != Severity.INFO).map(CorpusTest::describe).toList(), model.toString());
  }

  /** The shipped examples are the reference users start from: they draw no diagnostic at all. */
  @Test
  void examplesHaveNoDiagnosticsAtAll() throws Exception {
    for (Path model : ModelFiles.circuits(ModelFiles.examples())) {
      List<Issue> issues = files.validate(files.load(model));
      assertEquals(List.of(), issues.stream().map(CorpusTest::describe).toList(), model.toString());
    }
  }

  @ParameterizedTest
  @MethodSource("invalidModels")
  void invalidModelReportsExactlyTheExpectedDiagnostics(Path model) throws Exception {
    String text = Files.readString(model);
    org.junit.jupiter.api.Assumptions.assumeTrue(
        !text.contains("// requires data") || Files.isDirectory(Path.of(System.getProperty("dmn.data.dir", "../../../shared/data"))),
        model + " needs the connectome data directory (-Ddmn.data.dir)");
    var expected = new TreeSet<String>();
    Matcher m = EXPECT.matcher(text);
    while (m.find()) {
      expected.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + ":" + m.group(4));
    }
    assertFalse(expected.isEmpty(), model + " states no expected diagnostics");
    boolean infosExpected = expected.stream().anyMatch(e -> e.startsWith("info"));
    var actual = new TreeSet<String>();
    for (Issue issue : files.validate(files.load(model))) {
      if (infosExpected || issue.getSeverity() != Severity.INFO) {
        actual.add(describe(issue));
      }
    }
    assertEquals(expected, actual, model.toString());
  }

  @Test
  void everyInvalidModelHasAMessageAndACode() throws Exception {
    for (Path model : invalidModels().toList()) {
      if (Files.readString(model).contains("// requires data")) {
        continue;
      }
      for (Issue issue : files.validate(files.load(model))) {
        assertFalse(issue.getMessage() == null || issue.getMessage().isBlank(), model.toString());
        assertFalse(issue.getCode() == null, model + ": " + issue.getMessage());
      }
    }
  }

  static String describe(Issue issue) {
    String code = issue.getCode() == null ? "none" : CircuitIssueCodes.shortCode(issue.getCode());
    if (code.startsWith("org.eclipse.xtext.diagnostics.Diagnostic.")) {
      code = code.substring("org.eclipse.xtext.diagnostics.Diagnostic.".length()).toLowerCase();
    } else if (code.startsWith("org.neuromechfly.dmn.circuit.")) {
      code = code.substring("org.neuromechfly.dmn.circuit.".length());
    }
    return issue.getSeverity().name().toLowerCase() + " " + code + " " + issue.getLineNumber() + ":" + issue.getColumn();
  }
}
