package org.neuromechfly.dmn.circuit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuromechfly.dmn.circuit.CircuitResource;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.Population;

/**
 * Elements of long lists are named (URI fragments, which every diagnostic and quick fix carries) as
 * EMF names them, without searching the list: the fuzz run's model of 46,000 repeated settings took
 * seconds because each diagnostic searched the population's settings from the start.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(CircuitInjectorProvider.class)
class ElementFragmentsTest {
  @Inject private Provider<XtextResourceSet> resourceSets;

  private CircuitResource resource(String text) throws Exception {
    CircuitResource resource = (CircuitResource) resourceSets.get().createResource(URI.createURI("fragments.circuit"));
    resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
    return resource;
  }

  /** 200 populations of 150 settings each, and a projection and a task after them. */
  private static String longLists() {
    StringBuilder text = new StringBuilder("circuit C\n");
    for (int p = 0; p < 200; p++) {
      text.append("population P").append(p).append(" : KC {\n").append("  tau_mem 10 ms\n".repeat(150)).append("}\n");
    }
    return text.append("projection P0 -> P1 dense weight constant(0.5)\ntask navigation { steps 10 }\n").toString();
  }

  private static void assertNamedAsEmfNamesThem(CircuitResource resource) {
    int checked = 0;
    for (var all = resource.getAllContents(); all.hasNext(); checked++) {
      EObject element = all.next();
      String fragment = resource.getURIFragment(element);
      assertEquals(resource.emfURIFragment(element), fragment);
      assertSame(element, resource.getEObject(fragment), fragment);
    }
    assertTrue(checked > 30_000, "checked " + checked);
  }

  @Test
  void everyElementOfLongListsIsNamedAsEmfNamesIt() throws Exception {
    assertNamedAsEmfNamesThem(resource(longLists()));
  }

  @Test
  void anEditedListIsNamedByItsNewPositions() throws Exception {
    CircuitResource resource = resource(longLists());
    assertNamedAsEmfNamesThem(resource); // every list's positions are now known
    Circuit circuit = (Circuit) resource.getContents().get(0);
    Population first = (Population) circuit.getElements().get(0);
    List<EObject> settings = new ArrayList<>(first.getSettings());
    first.getSettings().remove(3);
    first.getSettings().move(0, first.getSettings().size() - 1);
    circuit.getElements().remove(5);
    assertNamedAsEmfNamesThem(resource);
    assertEquals(resource.emfURIFragment(settings.get(4)), resource.getURIFragment(settings.get(4)));
  }
}
