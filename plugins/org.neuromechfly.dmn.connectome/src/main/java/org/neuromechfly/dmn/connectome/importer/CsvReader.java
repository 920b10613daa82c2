package org.neuromechfly.dmn.connectome.importer;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import java.util.regex.Pattern;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.neuromechfly.dmn.model.PrintableText;

/**
 * A streaming reader of comma-separated (RFC 4180 quoting) or whitespace-separated tables, plain or
 * gzipped (detected from the magic bytes), that keeps the line of every record so each bad value is
 * reported as {@code file:line:column}. Fields are parsed in place from a reused buffer, so a
 * 5-million-row FlyWire export is read without a String per value.
 *
 * <p>What is not a table is said so, naming the file: text that is not UTF-8, binary data (a NUL
 * character), a line longer than {@value #MAX_LINE} characters. Messages quote at most a short
 * excerpt of a bad value and list the header only when it looks like column names, so a model that
 * names some other file never makes the tools print that file's contents.
 */
public final class CsvReader implements Closeable {

  private static final int BUFFER = 1 << 16;

  /** Longest line read (characters): far beyond any export's row, far below the array limit. */
  public static final int MAX_LINE = 1 << 24;

  /**
   * Largest synapse count: synapse counts are stored as float, which holds every whole number up to
   * 2^24 exactly, and no pair of neurons shares anywhere near that many synapses.
   */
  public static final double MAX_SYNAPSES = 1 << 24;

  /** Characters a value is quoted with in messages; longer values are cut. */
  private static final int EXCERPT = 20;

  /** What a header of column names looks like: short names of letters, digits and a few marks. */
  private static final Pattern COLUMN_NAME = Pattern.compile("[\\p{L}\\p{N}_ .()\\[\\]-]{0,40}");

  private final Path file;
  private final Reader in;
  private final boolean whitespace;
  private final char[] buffer = new char[BUFFER];
  private int position;
  private int limit;

  private char[] record = new char[256];
  private int recordLength;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int fieldCount;
  private long line;
  private long nextLine = 1;
  private List<String> header = List.of();

  private CsvReader(Path file, Reader in, boolean whitespace) {
    this.file = file;
    this.in = in;
    this.whitespace = whitespace;
  }

  /** Opens a comma-separated file, gunzipping it when it starts with the gzip magic bytes. */
  public static CsvReader open(Path file) {
    return open(file, false);
  }

  /** Opens a table whose fields are separated by runs of spaces or tabs. */
  public static CsvReader openWhitespace(Path file) {
    return open(file, true);
  }

  private static CsvReader open(Path file, boolean whitespace) {
    try {
      InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      InputStream data = gzip ? new GZIPInputStream(raw, BUFFER) : raw;
      // bytes that are not UTF-8 become U+FFFD, which append() reports with its line
      var decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
      return new CsvReader(file, new InputStreamReader(data, decoder), whitespace);
    } catch (NoSuchFileException e) {
      throw new ConnectomeException(file, 0, 0, "file not found; check the connectome path.");
    } catch (EOFException | ZipException e) {
      throw new ConnectomeException(file, 0, 0, "the gzip data is cut short or corrupt (" + e.getMessage()
          + "); download the file again.", e);
    } catch (IOException e) {
      throw new ConnectomeException(file, 0, 0, "cannot open (" + reason(e) + "); is it a readable file?", e);
    }
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /** Reads the first record as the header; an empty file is an error. */
  public List<String> readHeader() {
    if (!next()) {
      throw new ConnectomeException(file, 1, 0, "the file is empty; expected a header line.");
    }
    List<String> names = new ArrayList<>(fieldCount);
    for (int i = 0; i < fieldCount; i++) {
      String name = text(i).trim();
      names.add(i == 0 && name.startsWith("\uFEFF") ? name.substring(1) : name);
    }
    header = List.copyOf(names);
    return header;
  }

  /** Whether the header reads as column names (rather than data, or some other kind of file). */
  public boolean headerLooksLikeColumnNames() {
    return header.size() > 1 && header.stream().allMatch(n -> COLUMN_NAME.matcher(n).matches());
  }

  /**
   * The header for a message: its column names when it looks like a header, otherwise only what is
   * wrong with it (never the text of a line that is not a header).
   */
  public String describeHeader() {
    if (headerLooksLikeColumnNames()) {
      return "the header has columns " + String.join(", ", header);
    }
    if (header.size() == 1) {
      String only = header.get(0);
      for (String separator : new String[] {";", "\t", "|", ":"}) {
        if (only.contains(separator)) {
          return "the first line is one field that contains '" + PrintableText.oneLine(separator)
              + "': columns must be separated by commas";
        }
      }
    }
    return "the first line (" + header.size() + " field(s)) is not a header of column names; is this a"
        + (whitespace ? " whitespace-separated" : " comma-separated") + " table of the expected kind?";
  }

  /** The header read by {@link #readHeader()}. */
  public List<String> header() {
    return header;
  }

  /**
   * Index of the first of {@code names} present in the header, or -1.
   *
   * @throws ConnectomeException when that name heads two columns: which one holds the data is
   *     ambiguous
   */
  public int column(String... names) {
    for (String name : names) {
      int i = header.indexOf(name);
      if (i >= 0) {
        int again = header.lastIndexOf(name);
        if (again != i) {
          throw new ConnectomeException(
              file, 1, again + 1,
              "the header names column '" + name + "' twice (columns " + (i + 1) + " and " + (again + 1)
                  + "); which one holds the data is ambiguous. Remove or rename one.");
        }
        return i;
      }
    }
    return -1;
  }

  /** Index of a column that must be present; the error describes the header found. */
  public int requireColumn(String... names) {
    int i = column(names);
    if (i < 0) {
      throw new ConnectomeException(
          file, 1, 0,
          "missing column " + String.join(" or ", names) + "; " + describeHeader() + ". Is this the right export?");
    }
    return i;
  }

  /** Advances to the next non-blank record; false at the end of the file. */
  public boolean next() {
    try {
      while (readRecord()) {
        if (fieldCount > 1 || ends[0] > starts[0]) {
          return true;
        }
      }
      return false;
    } catch (EOFException | ZipException e) {
      throw new ConnectomeException(
          file, nextLine, 0,
          "the gzip data ends or breaks after line " + (nextLine - 1) + " (" + e.getMessage()
              + "): the file is truncated or corrupt. Download it again.", e);
    } catch (IOException e) {
      throw new ConnectomeException(file, nextLine, 0, "read failed (" + reason(e) + ").", e);
    }
  }

  /** Requires the current record to have exactly as many fields as the header. */
  public void requireHeaderWidth() {
    if (fieldCount != header.size()) {
      throw new ConnectomeException(
          file, line, Math.min(fieldCount, header.size()) + 1,
          "expected " + header.size() + " fields as in the header, found " + fieldCount
              + "; the line is cut short or has stray separators.");
    }
  }

  /** Fields in the current record. */
  public int fieldCount() {
    return fieldCount;
  }

  /** 1-based line where the current record starts. */
  public long line() {
    return line;
  }

  /** The raw text of a field. */
  public String text(int column) {
    requirePresent(column);
    return new String(record, starts[column], ends[column] - starts[column]);
  }

  /** Whether a field is empty. */
  public boolean isEmpty(int column) {
    return column >= fieldCount || ends[column] == starts[column];
  }

  /**
   * A neuron identifier: a non-negative int64 (FlyWire root ids are ~7.2e17, so never a double;
   * body and root ids are never negative).
   */
  public long id(int column) {
    requirePresent(column);
    int from = starts[column];
    int to = ends[column];
    if (from == to) {
      throw error(column, "empty id; every row needs a numeric id.");
    }
    if (record[from] == '-' && to - from > 1 && allDigits(from + 1, to)) {
      throw error(column, "negative id " + quoted(column) + "; neuron ids are non-negative. The column may be corrupt.");
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = record[i];
      if (c < '0' || c > '9') {
        throw error(column, quoted(column) + " is not an integer id; ids are non-negative int64 numbers.");
      }
      if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
        throw error(column, quoted(column) + " does not fit in a 64-bit id; the column may be corrupt.");
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * A synapse count of an export that counts synapses: a whole number from 0 to
   * {@link #MAX_SYNAPSES}.
   */
  public int synapseCount(int column) {
    double parsed = count(column);
    if (parsed != Math.rint(parsed)) {
      throw error(column, "synapse count " + PrintableText.excerpt(text(column).trim(), EXCERPT)
          + " is not a whole number; this export counts synapses.");
    }
    return (int) parsed;
  }

  /**
   * A synapse count that may be a mean (flyvis): a finite number from 0 to {@link #MAX_SYNAPSES}.
   * Integer text below 2^24 (at most 7 digits) is parsed in place; anything else falls back to
   * {@link Double#parseDouble}.
   */
  public double count(int column) {
    requirePresent(column);
    int from = starts[column];
    int to = ends[column];
    if (to > from && to - from < 8 && allDigits(from, to)) {
      long value = 0;
      for (int i = from; i < to; i++) {
        value = value * 10 + (record[i] - '0');
      }
      return value;
    }
    double parsed;
    try {
      parsed = Double.parseDouble(text(column).trim());
    } catch (NumberFormatException e) {
      throw error(column, quoted(column) + " is not a number; expected a synapse count.");
    }
    String value = PrintableText.excerpt(text(column).trim(), EXCERPT);
    if (!(parsed >= 0)) {
      throw error(column, "synapse count " + value + " is negative or not a number; counts are >= 0.");
    }
    if (parsed > MAX_SYNAPSES) {
      throw error(column, "synapse count " + value + " is above " + (long) MAX_SYNAPSES
          + " (2^24), more than any two neurons share; the column may be corrupt.");
    }
    return parsed;
  }

  /** A boolean written True/False, true/false or 1/0. */
  public boolean bool(int column) {
    String t = text(column).trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw error(column, quoted(column) + " is not True or False.");
    };
  }

  /** A field's text for a message: quoted, on one line, cut short when long. */
  public String quoted(int column) {
    return "'" + PrintableText.excerpt(text(column), EXCERPT) + "'";
  }

  private boolean allDigits(int from, int to) {
    for (int i = from; i < to; i++) {
      if (record[i] < '0' || record[i] > '9') {
        return false;
      }
    }
    return true;
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : PrintableText.excerpt(e.getMessage(), 200);
  }

  /** An error at a field of the current record, naming the column by its header name. */
  public ConnectomeException error(int column, String message) {
    String name = column < header.size() ? " (column '" + header.get(column) + "')" : "";
    String text = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    return new ConnectomeException(file, line, column + 1, text + name + ".");
  }

  private void requirePresent(int column) {
    if (column >= fieldCount) {
      String name = column < header.size() ? "'" + header.get(column) + "'" : "" + (column + 1);
      throw new ConnectomeException(
          file, line, fieldCount + 1,
          "the line has " + fieldCount + " fields, column " + name + " is missing; the line is cut short.");
    }
  }

  private boolean readRecord() throws IOException {
    recordLength = 0;
    fieldCount = 0;
    line = nextLine;
    int c = read();
    if (c < 0) {
      return false;
    }
    boolean quoted = false;
    int fieldStart = 0;
    if (whitespace) {
      while (c == ' ' || c == '\t') {
        c = read();
      }
    }
    while (true) {
      if (quoted) {
        if (c < 0) {
          throw new ConnectomeException(
              file, line, fieldCount + 1, "a quoted field is never closed; add the closing quote.");
        }
        if (c == '"') {
          int d = peek();
          if (d == '"') {
            read();
            append('"');
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            nextLine++;
          }
          append((char) c);
        }
      } else if (c < 0 || c == '\n') {
        if (c == '\n') {
          nextLine++;
        }
        if (!(whitespace && recordLength == fieldStart && fieldCount > 0)) {
          endField(fieldStart);
        }
        return true;
      } else if (c == '"' && recordLength == fieldStart) {
        quoted = true;
      } else if (whitespace ? (c == ' ' || c == '\t') : c == ',') {
        endField(fieldStart);
        fieldStart = recordLength;
        if (whitespace) {
          while (peek() == ' ' || peek() == '\t') {
            read();
          }
        }
      } else if (c != '\r') {
        append((char) c);
      }
      c = read();
    }
  }

  private void endField(int fieldStart) {
    if (fieldCount == starts.length) {
      starts = Arrays.copyOf(starts, fieldCount * 2);
      ends = Arrays.copyOf(ends, fieldCount * 2);
    }
    starts[fieldCount] = fieldStart;
    ends[fieldCount++] = recordLength;
  }

  private void append(char c) {
    if (recordLength == record.length) {
      if (recordLength >= MAX_LINE) {
        throw new ConnectomeException(
            file, line, 0,
            "line " + line + " is longer than " + MAX_LINE + " characters; this is not a table of the expected"
                + " kind (binary data, or a file without line breaks).");
      }
      record = Arrays.copyOf(record, Math.min(record.length * 2, MAX_LINE));
    }
    if (c == 0) {
      throw new ConnectomeException(
          file, nextLine, 0,
          "binary data (a NUL character) on line " + nextLine + "; this is not a text table. Is it the right file?");
    }
    if (c == '\uFFFD') {
      throw new ConnectomeException(
          file, nextLine, 0,
          "not UTF-8 text (binary data, or another encoding) on line " + nextLine
              + "; is this the right file? Save tables as UTF-8 CSV.");
    }
    record[recordLength++] = c;
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, BUFFER);
    position = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // Reading is complete or has already failed with a clearer message.
    }
  }
}
