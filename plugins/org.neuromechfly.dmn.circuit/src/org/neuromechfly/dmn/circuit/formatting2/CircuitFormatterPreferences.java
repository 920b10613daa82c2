package org.neuromechfly.dmn.circuit.formatting2;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterPreferenceValuesProvider;
import org.eclipse.xtext.preferences.ITypedPreferenceValues;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;

/** Canonical layout is fixed, not a user preference: two-space indents and {@code \n} line ends. */
public class CircuitFormatterPreferences extends FormatterPreferenceValuesProvider {
  @Override
  public ITypedPreferenceValues getPreferenceValues(Resource context) {
    MapBasedPreferenceValues values = new MapBasedPreferenceValues(super.getPreferenceValues(context), new java.util.HashMap<>());
    values.put(FormatterPreferenceKeys.indentation, "  ");
    values.put(FormatterPreferenceKeys.lineSeparator, "\n");
    return values;
  }
}
