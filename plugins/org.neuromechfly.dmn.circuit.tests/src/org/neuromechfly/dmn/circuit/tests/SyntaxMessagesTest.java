package org.neuromechfly.dmn.circuit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.Resource.Diagnostic;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Syntax errors say what was expected in the language's words, never ANTLR's token names. */
@ExtendWith(InjectionExtension.class)
@InjectWith(CircuitInjectorProvider.class)
class SyntaxMessagesTest {
  @Inject private Provider<XtextResourceSet> resourceSets;

  /** A parsed resource, also for texts too broken to yield a root object. */
  private Resource resource(String text) throws Exception {
    Resource resource = resourceSets.get().createResource(URI.createURI("syntax.circuit"));
    resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
    return resource;
  }

  @Test
  void aKeywordWhereAPopulationNameBelongs() throws Exception {
    assertEquals(
        "expected a population name after 'projection', found the keyword 'task'",
        firstError("circuit C\npopulation A : ORN { count 4 }\nprojection task\n"));
  }

  @Test
  void aMissingTargetPopulation() throws Exception {
    assertEquals(
        "expected a population name after '->', found the keyword 'dense'",
        firstError("circuit C\npopulation A : ORN { count 4 }\nprojection A -> dense\n"));
  }

  @Test
  void aMissingCellType() throws Exception {
    assertEquals(
        "expected a cell type (e.g. ORN, uPN, KC, MBON, DN) after ':', found '{'",
        firstError("circuit C\npopulation A : { count 4 }\n"));
  }

  @Test
  void anUnknownSettingInABlockListsTheSettings() throws Exception {
    String message = firstError("circuit C\npopulation A : ORN { count 4 colour 3 }\n");
    assertEquals(
        "expected a population setting (count, tau_mem, tau_syn, threshold, refractory, bias, reset, learn, shared,"
            + " graded, initial, from, refractory_mode) or '}' after '4', found 'colour'",
        message);
  }

  @Test
  void aWordOfAVocabulary() throws Exception {
    assertEquals(
        "expected one of adam, rmsprop, sgd after 'optimizer', found '3'",
        firstError("circuit C\ntraining { optimizer 3 }\n"));
  }

  @Test
  void aFileThatEndsInsideABlock() throws Exception {
    String message = firstError("circuit C\npopulation A : ORN { count 4\n");
    assertEquals(
        "expected a population setting (count, tau_mem, tau_syn, threshold, refractory, bias, reset, learn, shared,"
            + " graded, initial, from, refractory_mode) or '}' after '4', found the end of the file; is a '}' missing?",
        message);
  }

  @Test
  void aConnectomeSourceAfterFromInAProjection() throws Exception {
    assertEquals(
        "expected a connectome source name after 'from', found '\"x\"'",
        firstError("circuit C\npopulation A : ORN { count 4 }\nprojection A -> A from \"x\"\n"));
  }

  @Test
  void noMessageNamesAnAntlrToken() throws Exception {
    for (String text : new String[] {
        "circuit", "circuit C population", "circuit C\npopulation A : ORN { count }", "circuit C\nprojection A -> B random fan_in x",
        "circuit C\ntask navigation { arena 3 mm y 4 mm }", "circuit C\nloss { sparsity 0.1 on }", "circuit C\nexport nir",
        "circuit C\nprojection A -> B dense weight foo", "circuit C\n}"}) {
      var resource = resource(text);
      assertFalse(resource.getErrors().isEmpty(), text);
      for (Diagnostic error : resource.getErrors()) {
        assertFalse(error.getMessage().matches(".*(RULE_|mismatched|no viable|EOF|extraneous).*"), text + " -> " + error.getMessage());
      }
    }
  }

  private String firstError(String text) throws Exception {
    var errors = resource(text).getErrors();
    assertFalse(errors.isEmpty(), "no syntax error in: " + text);
    return errors.get(0).getMessage();
  }
}
