package org.neuromechfly.dmn.circuit.validation;

import java.util.Optional;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.neuromechfly.dmn.circuit.units.Vocabulary;

/** Base of the composed check classes: they register through {@link CircuitValidator} only. */
abstract class CircuitCheck extends AbstractCircuitValidator {

  @Override
  public void register(EValidatorRegistrar registrar) {
    // composed into CircuitValidator; registering here too would run every check twice
  }

  /**
   * Reports a word that is not in a vocabulary, suggesting the nearest one; returns the value when
   * the word is known.
   */
  protected <E> Optional<E> checkChoice(
      Vocabulary<E> vocabulary, String word, EObject owner, EStructuralFeature feature) {
    if (word == null) {
      return Optional.empty();
    }
    Optional<E> value = vocabulary.lookup(word);
    if (value.isEmpty()) {
      String hint =
          vocabulary
              .nearest(word)
              .map(n -> " Did you mean '" + n + "'?")
              .orElse(" Use one of: " + String.join(", ", vocabulary.words()) + ".");
      error(
          "Unknown " + vocabulary.what() + " '" + word + "'." + hint,
          owner,
          feature,
          CircuitIssueCodes.UNKNOWN_CHOICE,
          vocabulary.nearest(word).orElse(vocabulary.words().get(0)));
    }
    return value;
  }
}
