package org.neuromechfly.dmn.circuit.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.INode;
import org.neuromechfly.dmn.model.NumberText;

/** Converts the {@code Number} and {@code UnitSymbol} datatype rules. */
public class CircuitValueConverters extends DefaultTerminalConverters {

  @ValueConverter(rule = "Number")
  public IValueConverter<Double> number() {
    return new IValueConverter<>() {
      @Override
      public Double toValue(String string, INode node) {
        if (string == null || string.isBlank()) {
          return 0.0; // the parser has already reported the missing number
        }
        try {
          double value = Double.parseDouble(string.replaceAll("\\s+", ""));
          if (!Double.isFinite(value)) {
            throw new ValueConverterException(
                "the number " + string.trim() + " is too large", node, null);
          }
          return value;
        } catch (NumberFormatException e) {
          throw new ValueConverterException("'" + string.trim() + "' is not a number", node, e);
        }
      }

      @Override
      public String toString(Double value) {
        return NumberText.format(value);
      }
    };
  }

  @ValueConverter(rule = "UnitSymbol")
  public IValueConverter<String> unitSymbol() {
    return new IValueConverter<>() {
      @Override
      public String toValue(String string, INode node) {
        return string == null ? null : string.replaceAll("\\s+", "");
      }

      @Override
      public String toString(String value) {
        return value;
      }
    };
  }
}
