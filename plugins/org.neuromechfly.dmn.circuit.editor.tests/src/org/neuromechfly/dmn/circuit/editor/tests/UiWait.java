package org.neuromechfly.dmn.circuit.editor.tests;

import java.util.function.BooleanSupplier;
import org.eclipse.swt.widgets.Display;

/**
 * Waits on the UI thread while keeping the event loop running: the reconciler reports back through
 * it, so a plain sleep would wait for nothing.
 */
final class UiWait {
  private UiWait() {}

  /** Spins the event loop until the condition holds or the timeout passes; returns the condition. */
  static boolean until(BooleanSupplier condition, long timeoutMillis) {
    Display display = Display.getCurrent();
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        return false;
      }
      if (!display.readAndDispatch()) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return condition.getAsBoolean();
        }
      }
    }
    return true;
  }

  /** Lets pending UI work (painting, presentation updates) run. */
  static void drain() {
    Display display = Display.getCurrent();
    while (display.readAndDispatch()) {
      // keep going until the queue is empty
    }
  }
}
