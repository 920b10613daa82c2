package org.neuromechfly.dmn.connectome.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.neuromechfly.dmn.connectome.ConnectomeException;

/**
 * The cell-type oracle: counts, transmitters, time constants, rates and known projections with their
 * citations, read from {@code cell_types.yaml}. The validator, the generator and the CLI share one
 * instance; it is immutable and thread-safe.
 */
public final class ReferenceData {

  /** Classpath location of the bundled reference file. */
  public static final String BUNDLED_RESOURCE =
      "/org/neuromechfly/dmn/connectome/reference/cell_types.yaml";

  private static volatile ReferenceData bundled;

  private final List<CellType> cellTypes;
  private final Range kcSparsity;
  private final Map<String, Range> activity;

  ReferenceData(List<CellType> cellTypes, Range kcSparsity, Map<String, Range> activity) {
    this.cellTypes = List.copyOf(cellTypes);
    this.kcSparsity = Objects.requireNonNull(kcSparsity, "kcSparsity");
    this.activity = Map.copyOf(activity);
  }

  /** The reference data shipped with this bundle, read once. */
  public static ReferenceData bundled() {
    ReferenceData data = bundled;
    if (data == null) {
      try (InputStream in = ReferenceData.class.getResourceAsStream(BUNDLED_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("bundled " + BUNDLED_RESOURCE + " is missing from the jar");
        }
        data = read(new InputStreamReader(in, StandardCharsets.UTF_8), Path.of("cell_types.yaml (bundled)"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bundled = data;
    }
    return data;
  }

  /**
   * Reads a user's reference file.
   *
   * @throws ConnectomeException naming the file, line and column of a problem and what to do
   */
  public static ReferenceData load(Path yaml) {
    try (Reader reader = Files.newBufferedReader(yaml, StandardCharsets.UTF_8)) {
      return read(reader, yaml);
    } catch (NoSuchFileException e) {
      throw new ConnectomeException(
          yaml, 0, 0, "reference file not found; check the path, or omit 'reference' to use the bundled one.");
    } catch (IOException | UncheckedIOException e) {
      throw new ConnectomeException(yaml, 0, 0, "cannot read the reference file: " + e.getMessage(), e);
    }
  }

  private static ReferenceData read(Reader reader, Path name) {
    return ReferenceYamlReader.read(reader, name);
  }

  /** The type with this name or alias, case-insensitively; exact names win over aliases. */
  public Optional<CellType> cellType(String nameOrAlias) {
    if (nameOrAlias == null) {
      return Optional.empty();
    }
    String wanted = nameOrAlias.trim();
    return cellTypes.stream()
        .filter(t -> t.name().equals(wanted))
        .findFirst()
        .or(() -> cellTypes.stream().filter(t -> t.isNamed(wanted)).findFirst());
  }

  /** All types in file order. */
  public List<CellType> cellTypes() {
    return cellTypes;
  }

  /**
   * Names and aliases closest to an unknown name, for "did you mean" messages: at most {@code max},
   * nearest first, only those within an edit distance a typo could explain.
   */
  public List<String> nearest(String unknown, int max) {
    String u = unknown == null ? "" : unknown.trim().toLowerCase(Locale.ROOT);
    int tolerance = Math.max(2, u.length() / 2);
    record Candidate(String name, int distance) {}
    List<Candidate> candidates = new ArrayList<>();
    for (CellType type : cellTypes) {
      List<String> names = new ArrayList<>(type.aliases());
      names.add(0, type.name());
      for (String n : names) {
        int d = EditDistance.between(u, n.toLowerCase(Locale.ROOT));
        if (d <= tolerance) {
          candidates.add(new Candidate(n, d));
        }
      }
    }
    candidates.sort(
        Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name));
    Set<String> result = new LinkedHashSet<>();
    for (Candidate c : candidates) {
      if (result.size() >= max) {
        break;
      }
      result.add(c.name());
    }
    return List.copyOf(result);
  }

  /**
   * The documented projection from one type to another, looking through aliases and up the parent
   * chain, most specific first: {@code projection("PN", "KCg")} finds uPN → KC.
   */
  public Optional<KnownProjection> projection(String preType, String postType) {
    List<CellType> pres = lineage(preType);
    List<CellType> posts = lineage(postType);
    for (CellType pre : pres) {
      for (CellType post : posts) {
        Optional<KnownProjection> found =
            pre.projections().stream().filter(p -> p.postType().equals(post.name())).findFirst();
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code type} is {@code ancestor} or one of its subtypes (KCg is a KC). */
  public boolean isA(String type, String ancestor) {
    Optional<CellType> a = cellType(ancestor);
    return a.isPresent() && lineage(type).stream().anyMatch(t -> t.name().equals(a.get().name()));
  }

  /** Fraction of KCs that respond to an odour. */
  public Range kcSparsity() {
    return kcSparsity;
  }

  /**
   * A range of the {@code activity} section, which the activity analysis of a trained circuit compares
   * with: {@code kc_lifetime_sparseness}, {@code kc_response_reliability}, {@code apl_block_ratio}.
   */
  public Optional<Range> activityRange(String key) {
    return Optional.ofNullable(activity.get(key));
  }

  /** The type followed by its ancestors; empty when the name is unknown. */
  private List<CellType> lineage(String name) {
    List<CellType> chain = new ArrayList<>();
    Optional<CellType> current = cellType(name);
    while (current.isPresent() && chain.size() <= cellTypes.size()) {
      chain.add(current.get());
      current = current.get().parentName().flatMap(this::cellType);
    }
    return chain;
  }
}
