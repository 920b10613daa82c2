package org.neuromechfly.dmn.circuit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;

/**
 * A {@code .circuit} resource that reads a UTF-8 file with a byte-order mark (which some editors write)
 * like one without: the mark is not part of the text. Everywhere a model is loaded from bytes — the
 * command line, the language server, the build — so a mark never becomes a syntax error. It also names
 * elements of long lists without searching them (see {@link SiblingPositions}).
 */
public class CircuitResource extends LazyLinkingResource {

  private final SiblingPositions positions = new SiblingPositions();

  /**
   * EMF's fragment ({@code /0/@elements.3/@settings.7}: the root, then per level the containment
   * reference and the position in it), built level by level with the positions of long lists looked up
   * rather than searched. Elements whose whole path lies in short lists get EMF's own answer.
   */
  @Override
  public String getURIFragment(EObject object) {
    if (object.eContainer() == null || object.eResource() != this || !inLongList(object)) {
      return super.getURIFragment(object);
    }
    EReference containment = object.eContainmentFeature();
    String segment = "@" + containment.getName();
    if (containment.isMany()) {
      segment += "." + positions.indexOf((List<?>) object.eContainer().eGet(containment, false), object);
    }
    return getURIFragment(object.eContainer()) + "/" + segment;
  }

  /** Whether the object or one of its containers sits in a long list (the grammar has no keyed lists). */
  private static boolean inLongList(EObject object) {
    for (EObject o = object; o.eContainer() != null; o = o.eContainer()) {
      EReference containment = o.eContainmentFeature();
      if (containment.isMany() && ((List<?>) o.eContainer().eGet(containment, false)).size() >= SiblingPositions.LONG_LIST) {
        return true;
      }
    }
    return false;
  }

  /** EMF's fragment, always computed by EMF: what {@link #getURIFragment} must equal (for tests). */
  public String emfURIFragment(EObject object) {
    return super.getURIFragment(object);
  }

  @Override
  protected void clearInternalState() {
    positions.clear();
    super.clearInternalState();
  }

  @Override
  protected void doUnload() {
    positions.clear();
    super.doUnload();
  }

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
