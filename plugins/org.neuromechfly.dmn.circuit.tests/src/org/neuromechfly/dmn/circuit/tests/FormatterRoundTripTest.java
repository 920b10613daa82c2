package org.neuromechfly.dmn.circuit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuromechfly.dmn.circuit.formatting2.CanonicalText;

/**
 * Review by diff is safe only if formatting never changes meaning: formatted text parses to a model
 * structurally equal to the original, formatting is idempotent, and any layout of the same tokens
 * formats to the same text.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(CircuitInjectorProvider.class)
class FormatterRoundTripTest {
  @Inject private ModelFiles files;
  @Inject private CanonicalText canonical;

  static Stream<Path> models() throws Exception {
    return CorpusTest.validModels();
  }

  @ParameterizedTest
  @MethodSource("models")
  void formattingPreservesTheModelAndIsIdempotent(Path model) throws Exception {
    XtextResource original = files.load(model);
    String once = canonical.of(original);
    XtextResource reparsed = files.parse(once, model.getFileName().toString());
    assertTrue(reparsed.getErrors().isEmpty(), () -> reparsed.getErrors() + "\n" + once);
    assertTrue(EcoreUtil.equals(original.getContents().get(0), reparsed.getContents().get(0)), "formatting changed the model:\n" + once);
    assertEquals(once, canonical.of(reparsed), "formatting is not idempotent");
  }

  @ParameterizedTest
  @MethodSource("models")
  void anyLayoutOfTheSameTokensFormatsAlike(Path model) throws Exception {
    String text = withoutComments(Files.readString(model));
    String messy = outsideStrings(text, part -> part.replaceAll("\\s+", "  ").replace("(", " ( ").replace(",", " , ").replace("{", "\n\n{\t"));
    assertNotEquals(text, messy);
    assertEquals(canonical.of(files.parse(text, "a.circuit")), canonical.of(files.parse(messy, "b.circuit")));
  }

  @ParameterizedTest
  @MethodSource("models")
  void examplesAreWrittenInCanonicalLayout(Path model) throws Exception {
    String text = Files.readString(model);
    assertEquals(text, canonical.of(files.load(model)), model + " is not in canonical layout (run dmn fmt)");
  }

  /** Applies a change to the text between string literals only. */
  private static String outsideStrings(String text, java.util.function.UnaryOperator<String> change) {
    String[] parts = text.split("\"", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      out.append(i % 2 == 0 ? change.apply(parts[i]) : parts[i]);
      if (i < parts.length - 1) {
        out.append('"');
      }
    }
    return out.toString();
  }

  private static String withoutComments(String text) {
    return text.replaceAll("//[^\n]*", "");
  }
}
