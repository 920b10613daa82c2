package org.neuromechfly.dmn.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model file's text, decoded strictly as UTF-8, or where it stops being UTF-8: a file in another
 * encoding is one located error naming the file, not a cascade of syntax errors over replacement
 * characters. (A byte-order mark is dropped when the language loads the text: CircuitResource.)
 *
 * @param text the text, or {@code null} when the bytes are not UTF-8
 * @param badLine 1-based line of the first byte that is not UTF-8 (0 when the text decoded)
 * @param badColumn 1-based column of that byte
 * @param badByte the byte, 0–255
 */
record SourceText(String text, int badLine, int badColumn, int badByte) {

  static SourceText read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    if (result.isError()) {
      String before = out.toString();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < before.length(); i++) {
        if (before.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      return new SourceText(null, line, before.length() - lineStart + 1, bytes[in.position()] & 0xff);
    }
    return new SourceText(out.toString(), 0, 0, 0);
  }

  boolean isUtf8() {
    return text != null;
  }
}
