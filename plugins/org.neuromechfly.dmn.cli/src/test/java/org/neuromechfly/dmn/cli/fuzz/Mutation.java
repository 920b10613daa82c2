package org.neuromechfly.dmn.cli.fuzz;

/**
 * One edit of a model text or a data file, fully determined by its fields so that a failing case
 * can be replayed (and shrunk by jqwik) from its description alone.
 *
 * @param kind what to do
 * @param where where to do it, as a fraction of the tokens (or bytes) of the input, in [0, 1)
 * @param pick which variant of the edit (a payload, a count), any non-negative number
 */
public record Mutation(Kind kind, double where, int pick) {

  /** The edits. Model edits work on tokens or bytes of a {@code .circuit}; data edits on a table. */
  public enum Kind {
    // model text
    TRUNCATE,
    DELETE_TOKEN,
    DUPLICATE_TOKEN,
    SWAP_TOKENS,
    KEYWORD_FOR_TOKEN,
    EXTREME_NUMBER,
    UNIT_SWAP,
    CONTROL_CHARACTER,
    REPEAT_LINE,
    REPEAT_LIST_ITEM,
    LONG_IDENTIFIER,
    HOSTILE_STRING,
    FORMAT_SWAP,
    ENCODING,
    // data files
    DATA_TRUNCATE,
    DATA_FLIP_BYTES,
    DATA_EXTREME_VALUE,
    DATA_SEPARATOR,
    DATA_HEADER,
    DATA_EMPTY,
    DATA_BINARY,
    DATA_FOLDER,
    DATA_LINK_LOOP,
    DATA_DELETE,
    DATA_STRAY_FILE,
    DATA_GZIP;

    /** Whether the edit applies to a model text (else to a data folder). */
    public boolean onModel() {
      return ordinal() < DATA_TRUNCATE.ordinal();
    }
  }

  public Mutation {
    where = Math.max(0, Math.min(where, Math.nextDown(1.0)));
    pick = Math.max(0, pick);
  }

  /** An index in [0, size) chosen by {@link #where}. */
  int at(int size) {
    return size <= 0 ? 0 : Math.min(size - 1, (int) (where * size));
  }

  /** One of the options, chosen by {@link #pick}. */
  <T> T choose(java.util.List<T> options) {
    return options.get(pick % options.size());
  }

  @Override
  public String toString() {
    return kind + "@" + String.format(java.util.Locale.ROOT, "%.4f", where) + "#" + pick;
  }
}
