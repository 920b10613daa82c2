package org.neuromechfly.dmn.export.nir;

import org.neuromechfly.dmn.export.ExportException;
import org.neuromechfly.dmn.model.export.ExportTarget;

/** A NIR file or graph that breaks a NIR rule; the message names the node (or edge) and the problem. */
public class NirFormatException extends ExportException {
  private final String node;

  public NirFormatException(String node, String problem) {
    super(ExportTarget.NIR, null, (node == null ? "" : "node '" + node + "': ") + problem);
    this.node = node;
  }

  /** The offending node's name, or {@code null} for file-level problems. */
  public String node() {
    return node;
  }
}
