package org.neuromechfly.dmn.connectome.reference;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neuromechfly.dmn.connectome.ConnectomeException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads {@code cell_types.yaml}. Hardened for files a user did not write: a code-point limit, few
 * collection aliases (stops billion-laughs documents), a nesting limit, and node-level reading so no
 * YAML tag can construct an object.
 */
final class ReferenceYamlReader {

  /** Generous for a reference file (the bundled one is ~12 k code points). */
  static final int CODE_POINT_LIMIT = 2_000_000;
  /** The bundled file uses 22 aliases of shared defaults; billion-laughs needs far more. */
  static final int ALIAS_LIMIT = 50;

  private static final Set<String> ROOT_KEYS =
      Set.of("format", "kc_sparsity", "activity", "defaults", "cell_types");
  /** Ranges the activity analysis of a trained circuit compares with ({@link ReferenceData#activityRange}). */
  static final Set<String> ACTIVITY_KEYS =
      Set.of("kc_lifetime_sparseness", "kc_response_reliability", "apl_block_ratio");
  private static final Set<String> TYPE_KEYS =
      Set.of(
          "name", "aliases", "parent", "transmitter", "other_transmitters", "graded", "count",
          "tau_mem_ms", "threshold", "spontaneous_hz", "evoked_hz", "projections");

  private final YamlNodes nodes;

  private ReferenceYamlReader(Path file) {
    this.nodes = new YamlNodes(file);
  }

  static ReferenceData read(Reader reader, Path file) {
    return new ReferenceYamlReader(file).read(reader);
  }

  private ReferenceData read(Reader reader) {
    Node root = compose(reader);
    Map<String, Node> fields = nodes.fields(root, "the reference file", ROOT_KEYS);
    Node format = nodes.required(fields, root, "format", "the reference file");
    if (nodes.number(format, "format") != 1) {
      throw nodes.error(format, "unsupported format; this version reads format 1.");
    }
    Range sparsity =
        nodes.range(nodes.required(fields, root, "kc_sparsity", "the reference file"), "kc_sparsity");
    Map<String, Range> activity = new LinkedHashMap<>();
    Node activityNode = fields.get("activity");
    if (activityNode != null) {
      nodes.fields(activityNode, "activity", ACTIVITY_KEYS)
          .forEach((key, node) -> activity.put(key, nodes.range(node, "activity." + key)));
    }
    Map<String, Map<String, Node>> raw = new LinkedHashMap<>();
    Map<String, Node> owners = new HashMap<>();
    for (Node entry : nodes.sequence(nodes.required(fields, root, "cell_types", "the file"), "cell_types")) {
      Map<String, Node> type = nodes.fields(entry, "a cell type", TYPE_KEYS);
      String name = nodes.string(nodes.required(type, entry, "name", "a cell type"), "name");
      if (raw.put(name, type) != null) {
        throw nodes.error(entry, "cell type '" + name + "' is declared twice; merge the entries.");
      }
      owners.put(name, entry);
    }
    Map<String, CellType> resolved = new LinkedHashMap<>();
    for (String name : raw.keySet()) {
      resolve(name, raw, owners, resolved, new HashSet<>());
    }
    checkNamesUnique(resolved.values(), raw);
    List<CellType> types = new ArrayList<>();
    for (CellType type : resolved.values()) {
      types.add(withCanonicalTargets(type, resolved, raw.get(type.name())));
    }
    return new ReferenceData(types, sparsity, activity);
  }

  private Node compose(Reader reader) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(CODE_POINT_LIMIT);
    options.setMaxAliasesForCollections(ALIAS_LIMIT);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(20);
    options.setAllowDuplicateKeys(false);
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options);
    try {
      Node root = yaml.compose(reader);
      if (root == null) {
        throw new ConnectomeException(null, 0, 0, "the reference file is empty.");
      }
      return root;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = firstLine(e.getProblem());
      if (problem.contains("tag")) {
        throw nodes.errorAt(
            mark, problem + "; reference files hold plain data only, remove the tag.");
      }
      throw nodes.errorAt(mark, "not valid YAML: " + problem + ". Fix the syntax there.");
    } catch (YAMLException e) {
      throw nodes.errorAt(
          null,
          "rejected: " + firstLine(e.getMessage()) + ". Reference files are small plain data; remove"
              + " repeated aliases or cut the file down.");
    }
  }

  private CellType resolve(
      String name,
      Map<String, Map<String, Node>> raw,
      Map<String, Node> owners,
      Map<String, CellType> resolved,
      Set<String> visiting) {
    CellType done = resolved.get(name);
    if (done != null) {
      return done;
    }
    Map<String, Node> type = raw.get(name);
    Node owner = owners.get(name);
    if (!visiting.add(name)) {
      throw nodes.error(owner, "cell type '" + name + "' is its own ancestor; break the parent cycle.");
    }
    CellType parent = null;
    if (type.containsKey("parent")) {
      String parentName = nodes.string(type.get("parent"), "parent");
      if (!raw.containsKey(parentName)) {
        throw nodes.error(
            type.get("parent"), "parent '" + parentName + "' is not a declared cell type; declare it.");
      }
      parent = resolve(parentName, raw, owners, resolved, visiting);
    }
    CellType cellType = new CellTypeEntry(nodes, name, type, owner, parent).toCellType();
    resolved.put(name, cellType);
    return cellType;
  }

  /** Names and aliases must resolve to exactly one type, ignoring case. */
  private void checkNamesUnique(Iterable<CellType> types, Map<String, Map<String, Node>> raw) {
    Map<String, String> owner = new HashMap<>();
    for (CellType type : types) {
      List<String> names = new ArrayList<>(type.aliases());
      names.add(0, type.name());
      for (String n : names) {
        String previous = owner.putIfAbsent(n.toLowerCase(Locale.ROOT), type.name());
        if (previous != null && !previous.equals(type.name())) {
          throw nodes.error(
              raw.get(type.name()).get(n.equals(type.name()) ? "name" : "aliases"),
              "'" + n + "' already names cell type '" + previous + "'; names and aliases must be"
                  + " unique.");
        }
      }
    }
  }

  private CellType withCanonicalTargets(
      CellType type, Map<String, CellType> all, Map<String, Node> entry) {
    List<KnownProjection> canonical = new ArrayList<>();
    for (KnownProjection p : type.projections()) {
      CellType target =
          all.values().stream()
              .filter(t -> t.isNamed(p.postType()))
              .findFirst()
              .orElseThrow(
                  () ->
                      nodes.error(
                          entry.get("projections"),
                          "projection target '" + p.postType() + "' of " + type.name()
                              + " is not a declared cell type."));
      canonical.add(new KnownProjection(type.name(), target.name(), p.fanIn(), p.source()));
    }
    return new CellType(
        type.name(), type.aliases(), type.parent(), type.transmitter(), type.otherTransmitters(),
        type.count(), type.tauMem(), type.threshold(), type.spontaneousRate(), type.evokedRate(),
        type.graded(), type.citations(), canonical);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unknown problem";
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).trim();
  }
}
