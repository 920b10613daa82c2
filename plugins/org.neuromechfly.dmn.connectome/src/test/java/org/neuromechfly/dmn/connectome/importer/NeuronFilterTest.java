package org.neuromechfly.dmn.connectome.importer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.neuromechfly.dmn.connectome.ConnectomeException;

class NeuronFilterTest {
  private static Neuron typed(String type) {
    return new Neuron(1, type, type, null, null, null, null);
  }

  @Test
  void patternsMatchWholeNames() {
    NeuronFilter kc = NeuronFilter.of("KC.*", null, null);
    assertTrue(kc.matches(typed("KCab-p")));
    assertFalse(kc.matches(typed("MBON01")));
  }

  /** A pattern that backtracks exponentially is refused with a message instead of hanging validation. */
  @Test
  void aCatastrophicPatternIsAnErrorNotAHang() {
    NeuronFilter nested = NeuronFilter.of("((a+)+)+b", null, null);
    ConnectomeException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(ConnectomeException.class, () -> nested.matches(typed("a".repeat(40)))));
    assertTrue(e.getMessage().contains("takes too long to match"), e.getMessage());
  }
}
