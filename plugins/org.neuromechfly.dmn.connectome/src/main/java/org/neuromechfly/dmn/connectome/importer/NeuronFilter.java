package org.neuromechfly.dmn.connectome.importer;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.neuromechfly.dmn.connectome.ConnectomeException;

/**
 * Which neurons of a connectome a population takes. Patterns must match the whole field; null
 * fields do not restrict.
 *
 * @param type pattern for the cell type (the class when a neuron has no type)
 * @param cellClass pattern for the class
 * @param side {@code left}, {@code right} or {@code center}, case-insensitive
 * @param superClass pattern for the super class (FlyWire {@code super_class})
 */
public record NeuronFilter(Pattern type, Pattern cellClass, String side, Pattern superClass) {

  /** Everything. */
  public static final NeuronFilter ALL = new NeuronFilter(null, null, null, null);

  /** A filter on type, class and side. */
  public NeuronFilter(Pattern type, Pattern cellClass, String side) {
    this(type, cellClass, side, null);
  }

  /** The neurons a population's selection takes (patterns as in {@link #of}). */
  public static NeuronFilter of(org.neuromechfly.dmn.model.PopulationSelection selection) {
    return new NeuronFilter(compile("cell_type", selection.cellType()), compile("cell_class", selection.cellClass()),
        blankToNull(selection.side()), compile("super_class", selection.superClass()));
  }

  /**
   * A filter from query text; a bad pattern is reported with the query field it came from.
   *
   * @throws ConnectomeException for an invalid regular expression
   */
  public static NeuronFilter of(String typeRegex, String classRegex, String side) {
    return new NeuronFilter(
        compile("type", typeRegex), compile("class", classRegex), blankToNull(side));
  }

  /** Whether the neuron passes every set criterion. */
  public boolean matches(Neuron neuron) {
    if (type != null && !matches(type, neuron.typeOrClass())) {
      return false;
    }
    if (cellClass != null && !matches(cellClass, neuron.cellClass())) {
      return false;
    }
    if (superClass != null && !matches(superClass, neuron.superClass())) {
      return false;
    }
    return side == null || side.equalsIgnoreCase(neuron.side() == null ? "" : neuron.side());
  }

  /** Readable form for provenance and messages, e.g. {@code type ~ '.*PN', side right}. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (type != null) {
      b.append("type ~ '").append(type.pattern()).append('\'');
    }
    if (cellClass != null) {
      b.append(b.isEmpty() ? "" : ", ").append("class ~ '").append(cellClass.pattern()).append('\'');
    }
    if (superClass != null) {
      b.append(b.isEmpty() ? "" : ", ").append("super class ~ '").append(superClass.pattern()).append('\'');
    }
    if (side != null) {
      b.append(b.isEmpty() ? "" : ", ").append("side ").append(side.toLowerCase(Locale.ROOT));
    }
    return b.isEmpty() ? "all neurons" : b.toString();
  }

  /**
   * Steps a pattern may take on one name. Names are short; a pattern with nested repetition (such
   * as {@code ((a+)+)+b}) can take exponentially many steps and would hang the validator while typing.
   */
  static final long MATCH_BUDGET = 1_000_000;

  private static boolean matches(Pattern pattern, String value) {
    if (value == null) {
      return false;
    }
    try {
      return pattern.matcher(new BoundedText(value, new long[] {MATCH_BUDGET})).matches();
    } catch (BoundedText.Exhausted e) {
      throw new ConnectomeException(
          "query pattern '" + pattern.pattern() + "' takes too long to match the name '" + value
              + "' (nested repetition such as ((a+)+)+ backtracks exponentially); simplify the pattern.");
    }
  }

  /** A name that lets a matcher read only so many characters. */
  private record BoundedText(String text, long[] budget) implements CharSequence {
    static final class Exhausted extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Exhausted() {
        super(null, null, false, false);
      }
    }

    @Override
    public char charAt(int index) {
      if (--budget[0] < 0) {
        throw new Exhausted();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new BoundedText(text.substring(start, end), budget);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static Pattern compile(String field, String regex) {
    String r = blankToNull(regex);
    if (r == null) {
      return null;
    }
    try {
      return Pattern.compile(r);
    } catch (PatternSyntaxException e) {
      throw new ConnectomeException(
          "query " + field + " pattern '" + r + "' is not a valid regular expression ("
              + e.getDescription() + " at index " + e.getIndex() + "); fix the pattern.");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
