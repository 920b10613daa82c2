package org.neuromechfly.dmn.connectome.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.neuromechfly.dmn.connectome.ConnectomeException;

/**
 * SHA-256 checksums of connectome sources, defined so users can reproduce a pin with standard tools:
 * a single file's checksum is {@code sha256sum file}; a folder's is the SHA-256 of the
 * {@code sha256sum}-style listing ({@code <hex>  <file name>\n}) of the files read, in the order the
 * importer reads them.
 */
public final class Checksums {

  private Checksums() {}

  /** The checksum of a source given the files its importer reads. */
  public static String ofSource(Path source, List<Path> files) {
    if (!Files.isDirectory(source) && files.size() == 1) {
      return ofFile(files.get(0));
    }
    StringBuilder listing = new StringBuilder();
    for (Path file : files) {
      listing.append(ofFile(file)).append("  ").append(file.getFileName()).append('\n');
    }
    return ofText(listing.toString());
  }

  /** {@code sha256sum} of one file. */
  public static String ofFile(Path file) {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new ConnectomeException(file, 0, 0, "cannot read for its checksum: " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** SHA-256 of UTF-8 text, hex. */
  public static String ofText(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
