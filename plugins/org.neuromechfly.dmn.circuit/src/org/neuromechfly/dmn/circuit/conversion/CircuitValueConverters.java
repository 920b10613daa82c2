package org.neuromechfly.dmn.circuit.conversion;

import java.math.BigDecimal;
import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.INode;
import org.neuromechfly.dmn.model.NumberText;
import org.neuromechfly.dmn.model.PrintableText;

/**
 * Converts the {@code INT}, {@code Number} and {@code UnitSymbol} rules. A number that does not fit
 * its place is reported in the language's words ({@link NumberOutOfRange}), and the value stays
 * unset: the checks see that and say nothing more about it.
 */
public class CircuitValueConverters extends DefaultTerminalConverters {

  /** A written number the model cannot hold: too large, or so small that it would read as zero. */
  public static final class NumberOutOfRange extends ValueConverterException {
    private static final long serialVersionUID = 1L;

    NumberOutOfRange(String message, INode node) {
      super(message, node, null);
    }
  }

  /** Whole numbers (counts, steps, cell indices, seeds) are Java ints. */
  @Override
  @ValueConverter(rule = "INT")
  public IValueConverter<Integer> INT() {
    return new IValueConverter<>() {
      @Override
      public Integer toValue(String string, INode node) {
        if (string == null || string.isBlank()) {
          throw new ValueConverterException("a whole number is missing here", node, null);
        }
        String digits = string.trim();
        try {
          return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
          if (digits.chars().allMatch(Character::isDigit)) {
            throw new NumberOutOfRange(
                "The whole number " + PrintableText.excerpt(digits, 40) + " is too large: whole numbers here go up to "
                    + Integer.MAX_VALUE + ".", node);
          }
          throw new ValueConverterException("'" + PrintableText.excerpt(digits, 40) + "' is not a whole number.", node, null);
        }
      }

      @Override
      public String toString(Integer value) {
        return value.toString();
      }
    };
  }

  /** Connectome neuron ids (FlyWire root ids, neuPrint body ids) are non-negative 64-bit integers. */
  @ValueConverter(rule = "NeuronId")
  public IValueConverter<Long> neuronId() {
    return new IValueConverter<>() {
      @Override
      public Long toValue(String string, INode node) {
        if (string == null || string.isBlank()) {
          throw new ValueConverterException("a neuron id is missing here", node, null);
        }
        String digits = string.trim();
        try {
          return Long.valueOf(digits);
        } catch (NumberFormatException e) {
          if (digits.chars().allMatch(Character::isDigit)) {
            throw new NumberOutOfRange("The neuron id " + PrintableText.excerpt(digits, 40)
                + " is too large: ids go up to " + Long.MAX_VALUE + ".", node);
          }
          throw new ValueConverterException("'" + PrintableText.excerpt(digits, 40) + "' is not a neuron id.", node, null);
        }
      }

      @Override
      public String toString(Long value) {
        return value.toString();
      }
    };
  }

  @ValueConverter(rule = "Number")
  public IValueConverter<Double> number() {
    return new IValueConverter<>() {
      @Override
      public Double toValue(String string, INode node) {
        if (string == null || string.isBlank()) {
          return 0.0; // the parser has already reported the missing number
        }
        String text = string.replaceAll("\\s+", "");
        double value;
        try {
          value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new ValueConverterException("'" + PrintableText.excerpt(text, 40) + "' is not a number.", node, null);
        }
        if (!Double.isFinite(value)) {
          throw new NumberOutOfRange(
              "The number " + PrintableText.excerpt(text, 40) + " is too large: numbers go up to about 1.8e308.", node);
        }
        if (value == 0 && new BigDecimal(text).signum() != 0) {
          throw new NumberOutOfRange(
              "The number " + PrintableText.excerpt(text, 40) + " is too small to tell from zero (the smallest is about 4.9e-324);"
                  + " write 0 if you mean zero.", node);
        }
        return value;
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
