package org.neuromechfly.dmn.circuit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;

/**
 * A {@code .circuit} resource that reads a UTF-8 file with a byte-order mark (which some editors write)
 * like one without: the mark is not part of the text. Everywhere a model is loaded from bytes — the
 * command line, the language server, the build — so a mark never becomes a syntax error.
 */
public class CircuitResource extends LazyLinkingResource {

  @Override
  protected Reader createReader(InputStream inputStream) throws IOException {
    if (!StandardCharsets.UTF_8.name().equalsIgnoreCase(getEncoding())) {
      return super.createReader(inputStream);
    }
    InputStream in = inputStream.markSupported() ? inputStream : new BufferedInputStream(inputStream);
    in.mark(3);
    byte[] head = in.readNBytes(3);
    boolean mark = head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
    if (!mark) {
      in.reset();
    }
    return super.createReader(in);
  }
}
