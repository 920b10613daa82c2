package org.neuromechfly.dmn.circuit.sweep;

import java.util.List;
import java.util.function.Function;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.units.Vocabulary;

/**
 * A setting a sweep may vary, and where it lives in a model: the block that holds it, the setting
 * object and the feature of its value, and how to write the setting into a model that omits it.
 *
 * @param path the setting's path as a sweep names it ({@code training.lr}; {@code KC.tau_mem} for
 *     population {@code KC})
 * @param kind what its values are
 * @param valueClass the class of the setting object that holds the value
 * @param feature the value's feature on that object
 * @param block finds the block (or population, or setting) the setting goes into, or {@code null} when the
 *     model has none
 * @param setting finds the setting object inside that block, or {@code null} when the model omits it
 * @param insertion the text that declares the setting with a value ({@code "lr %s"}), or {@code null} when
 *     the setting cannot be added on its own; then {@code missing} says what to write first
 * @param part whether the value is an optional part of a larger setting ({@code goal radius} of the
 *     navigation term): then {@code insertion} is appended to that setting, which must exist
 * @param missing what to tell a user whose model lacks the setting
 * @param words the vocabulary of a word-valued setting, else {@code null}
 */
public record SweptSetting(
    String path,
    Kind kind,
    EClass valueClass,
    EStructuralFeature feature,
    Function<Circuit, EObject> block,
    Function<EObject, EObject> setting,
    String insertion,
    boolean part,
    String missing,
    Vocabulary<?> words) {

  /** What the values of a setting are. */
  public enum Kind {
    /** a whole number ({@code seed 3}, {@code count 2000}) */
    INTEGER,
    /** a plain number ({@code lr 0.01}, {@code energy 0.1}) */
    NUMBER,
    /** a number with a unit of the setting's dimension ({@code tau_mem 20 ms}) */
    QUANTITY,
    /** a word of the setting's vocabulary ({@code optimizer adam}) */
    WORD
  }

  /** The words a word-valued setting accepts (empty otherwise). */
  public List<String> choices() {
    return words == null ? List.of() : words.words();
  }
}
