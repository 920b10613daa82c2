package org.neuromechfly.dmn.circuit.editor.validation;

import org.eclipse.jface.text.reconciler.MonoReconciler;

/**
 * Validates the whole document a short pause after each change, off the UI thread. Not incremental:
 * a .circuit file is small and cross-references span it, so partial validation would be wrong.
 */
public class CircuitValidationReconciler extends MonoReconciler {

  /** Pause after the last keystroke before validating, in milliseconds. */
  private static final int DELAY_MS = 300;

  public CircuitValidationReconciler() {
    super(new ValidationStrategy(), false);
    setDelay(DELAY_MS);
  }
}
